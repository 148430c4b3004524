import { model } from "@medusajs/framework/utils"

/** The store's invoicing settings: one row (id "ivset_store"), seller details and print management defaults. */
export const InvoicingSettings = model.define(
  { name: "InvoicingSettings", tableName: "invoicing_settings" },
  {
    id: model.id({ prefix: "ivset" }).primaryKey(),
    /** Seller details printed on every document: name, address lines, VAT number, e-mail, phone, logo (data URI), footer. */
    seller: model.json().nullable(),
    /** Copies printed beside the original when posting uses print management. */
    copies: model.number().default(0),
    /** Print destinations: store the PDFs; e-mail the original to the invoice account. */
    store_documents: model.boolean().default(true),
    email_invoices: model.boolean().default(false),
  }
)
