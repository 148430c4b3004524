import { model } from "@medusajs/framework/utils"

/** A customer's invoicing settings; the invoice account is the customer who is billed. */
export const InvoicingProfile = model.define(
  { name: "InvoicingProfile", tableName: "invoicing_profile" },
  {
    id: model.id({ prefix: "ivprof" }).primaryKey(),
    customer_id: model.text().unique(),
    invoice_account_id: model.text().nullable(),
    /** The summary update "auto" uses for this invoice account. */
    default_summary_update: model.enum(["none", "invoice_account", "order", "packing_slip"]).default("none"),
    payment_terms_days: model.number().nullable(),
    email: model.text().nullable(),
    /** Print management overrides: copies beside the original, and whether invoices are e-mailed; null: the store's settings. */
    copies: model.number().nullable(),
    email_invoices: model.boolean().nullable(),
    /** The most this account may owe, in credit_limit_currency_code; none: never blocked. */
    credit_limit: model.bigNumber().nullable(),
    credit_limit_currency_code: model.text().nullable(),
    /** Checked at "balance" even when a posting asks for no credit check. */
    credit_check_mandatory: model.boolean().default(false),
  }
)
