import { model } from "@medusajs/framework/utils"

/** A payment received against a posted invoice; the invoice itself never changes. */
export const InvoicePayment = model.define(
  { name: "InvoicePayment", tableName: "invoicing_payment" },
  {
    id: model.id({ prefix: "ivpay" }).primaryKey(),
    invoice_id: model.text().index(),
    invoice_account_id: model.text().index(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    paid_at: model.dateTime(),
  }
)
