import { type GroupKey, type GroupingMode, summaryKey } from "./grouping"
import type { InvoiceAccount } from "./invoice-account"
import type { InvoicingOrder } from "./invoicing-order"
import { type Amount, sum, toAmount } from "./money"
import type { PostingParameters } from "./posting-parameters"
import { type LineAmounts, OrderProgress, type PricedCharge, type PricedLine, priceOrderPart } from "./proration"
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

export type BillTo = { name: string | null; email: string | null; address: Record<string, unknown> | null }

export type ProposedInvoice = {
  group_key: string
  /** The summary update that made this group ("auto" resolved to the account's default). */
  summary_update: GroupingMode
  /** The key values that made the group. */
  keys: GroupKey["values"]
  /** Order mode: the order whose header the invoice carries. */
  lead_order_id: string | null
  /** Order mode: why this order could not join its lead order's invoice. */
  kept_apart_by: NonNullable<GroupKey["kept_apart_by"]> | null
  invoice_account_id: string
  currency_code: string
  invoice_date: string
  due_date: string | null
  bill_to: BillTo
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

type GroupDraft = { key: GroupKey; mode: GroupingMode; parts: Map<InvoicingOrder, Allocation[]> }

export type ProposalContext = {
  /** Today's date (YYYY-MM-DD): the invoice date when the parameters give none. */
  today: string
  /** The invoice accounts of the orders, by id; a missing one bills with defaults. */
  accounts: Record<string, InvoiceAccount>
}

function orderLabel(order: InvoicingOrder): string {
  return order.display_id !== null ? `order #${order.display_id}` : `order ${order.id}`
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The name on an address: its company, else the person. */
function addressName(address: Record<string, unknown> | null): string | null {
  if (!address) return null
  const person = [address.first_name, address.last_name].filter(Boolean).join(" ")
  return (address.company as string) || person || null
}

/**
 * The invoice header: from the lead order in order mode, else from the invoice account
 * (its own billing address, or the order's when the account has none on file).
 */
function billTo(group: GroupDraft, account: InvoiceAccount | undefined): BillTo {
  const orders = [...group.parts.keys()]
  const lead = orders.find((o) => o.id === group.key.values.lead_order_id)
  if (lead) {
    return { name: addressName(lead.billing_address) ?? account?.name ?? null, email: lead.email, address: lead.billing_address }
  }
  return {
    name: account?.name ?? addressName(orders[0].billing_address),
    email: account?.email ?? orders[0].email,
    address: account?.billing_address ?? orders[0].billing_address,
  }
}

/**
 * The lead order of each invoice account grouped in order mode: the one asked for when it
 * is among the account's invoiceable orders, else the account's first order.
 */
function leadOrders(candidates: InvoicingOrder[], leadOrderId: string | undefined): Map<string, InvoicingOrder> {
  const leads = new Map<string, InvoicingOrder>()
  for (const order of candidates) {
    const account = order.invoice_account_id ?? ""
    if (!leads.has(account) || order.id === leadOrderId) leads.set(account, order)
  }
  return leads
}

/**
 * Every line invoiced but a charge not, as when a credit note of a whole invoice gave back
 * only its charge (its lines were credited and invoiced again before): the charge is
 * invoiceable on its own, else it could never be invoiced again.
 */
function onlyChargesLeft(order: InvoicingOrder): boolean {
  return order.lines.every((l) => l.invoiced_quantity >= l.quantity) && order.charges.some((c) => !c.invoiced)
}

/** A document's totals from its lines and charges (negative on a credit note). */
export function invoiceTotals(lines: LineAmounts[], charges: LineAmounts[]): InvoiceTotals {
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
  parameters: Pick<PostingParameters, "quantity" | "summary_update" | "match_keys" | "invoice_date" | "lead_order_id">,
  context: ProposalContext
): InvoiceProposal {
  const skipped: SkippedOrder[] = []
  const sorted = [...orders].sort((a, b) => (a.display_id ?? 0) - (b.display_id ?? 0) || a.id.localeCompare(b.id))
  const modeOf = (order: InvoicingOrder): GroupingMode =>
    parameters.summary_update === "auto"
      ? context.accounts[order.invoice_account_id ?? ""]?.default_summary_update ?? "none"
      : parameters.summary_update

  const invoiceable: [InvoicingOrder, Allocation[]][] = []
  for (const order of sorted) {
    if (order.status === "canceled") {
      skipped.push({ order_id: order.id, display_id: order.display_id, group_key: null, reason: `${orderLabel(order)} is canceled` })
      continue
    }
    const allocations = invoiceableQuantities(order, parameters.quantity)
    if (!allocations.length && !onlyChargesLeft(order)) {
      const what = parameters.quantity === "packing_slip" ? "no shipped quantity that is not yet invoiced" : "nothing left to invoice"
      skipped.push({ order_id: order.id, display_id: order.display_id, group_key: null, reason: `${orderLabel(order)} has ${what}` })
      continue
    }
    invoiceable.push([order, allocations])
  }

  const leads = leadOrders(
    invoiceable.map(([order]) => order).filter((order) => modeOf(order) === "order"),
    parameters.lead_order_id
  )
  const groups = new Map<string, GroupDraft>()
  for (const [order, allocations] of invoiceable) {
    const mode = modeOf(order)
    // An order with only charges left makes an invoice of its charges alone.
    for (const allocation of allocations.length ? allocations : [null]) {
      const key = summaryKey(order, allocation, mode, parameters.match_keys, leads.get(order.invoice_account_id ?? ""))
      const group = groups.get(key.key) ?? { key, mode, parts: new Map() }
      groups.set(key.key, group)
      group.parts.set(order, [...(group.parts.get(order) ?? []), ...(allocation ? [allocation] : [])])
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
          group_key: group.key.key,
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
    const invoiceAccountId = group.key.values.invoice_account_id
    const account = context.accounts[invoiceAccountId]
    const terms = account?.payment_terms_days ?? null
    const slipList = [...slips.values()].map((s) => ({
      id: s.id,
      number: s.number,
      fulfillment_id: s.fulfillment_id,
      shipped_at: s.shipped_at,
    }))
    proposed.push({
      group_key: group.key.key,
      summary_update: group.mode,
      keys: group.key.values,
      lead_order_id: group.key.values.lead_order_id ?? null,
      kept_apart_by: group.key.kept_apart_by ?? null,
      invoice_account_id: invoiceAccountId,
      currency_code: firstOrder.currency_code,
      invoice_date: invoiceDate,
      due_date: terms === null ? null : addDays(invoiceDate, terms),
      bill_to: billTo(group, account),
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
