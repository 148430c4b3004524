import { model } from "@medusajs/framework/utils"
import { InvoiceLine } from "./invoice-line"
import { InvoiceCharge } from "./invoice-charge"

/** A posted, numbered and immutable invoice or credit note (pro formas are never stored). */
export const Invoice = model
  .define(
    { name: "Invoice", tableName: "invoicing_invoice" },
    {
      id: model.id({ prefix: "inv" }).primaryKey(),
      kind: model.enum(["invoice", "credit_note"]).default("invoice"),
      number: model.text().unique(),
      series_code: model.text(),
      invoice_date: model.dateTime(),
      due_date: model.dateTime().nullable(),
      posted_at: model.dateTime(),
      currency_code: model.text(),
      invoice_account_id: model.text().index(),
      bill_to: model.json().nullable(),
      summary_update: model.text(),
      quantity_mode: model.text(),
      print_charges: model.text(),
      packing_slip_number: model.text().nullable(),
      group_key: model.text(),
      idempotency_key: model.text().nullable(),
      /** On a credit note: the invoice it corrects, and why. */
      credited_invoice_id: model.text().index().nullable(),
      reason: model.text().nullable(),
      item_subtotal: model.bigNumber(),
      discount_total: model.bigNumber(),
      charges_total: model.bigNumber(),
      tax_total: model.bigNumber(),
      total: model.bigNumber(),
      lines: model.hasMany(() => InvoiceLine, { mappedBy: "invoice" }),
      charges: model.hasMany(() => InvoiceCharge, { mappedBy: "invoice" }),
    }
  )
  .indexes([{ on: ["idempotency_key", "group_key"], unique: true, where: "idempotency_key IS NOT NULL" }])
