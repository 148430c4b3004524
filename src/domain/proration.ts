import BigNumber from "bignumber.js"
import type { InvoicingOrder, OrderCharge, OrderLine } from "./invoicing-order"
import { type Amount, big, roundToCurrency, sum, toAmount } from "./money"
import type { Allocation } from "./quantities"

export type LineAmounts = { subtotal: Amount; discount_total: Amount; tax_total: Amount; total: Amount }

/** What an invoice line says about the goods, besides its amounts. */
export type LineDescription = {
  order_id: string
  order_display_id: number | null
  line_item_id: string
  packing_slip_id: string | null
  packing_slip_number: string | null
  title: string
  variant_sku: string | null
  quantity: number
  unit_price: Amount
  is_tax_inclusive: boolean
  tax_rate: Amount
}

/** What an invoice charge says, besides its amounts. */
export type ChargeDescription = {
  order_id: string
  order_display_id: number | null
  shipping_method_id: string
  name: string
  tax_rate: Amount
}

export type PricedLine = LineAmounts &
  LineDescription & {
    packing_slip_line_id: string | null
    fulfillment_id: string | null
  }

export type PricedCharge = LineAmounts & ChargeDescription

/**
 * How far an order has been invoiced, as the invoices of one proposal are priced one
 * after another: quantities per line, whether its charges are taken, and the rounded
 * amounts invoiced so far.
 */
export class OrderProgress {
  readonly invoicedQuantity: Map<string, number>
  chargesInvoiced: Set<string>
  invoiced: { total: BigNumber; tax_total: BigNumber; discount_total: BigNumber }

  constructor(readonly order: InvoicingOrder) {
    this.invoicedQuantity = new Map(order.lines.map((l) => [l.line_item_id, l.invoiced_quantity]))
    this.chargesInvoiced = new Set(order.charges.filter((c) => c.invoiced).map((c) => c.shipping_method_id))
    this.invoiced = {
      total: big(order.invoiced_amounts.total),
      tax_total: big(order.invoiced_amounts.tax_total),
      discount_total: big(order.invoiced_amounts.discount_total),
    }
  }

  isComplete(): boolean {
    return (
      this.order.lines.every((l) => this.invoicedQuantity.get(l.line_item_id) === l.quantity) &&
      this.order.charges.every((c) => this.chargesInvoiced.has(c.shipping_method_id))
    )
  }
}

type Components = { total: BigNumber; tax_total: BigNumber; discount_total: BigNumber }

/** The rounded share of a line's amount for its first `invoiced` of `ordered` units. */
function cumulativeShare(amount: Amount, invoiced: number, ordered: number, digits: number): BigNumber {
  // None and all are exact without the division, which is most of the cost of pricing a line.
  if (invoiced === 0) return big(0)
  if (invoiced === ordered) return roundToCurrency(amount, digits)
  return roundToCurrency(big(amount).times(invoiced).div(ordered), digits)
}

/**
 * Cumulative rounding: the invoice of units p+1..p+q gets share(p+q) − share(p), so the
 * invoices of a line always add up to the line's rounded amount, the last one taking the rest.
 */
function lineComponents(line: OrderLine, before: number, after: number, digits: number): Components {
  const part = (amount: Amount) =>
    cumulativeShare(amount, after, line.quantity, digits).minus(cumulativeShare(amount, before, line.quantity, digits))
  return { total: part(line.total), tax_total: part(line.tax_total), discount_total: part(line.discount_subtotal) }
}

function chargeComponents(charge: OrderCharge, digits: number): Components {
  return {
    total: roundToCurrency(charge.total, digits),
    tax_total: roundToCurrency(charge.tax_total, digits),
    discount_total: roundToCurrency(charge.discount_subtotal, digits),
  }
}

/** Net amount before discount is derived, so total = subtotal − discount + tax holds on every line. */
function toLineAmounts(c: Components): LineAmounts {
  return {
    subtotal: toAmount(c.total.minus(c.tax_total).plus(c.discount_total)),
    discount_total: toAmount(c.discount_total),
    tax_total: toAmount(c.tax_total),
    total: toAmount(c.total),
  }
}

