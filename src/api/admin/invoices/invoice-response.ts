import { sum } from "../../../domain/money"
import { paymentStatus } from "../../../domain/settlement"
import type { InvoiceWithLines } from "../../../modules/invoicing/sql/invoice-pages"
import type { CreditCheckedInvoice } from "../../../domain/credit-exposure"
import { decimal } from "../../../workflows/invoicing-orders/decimal"

/** Amounts leave the API as numbers in major units, as Medusa's own API does. */
const amount = (value: unknown) => Number(decimal(value))

type AmountFields = { subtotal: unknown; discount_total: unknown; tax_total: unknown; total: unknown; tax_rate: unknown }

const amounts = (x: AmountFields) => ({
  tax_rate: amount(x.tax_rate),
  subtotal: amount(x.subtotal),
  discount_total: amount(x.discount_total),
  tax_total: amount(x.tax_total),
  total: amount(x.total),
})

/**
 * The charges as printed: one "Charges" line (summarize) or one line per charge (detail).
 * Summarized charges of several tax rates give one line per rate, so tax per rate stays right.
 */
function chargeLines(printCharges: string, charges: (AmountFields & { name: string })[]) {
  if (printCharges === "detail") {
    return charges.map((c) => ({ name: c.name, ...amounts(c) }))
  }
  const byRate = new Map<string, AmountFields[]>()
  for (const c of charges) {
    const rate = decimal(c.tax_rate)
    byRate.set(rate, [...(byRate.get(rate) ?? []), c])
  }
  return [...byRate].map(([rate, group]) => {
    const total = (key: keyof AmountFields) => Number(sum(group.map((c) => decimal(c[key]))).toFixed())
    return { name: "Charges", tax_rate: Number(rate), subtotal: total("subtotal"), discount_total: total("discount_total"), tax_total: total("tax_total"), total: total("total") }
  })
}

/** The fields a line shows whether posted or proposed. */
const lineFields = (l: any) => ({
  order_id: l.order_id,
  order_display_id: l.order_display_id,
  line_item_id: l.line_item_id,
  packing_slip_number: l.packing_slip_number,
  title: l.title,
  variant_sku: l.variant_sku,
  quantity: l.quantity,
  unit_price: amount(l.unit_price),
  is_tax_inclusive: l.is_tax_inclusive,
  ...amounts(l),
})

function uniqueBy<T>(items: T[], key: (t: T) => string | null): T[] {
  const seen = new Map<string, T>()
  for (const item of items) {
    const k = key(item)
    if (k && !seen.has(k)) {
      seen.set(k, item)
    }
  }
  return [...seen.values()]
}

/**
 * What credit notes and payments leave of an invoice (amount_credited positive); a credit
 * note is not paid: zeros and no payment status.
 */
function settlementFields(invoice: InvoiceWithLines) {
  if (!invoice.settlement) {
    return { amount_credited: 0, amount_paid: 0, amount_open: 0, payment_status: null }
  }
  const settled = invoice.settlement
  return {
    amount_credited: amount(settled.credited),
    amount_paid: amount(settled.paid),
    amount_open: amount(settled.open),
    payment_status: paymentStatus(settled.open, settled.paid),
  }
}

/** A posted invoice as the admin API shows it, read with readInvoicesWithLines (which gives its settlement). */
export function invoiceResponse(invoice: InvoiceWithLines) {
  const { lines, charges } = invoice // in id order, as the reader gives them
  return {
    id: invoice.id,
    kind: invoice.kind,
    status: "posted",
    number: invoice.number,
    invoice_date: new Date(invoice.invoice_date).toISOString().slice(0, 10),
    due_date: invoice.due_date ? new Date(invoice.due_date).toISOString().slice(0, 10) : null,
    posted_at: invoice.posted_at,
    currency_code: invoice.currency_code,
    invoice_account_id: invoice.invoice_account_id,
    bill_to: invoice.bill_to,
    summary_update: invoice.summary_update,
    group_key: invoice.group_key,
    quantity: invoice.quantity_mode,
    print_charges: invoice.print_charges,
    packing_slip_number: invoice.packing_slip_number,
    credited_invoice_id: invoice.credited_invoice_id ?? null,
    reason: invoice.reason ?? null,
    item_subtotal: amount(invoice.item_subtotal),
    discount_total: amount(invoice.discount_total),
    charges_total: amount(invoice.charges_total),
    tax_total: amount(invoice.tax_total),
    total: amount(invoice.total),
    ...settlementFields(invoice),
    orders: uniqueBy([...lines, ...charges], (x) => x.order_id).map((x) => ({ id: x.order_id, display_id: x.order_display_id })),
    packing_slips: uniqueBy(lines, (l) => l.packing_slip_id).map((l) => ({ id: l.packing_slip_id, number: l.packing_slip_number })),
    lines: lines.map((l) => ({ id: l.id, packing_slip_id: l.packing_slip_id, credited_line_id: l.credited_line_id ?? null, ...lineFields(l) })),
    charges: charges.map((c) => ({
      id: c.id,
      order_id: c.order_id,
      shipping_method_id: c.shipping_method_id,
      name: c.name,
      credited_charge_id: c.credited_charge_id ?? null,
      ...amounts(c),
    })),
    charge_lines: chargeLines(invoice.print_charges, charges),
  }
}

/** A credit note as listed on the invoice it credits. */
export function creditNoteSummary(creditNote: any) {
  return {
    id: creditNote.id,
    number: creditNote.number,
    invoice_date: new Date(creditNote.invoice_date).toISOString().slice(0, 10),
    total: amount(creditNote.total),
  }
}

/** A payment as listed on the invoice it pays. */
export function paymentSummary(payment: any) {
  return { id: payment.id, amount: amount(payment.amount), paid_at: new Date(payment.paid_at).toISOString() }
}

/** A proposed invoice (or pro forma): the same document, without number or id. */
export function proposedInvoiceResponse(group: CreditCheckedInvoice, printCharges: string, status: "proposed" | "pro_forma") {
  const credit = group.credit_check
  const orNull = (value: string | null) => (value === null ? null : amount(value))
  return {
    group_key: group.group_key,
    status,
    number: null,
    summary_update: group.summary_update,
    keys: group.keys,
    lead_order_id: group.lead_order_id,
    kept_apart_by: group.kept_apart_by,
    invoice_date: group.invoice_date,
    due_date: group.due_date,
    currency_code: group.currency_code,
    invoice_account_id: group.invoice_account_id,
    bill_to: group.bill_to,
    packing_slip_number: group.packing_slip_number,
    packing_slips: group.packing_slips,
    orders: group.orders,
    item_subtotal: amount(group.totals.item_subtotal),
    discount_total: amount(group.totals.discount_total),
    charges_total: amount(group.totals.charges_total),
    tax_total: amount(group.totals.tax_total),
    total: amount(group.totals.total),
    lines: group.lines.map(lineFields),
    charges: group.charges.map((c) => ({ order_id: c.order_id, shipping_method_id: c.shipping_method_id, name: c.name, ...amounts(c) })),
    charge_lines: chargeLines(printCharges, group.charges),
    credit_check: {
      mode: credit.mode,
      limit: orNull(credit.limit),
      exposure: orNull(credit.exposure),
      available: orNull(credit.available),
      status: credit.status,
      reason: credit.reason,
    },
  }
}
