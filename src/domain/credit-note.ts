import type BigNumber from "bignumber.js"
import { type Amount, big, roundToCurrency, sum, toAmount } from "./money"
import { type InvoiceTotals, invoiceTotals } from "./propose"
import type { ChargeDescription, LineAmounts, LineDescription } from "./proration"

/** A line of the invoice being credited, with how many of its units earlier credit notes took. */
export type CreditableLine = LineDescription & {
  id: string
  /** The invoice line's own (rounded) amounts. */
  total: Amount
  tax_total: Amount
  discount_total: Amount
  /** Units of this line taken by earlier credit notes. */
  credited_quantity: number
}

/** A charge of the invoice being credited; a charge is credited whole, once. */
export type CreditableCharge = LineAmounts & ChargeDescription & { id: string; credited: boolean }

export type CreditableInvoice = {
  id: string
  number: string
  kind: "invoice" | "credit_note"
  lines: CreditableLine[]
  charges: CreditableCharge[]
}

/** What to credit: some units of some lines, or (no lines) everything not credited yet, charges included. */
export type CreditRequest = { lines?: { invoice_line_id: string; quantity: number }[] }

/** A credited line: its quantity is negative, the units given back. */
export type CreditNoteLine = LineAmounts & LineDescription & { credited_line_id: string }

export type CreditNoteCharge = LineAmounts & ChargeDescription & { credited_charge_id: string }

/**
 * The quantities a credit note gives back, so they become invoiceable again: order line
 * balances (items by line item, charges by shipping method) and packing slip lines.
 */
export type QuantityReturn = {
  order_lines: { order_id: string; kind: "item" | "charge"; source_id: string; quantity: number }[]
  packing_slip_lines: { packing_slip_id: string; line_item_id: string; quantity: number }[]
}

export type CreditNoteDraft = {
  credited_invoice_id: string
  /** The packing slip's number when the credited lines come from one, "multiple" from several, else null. */
  packing_slip_number: string | null
  lines: CreditNoteLine[]
  charges: CreditNoteCharge[]
  totals: InvoiceTotals
  returns: QuantityReturn
}

/** A credit note that must not be posted; `field` names the request field at fault, when one is. */
export class CreditNoteRefused extends Error {
  constructor(
    message: string,
    readonly field: string | null = null
  ) {
    super(message)
    this.name = "CreditNoteRefused"
  }
}

type Components = { total: BigNumber; tax_total: BigNumber; discount_total: BigNumber }

/** The rounded share of an invoice line's amount for its first `units` of `quantity` units. */
function share(amount: Amount, units: number, quantity: number, digits: number): BigNumber {
  return roundToCurrency(big(amount).times(units).div(quantity), digits)
}

/**
 * Cumulative rounding: crediting units p+1..p+q of a line takes share(p+q) − share(p), so the
 * credit notes of a line add up exactly to the line, however it is split. Returned negative.
 */
function creditedComponents(line: CreditableLine, before: number, quantity: number, digits: number): Components {
  const part = (amount: Amount) =>
    share(amount, before + quantity, line.quantity, digits).minus(share(amount, before, line.quantity, digits)).negated()
  return { total: part(line.total), tax_total: part(line.tax_total), discount_total: part(line.discount_total) }
}

/** As proration's toLineAmounts: subtotal = total − tax + discount on every line. */
function toLineAmounts(c: Components): LineAmounts {
  return {
    subtotal: toAmount(c.total.minus(c.tax_total).plus(c.discount_total)),
    discount_total: toAmount(c.discount_total),
    tax_total: toAmount(c.tax_total),
    total: toAmount(c.total),
  }
}

const negated = (amount: Amount) => toAmount(big(amount).negated())

const left = (line: CreditableLine) => line.quantity - line.credited_quantity

