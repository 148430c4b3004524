import type { InvoiceProposal } from "./propose"

/** A line of an order as a proposal invoices it: [line item, fulfillment of its packing slip or null, quantity, title]. */
type SnapshotLine = [string, string | null, number, string]

/** What a proposal does with one order: which invoice it goes onto, with which lines and charges, or why not. */
export type OrderSnapshot = {
  display_id: number | null
  group_key: string | null
  lines: SnapshotLine[]
  charges: string[]
  skipped: string | null
}

/**
 * The part of a proposal that posting must find unchanged: per order, its invoice, lines and
 * charges, or the reason it is skipped. Amounts follow from these and the order itself.
 */
export type ProposalSnapshot = { selection: string; orders: Record<string, OrderSnapshot> }

export type ProposalChange = { order_id: string; display_id: number | null; change: string }

/** The selection a snapshot is for: the order ids and the parameters, in a canonical form. */
export function selectionKey(orderIds: string[], parameters: object): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value
  return JSON.stringify([[...new Set(orderIds)].sort(), canonical(parameters)])
}

export function snapshotProposal(proposal: InvoiceProposal, selection: string): ProposalSnapshot {
  const orders: Record<string, OrderSnapshot> = {}
  const of = (id: string, display_id: number | null) =>
    (orders[id] ??= { display_id, group_key: null, lines: [], charges: [], skipped: null })
  for (const group of proposal.groups) {
    for (const line of group.lines) {
      const order = of(line.order_id, line.order_display_id)
      order.group_key = group.group_key
      order.lines.push([line.line_item_id, line.fulfillment_id, line.quantity, line.title])
    }
    for (const charge of group.charges) {
      of(charge.order_id, charge.order_display_id).charges.push(charge.shipping_method_id)
    }
  }
  for (const skip of proposal.skipped) {
    of(skip.order_id, skip.display_id).skipped = skip.reason
  }
  return { selection, orders }
}

const label = (id: string, displayId: number | null) => (displayId !== null ? `order #${displayId}` : `order ${id}`)

/** How each order's lines differ: "<title> from <packing slip>: proposed a, now b". */
function lineChanges(before: SnapshotLine[], now: SnapshotLine[], slipName: (fulfillmentId: string | null) => string): string[] {
  const quantities = new Map<string, { title: string; fulfillment: string | null; before: number; now: number }>()
  const add = (lines: SnapshotLine[], side: "before" | "now") => {
    for (const [lineItem, fulfillment, quantity, title] of lines) {
      const key = `${lineItem}@${fulfillment}`
      const entry = quantities.get(key) ?? { title, fulfillment, before: 0, now: 0 }
      entry[side] += quantity
      quantities.set(key, entry)
    }
  }
  add(before, "before")
  add(now, "now")
  return [...quantities.values()]
    .filter((q) => q.before !== q.now)
    .map((q) => `${q.title} from ${slipName(q.fulfillment)}: proposed ${q.before}, now ${q.now}`)
}

/**
 * What differs between the proposal a user saw and the one posting would make now, order by
 * order, in words a merchant reads: an order got invoiced, a packing slip shipped, an order
 * moved to another invoice. Empty when posting would post exactly what was shown.
 */
export function proposalChanges(
  before: ProposalSnapshot,
  now: ProposalSnapshot,
  slipName: (fulfillmentId: string | null) => string
): ProposalChange[] {
  const changes: ProposalChange[] = []
  const empty: OrderSnapshot = { display_id: null, group_key: null, lines: [], charges: [], skipped: null }
  for (const id of new Set([...Object.keys(before.orders), ...Object.keys(now.orders)])) {
    const was = before.orders[id] ?? empty
    const is = now.orders[id] ?? empty
    const displayId = is.display_id ?? was.display_id
    const push = (change: string) => changes.push({ order_id: id, display_id: displayId, change: `${label(id, displayId)}: ${change}` })
    if (was.skipped !== is.skipped) {
      push(is.skipped ? `now skipped: ${is.skipped}` : `was skipped (${was.skipped}), now invoiceable`)
    }
    lineChanges(was.lines, is.lines, slipName).forEach(push)
    const charges = (list: string[]) => [...list].sort().join(",")
    if (charges(was.charges) !== charges(is.charges)) {
      push(`charges proposed ${was.charges.length}, now ${is.charges.length}`)
    }
    if (was.group_key && is.group_key && was.group_key !== is.group_key) {
      push("now goes onto another invoice")
    }
  }
  return changes
}
