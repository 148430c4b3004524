import { model } from "@medusajs/framework/utils"

/**
 * A posted document's PDF as rendered once and stored through Medusa's File module: the
 * original (copy 0) or copy n. Later template or data changes never alter it.
 */
export const InvoiceDocument = model
  .define(
    { name: "InvoiceDocument", tableName: "invoicing_document" },
    {
      id: model.id({ prefix: "ivdoc" }).primaryKey(),
      invoice_id: model.text().index(),
      copy: model.number(),
      file_id: model.text(),
    }
  )
  .indexes([{ on: ["invoice_id", "copy"], unique: true }])
