import { model } from "@medusajs/framework/utils"
import { Invoice } from "./invoice"

/** One order line (or part of it) on an invoice, naming the packing slip it was shipped on. */
export const InvoiceLine = model.define(
  { name: "InvoiceLine", tableName: "invoicing_invoice_line" },
  {
    id: model.id({ prefix: "invline" }).primaryKey(),
    order_id: model.text().index(),
    order_display_id: model.number().nullable(),
    line_item_id: model.text().index(),
    packing_slip_id: model.text().nullable(),
    packing_slip_number: model.text().nullable(),
    title: model.text(),
    variant_sku: model.text().nullable(),
    quantity: model.number(),
    unit_price: model.bigNumber(),
    is_tax_inclusive: model.boolean().default(false),
    tax_rate: model.bigNumber(),
    subtotal: model.bigNumber(),
    discount_total: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    /** On a credit note: the invoice line it credits. */
    credited_line_id: model.text().index().nullable(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "lines" }),
  }
)
