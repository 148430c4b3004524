import { summaryKey } from "./grouping"
import type { InvoicingOrder } from "./invoicing-order"
import { type Amount, sum, toAmount } from "./money"
import type { PostingParameters } from "./posting-parameters"
import { OrderProgress, type PricedCharge, type PricedLine, priceOrderPart } from "./proration"
import { type Allocation, invoiceableQuantities } from "./quantities"

export type InvoiceTotals = {
  item_subtotal: Amount
  discount_total: Amount
  charges_total: Amount
  tax_total: Amount
  total: Amount
}

/** How posting moves the balances; `invoiced_before` is what the proposal saw, checked again under lock. */
export type BalanceChange = {
  order_lines: {
    order_id: string
    kind: "item" | "charge"
    source_id: string
    quantity: number
    invoiced_before: number
    invoiced_after: number
  }[]
  packing_slip_lines: { id: string | null; fulfillment_id: string; invoiced_before: number; invoiced_after: number }[]
}

export type ProposedInvoice = {
  group_key: string
  invoice_account_id: string
  currency_code: string
  invoice_date: string
  due_date: string | null
  bill_to: { email: string | null; address: Record<string, unknown> | null }
  orders: { id: string; display_id: number | null }[]
  /** The packing slip's number, "multiple" when the invoice draws on several, null when none. */
  packing_slip_number: string | null
  packing_slips: { id: string | null; number: string | null; fulfillment_id: string; shipped_at: string }[]
  lines: PricedLine[]
  charges: PricedCharge[]
  totals: InvoiceTotals
  balance: BalanceChange
}

export type SkippedOrder = { order_id: string; display_id: number | null; group_key: string | null; reason: string }

export type InvoiceProposal = { groups: ProposedInvoice[]; skipped: SkippedOrder[] }

type GroupDraft = { key: string; parts: Map<InvoicingOrder, Allocation[]> }

