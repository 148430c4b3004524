import { model } from "@medusajs/framework/utils"
import { Invoice } from "./invoice"

/** An order charge (a shipping method), invoiced once with the first invoice of its order. */
export const InvoiceCharge = model.define(
  { name: "InvoiceCharge", tableName: "invoicing_invoice_charge" },
  {
    id: model.id({ prefix: "invchg" }).primaryKey(),
    order_id: model.text().index(),
    order_display_id: model.number().nullable(),
    shipping_method_id: model.text().index(),
    name: model.text(),
    tax_rate: model.bigNumber(),
    subtotal: model.bigNumber(),
    discount_total: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    /** On a credit note: the invoice charge it credits. */
    credited_charge_id: model.text().index().nullable(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "charges" }),
  }
)
