/**
 * The fields of an entry of `GET /admin/invoices`, all shown by default: the invoice as its own
 * page shows it (`invoiceResponse`), and the name of its invoice account. `?fields=` picks among
 * them as Medusa's own lists do (`number,total` replaces the defaults, `-lines` drops one).
 */
export const INVOICE_LIST_FIELDS = [
  "id",
  "kind",
  "status",
  "number",
  "invoice_date",
  "due_date",
  "posted_at",
  "currency_code",
  "invoice_account_id",
  "bill_to",
  "summary_update",
  "group_key",
  "quantity",
  "print_charges",
  "packing_slip_number",
  "credited_invoice_id",
  "reason",
  "item_subtotal",
  "discount_total",
  "charges_total",
  "tax_total",
  "total",
  "amount_credited",
  "amount_paid",
  "amount_open",
  "payment_status",
  "orders",
  "packing_slips",
  "lines",
  "charges",
  "charge_lines",
  "invoice_account_name",
] as const

export type InvoiceListField = (typeof INVOICE_LIST_FIELDS)[number]

/** The fields made from an invoice's lines and charges: a list showing none of them reads none. */
export const FIELDS_FROM_LINES: readonly InvoiceListField[] = ["orders", "packing_slips", "lines", "charges", "charge_lines"]