function orderLabel(order: InvoicingOrder): string {
  return order.display_id !== null ? `order #${order.display_id}` : `order ${order.id}`
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

function invoiceTotals(lines: PricedLine[], charges: PricedCharge[]): InvoiceTotals {
  const itemSubtotal = sum(lines.map((l) => l.subtotal))
  const discount = sum(lines.map((l) => l.discount_total))
  const chargesNet = sum(charges.map((c) => c.total)).minus(sum(charges.map((c) => c.tax_total)))
  const tax = sum([...lines, ...charges].map((x) => x.tax_total))
  return {
    item_subtotal: toAmount(itemSubtotal),
    discount_total: toAmount(discount),
    charges_total: toAmount(chargesNet),
    tax_total: toAmount(tax),
    total: toAmount(sum([...lines, ...charges].map((x) => x.total))),
  }
}

/** The balance rows a group moves: its order lines (with the quantity seen before pricing), charges and packing slip lines. */
function balanceChange(
  group: GroupDraft,
  before: Map<InvoicingOrder, Map<string, number>>,
  charges: PricedCharge[]
): BalanceChange {
  const orderLines: BalanceChange["order_lines"] = []
  const slipLines: BalanceChange["packing_slip_lines"] = []
  for (const [order, allocations] of group.parts) {
    const seen = before.get(order)!
    for (const line of order.lines) {
      const taken = allocations.filter((a) => a.line_item_id === line.line_item_id).reduce((n, a) => n + a.quantity, 0)
      if (taken > 0) {
        const invoicedBefore = seen.get(line.line_item_id)!
        orderLines.push({
          order_id: order.id,
          kind: "item",
          source_id: line.line_item_id,
          quantity: line.quantity,
          invoiced_before: invoicedBefore,
          invoiced_after: invoicedBefore + taken,
        })
      }
    }
    for (const a of allocations) {
      if (a.packing_slip) {
        const slipLine = a.packing_slip.lines.find((l) => l.line_item_id === a.line_item_id)!
        slipLines.push({
          id: slipLine.id,
          fulfillment_id: a.packing_slip.fulfillment_id,
          invoiced_before: slipLine.invoiced_quantity,
          invoiced_after: slipLine.invoiced_quantity + a.quantity,
        })
      }
    }
  }
  for (const charge of charges) {
    orderLines.push({
      order_id: charge.order_id,
      kind: "charge",
      source_id: charge.shipping_method_id,
      quantity: 1,
      invoiced_before: 0,
      invoiced_after: 1,
    })
  }
  return { order_lines: orderLines, packing_slip_lines: slipLines }
}

/**
 * Turns a selection of orders into proposed invoices, as posting would make them, and
 * the orders that cannot be invoiced with the reason why. Pure: posting re-checks the
 * balances it read under lock.
 */
export function proposeInvoices(
  orders: InvoicingOrder[],
  parameters: Pick<PostingParameters, "quantity" | "summary_update" | "invoice_date">,
  context: { today: string; paymentTermsDays?: (invoiceAccountId: string) => number | null }
): InvoiceProposal {
  const skipped: SkippedOrder[] = []
  const groups = new Map<string, GroupDraft>()
  const sorted = [...orders].sort((a, b) => (a.display_id ?? 0) - (b.display_id ?? 0) || a.id.localeCompare(b.id))

  for (const order of sorted) {
    if (order.status === "canceled") {
      skipped.push({ order_id: order.id, display_id: order.display_id, group_key: null, reason: `${orderLabel(order)} is canceled` })
      continue
    }
    const allocations = invoiceableQuantities(order, parameters.quantity)
    if (!allocations.length) {
      const what = parameters.quantity === "packing_slip" ? "no shipped quantity that is not yet invoiced" : "nothing left to invoice"
      skipped.push({ order_id: order.id, display_id: order.display_id, group_key: null, reason: `${orderLabel(order)} has ${what}` })
      continue
    }
    for (const allocation of allocations) {
      const key = summaryKey(order, allocation, parameters.summary_update)
      const group = groups.get(key) ?? { key, parts: new Map() }
      groups.set(key, group)
      group.parts.set(order, [...(group.parts.get(order) ?? []), allocation])
    }
  }

  const invoiceDate = parameters.invoice_date ?? context.today
  const progress = new Map<InvoicingOrder, OrderProgress>()
  const proposed: ProposedInvoice[] = []

  for (const group of groups.values()) {
    const slips = new Map(
      [...group.parts.values()].flat().flatMap((a) => (a.packing_slip ? [[a.packing_slip.fulfillment_id, a.packing_slip]] : []))
    )
    const lastShipped = [...slips.values()].reduce((max, s) => (s.shipped_at > max ? s.shipped_at : max), "")
    if (lastShipped && lastShipped.slice(0, 10) > invoiceDate) {
      for (const order of group.parts.keys()) {
        skipped.push({
          order_id: order.id,
          display_id: order.display_id,
          group_key: group.key,
          reason: `invoice date ${invoiceDate} is before the ship date ${lastShipped.slice(0, 10)} of its packing slips`,
        })
      }
      continue
    }

    const lines: PricedLine[] = []
    const charges: PricedCharge[] = []
    const before = new Map<InvoicingOrder, Map<string, number>>()
    for (const [order, allocations] of group.parts) {
      const first = !progress.has(order)
      const orderProgress = progress.get(order) ?? new OrderProgress(order)
      progress.set(order, orderProgress)
      before.set(order, new Map(orderProgress.invoicedQuantity))
      const part = priceOrderPart(orderProgress, allocations, first)
      lines.push(...part.lines)
      charges.push(...part.charges)
    }

    const [firstOrder] = group.parts.keys()
    const invoiceAccountId = firstOrder.invoice_account_id ?? firstOrder.customer_id ?? ""
    const terms = context.paymentTermsDays?.(invoiceAccountId) ?? null
    const slipList = [...slips.values()].map((s) => ({
      id: s.id,
      number: s.number,
      fulfillment_id: s.fulfillment_id,
      shipped_at: s.shipped_at,
    }))
    proposed.push({
      group_key: group.key,
      invoice_account_id: invoiceAccountId,
      currency_code: firstOrder.currency_code,
      invoice_date: invoiceDate,
      due_date: terms === null ? null : addDays(invoiceDate, terms),
      bill_to: { email: firstOrder.email, address: firstOrder.billing_address },
      orders: [...group.parts.keys()].map((o) => ({ id: o.id, display_id: o.display_id })),
      packing_slip_number: slipList.length > 1 ? "multiple" : slipList[0]?.number ?? null,
      packing_slips: slipList,
      lines,
      charges,
      totals: invoiceTotals(lines, charges),
      balance: balanceChange(group, before, charges),
    })
  }
  return { groups: proposed, skipped }
}