/** The units to credit per line, checked against what each line has left. */
function chosenQuantities(invoice: CreditableInvoice, request: CreditRequest): { line: CreditableLine; quantity: number }[] {
  if (!request.lines) {
    return invoice.lines.filter((l) => left(l) > 0).map((line) => ({ line, quantity: left(line) }))
  }
  if (!request.lines.length) {
    throw new CreditNoteRefused("lines: name at least one line, or leave lines out to credit the whole invoice", "lines")
  }
  const byId = new Map(invoice.lines.map((l) => [l.id, l]))
  const seen = new Set<string>()
  return request.lines.map(({ invoice_line_id: id, quantity }, i) => {
    const line = byId.get(id)
    if (!line) {
      throw new CreditNoteRefused(`lines.${i}.invoice_line_id: ${id} is not a line of invoice ${invoice.number}`, `lines.${i}.invoice_line_id`)
    }
    if (seen.has(id)) {
      throw new CreditNoteRefused(`lines.${i}.invoice_line_id: invoice line ${id} is listed more than once`, `lines.${i}.invoice_line_id`)
    }
    seen.add(id)
    if (!Number.isInteger(quantity) || quantity <= 0) {
      throw new CreditNoteRefused(`lines.${i}.quantity must be a positive whole number, got ${quantity}`, `lines.${i}.quantity`)
    }
    if (quantity > left(line)) {
      throw new CreditNoteRefused(
        `lines.${i}.quantity: cannot credit ${quantity} of invoice line ${id} (${line.variant_sku ?? line.title}) of ${invoice.number}: ` +
          `invoiced ${line.quantity}, credited already ${line.credited_quantity}, ${left(line)} left`,
        `lines.${i}.quantity`
      )
    }
    return { line, quantity }
  })
}

/**
 * The credit note of (part of) an invoice: negative amounts by cumulative rounding per line,
 * charges credited whole (only by a full credit note), and the quantities it gives back.
 * Pure: posting calls it under a lock on the invoice, with the credited quantities read there.
 */
export function creditNote(invoice: CreditableInvoice, request: CreditRequest, digits: number): CreditNoteDraft {
  if (invoice.kind !== "invoice") {
    throw new CreditNoteRefused(`${invoice.number} is a credit note: only an invoice can be credited`)
  }
  const chosen = chosenQuantities(invoice, request)
  const credited = request.lines ? [] : invoice.charges.filter((c) => !c.credited)
  if (!chosen.length && !credited.length) {
    throw new CreditNoteRefused(`Invoice ${invoice.number} is credited in full already: nothing is left to credit`)
  }

  const lines: CreditNoteLine[] = chosen.map(({ line, quantity }) => ({
    ...toLineAmounts(creditedComponents(line, line.credited_quantity, quantity, digits)),
    credited_line_id: line.id,
    order_id: line.order_id,
    order_display_id: line.order_display_id,
    line_item_id: line.line_item_id,
    packing_slip_id: line.packing_slip_id,
    packing_slip_number: line.packing_slip_number,
    title: line.title,
    variant_sku: line.variant_sku,
    quantity: -quantity,
    unit_price: line.unit_price,
    is_tax_inclusive: line.is_tax_inclusive,
    tax_rate: line.tax_rate,
  }))
  const charges: CreditNoteCharge[] = credited.map((c) => ({
    credited_charge_id: c.id,
    order_id: c.order_id,
    order_display_id: c.order_display_id,
    shipping_method_id: c.shipping_method_id,
    name: c.name,
    tax_rate: c.tax_rate,
    subtotal: negated(c.subtotal),
    discount_total: negated(c.discount_total),
    tax_total: negated(c.tax_total),
    total: negated(c.total),
  }))

  const slips = new Map(lines.flatMap((l) => (l.packing_slip_id ? [[l.packing_slip_id, l.packing_slip_number]] : [])))
  return {
    credited_invoice_id: invoice.id,
    packing_slip_number: slips.size > 1 ? "multiple" : [...slips.values()][0] ?? null,
    lines,
    charges,
    totals: invoiceTotals(lines, charges),
    returns: quantityReturn(chosen, credited),
  }
}

function quantityReturn(chosen: { line: CreditableLine; quantity: number }[], charges: CreditableCharge[]): QuantityReturn {
  const items = new Map<string, QuantityReturn["order_lines"][number]>()
  const slipLines = new Map<string, QuantityReturn["packing_slip_lines"][number]>()
  for (const { line, quantity } of chosen) {
    const item = items.get(line.line_item_id) ?? { order_id: line.order_id, kind: "item" as const, source_id: line.line_item_id, quantity: 0 }
    item.quantity += quantity
    items.set(line.line_item_id, item)
    if (line.packing_slip_id) {
      const key = `${line.packing_slip_id}\n${line.line_item_id}`
      const slipLine = slipLines.get(key) ?? { packing_slip_id: line.packing_slip_id, line_item_id: line.line_item_id, quantity: 0 }
      slipLine.quantity += quantity
      slipLines.set(key, slipLine)
    }
  }
  return {
    order_lines: [
      ...items.values(),
      ...charges.map((c) => ({ order_id: c.order_id, kind: "charge" as const, source_id: c.shipping_method_id, quantity: 1 })),
    ],
    packing_slip_lines: [...slipLines.values()],
  }
}