/** The order's own total, tax and discount, rounded: what its invoices must add up to. */
function orderTargets(order: InvoicingOrder): Components {
  const digits = order.decimal_digits
  const all = (pick: (x: OrderLine | OrderCharge) => Amount) =>
    roundToCurrency(sum([...order.lines, ...order.charges].map(pick)), digits)
  return { total: all((x) => x.total), tax_total: all((x) => x.tax_total), discount_total: all((x) => x.discount_subtotal) }
}

/**
 * Prices what one invoice takes of one order: its allocated quantities and, when
 * `withCharges`, the charges not yet invoiced. Advances `progress`. When this invoice
 * completes the order, the order-level rounding rest goes onto its last line, so the
 * order's invoices add up exactly to the order total rounded to the currency.
 */
export function priceOrderPart(
  progress: OrderProgress,
  allocations: Allocation[],
  withCharges: boolean
): { lines: PricedLine[]; charges: PricedCharge[] } {
  const order = progress.order
  const digits = order.decimal_digits
  const linesById = new Map(order.lines.map((l) => [l.line_item_id, l]))
  const parts: { components: Components; line?: PricedLine; charge?: PricedCharge }[] = []

  for (const allocation of allocations) {
    const line = linesById.get(allocation.line_item_id)!
    const before = progress.invoicedQuantity.get(line.line_item_id)!
    const after = before + allocation.quantity
    progress.invoicedQuantity.set(line.line_item_id, after)
    const components = lineComponents(line, before, after, digits)
    // Named, not spread into the literal: with `...toLineAmounts()` first, V8 built each priced
    // line key by key, a third of the time a proposal took.
    const { subtotal, discount_total, tax_total, total } = toLineAmounts(components)
    parts.push({
      components,
      line: {
        subtotal,
        discount_total,
        tax_total,
        total,
        order_id: order.id,
        order_display_id: order.display_id,
        line_item_id: line.line_item_id,
        packing_slip_id: allocation.packing_slip?.id ?? null,
        packing_slip_line_id: allocation.packing_slip_line_id,
        packing_slip_number: allocation.packing_slip?.number ?? null,
        fulfillment_id: allocation.packing_slip?.fulfillment_id ?? null,
        title: line.title,
        variant_sku: line.variant_sku,
        quantity: allocation.quantity,
        unit_price: line.unit_price,
        is_tax_inclusive: line.is_tax_inclusive,
        tax_rate: line.tax_rate,
      },
    })
  }

  if (withCharges) {
    for (const charge of order.charges.filter((c) => !progress.chargesInvoiced.has(c.shipping_method_id))) {
      progress.chargesInvoiced.add(charge.shipping_method_id)
      const components = chargeComponents(charge, digits)
      const { subtotal, discount_total, tax_total, total } = toLineAmounts(components)
      parts.push({
        components,
        charge: {
          subtotal,
          discount_total,
          tax_total,
          total,
          order_id: order.id,
          order_display_id: order.display_id,
          shipping_method_id: charge.shipping_method_id,
          name: charge.name,
          tax_rate: charge.tax_rate,
        },
      })
    }
  }

  for (const key of ["total", "tax_total", "discount_total"] as const) {
    progress.invoiced[key] = progress.invoiced[key].plus(sum(parts.map((p) => p.components[key])))
  }

  if (parts.length && progress.isComplete()) {
    const targets = orderTargets(order)
    // The rest goes onto the last line: a charge is invoiced whole, at its own rounded amounts.
    const last = parts.filter((p) => p.line).pop() ?? parts[parts.length - 1]
    for (const key of ["total", "tax_total", "discount_total"] as const) {
      const rest = targets[key].minus(progress.invoiced[key])
      last.components[key] = last.components[key].plus(rest)
      progress.invoiced[key] = progress.invoiced[key].plus(rest)
    }
    Object.assign((last.line ?? last.charge)!, toLineAmounts(last.components))
  }

  return {
    lines: parts.flatMap((p) => (p.line ? [p.line] : [])),
    charges: parts.flatMap((p) => (p.charge ? [p.charge] : [])),
  }
}
