import { proposalChanges, selectionKey, snapshotProposal } from "../proposal-snapshot"
import { proposeInvoices } from "../propose"
import type { InvoicingOrder } from "../invoicing-order"
import { aLine, anOrder, aSlip } from "./order-fixture"

const parameters = { quantity: "packing_slip" as const, summary_update: "none" as const, match_keys: [] }
const snapshot = (orders: InvoicingOrder[], summary_update: "none" | "invoice_account" = "none") =>
  snapshotProposal(proposeInvoices(orders, { ...parameters, summary_update }, { today: "2026-11-24", accounts: {} }), "selection")
const slipName = (fulfillmentId: string | null) => (fulfillmentId ? `packing slip of ${fulfillmentId}` : "no packing slip")

const order = (overrides: Partial<InvoicingOrder> = {}) =>
  anOrder({
    lines: [aLine("a", 2, "10"), aLine("b", 1, "5")],
    packing_slips: [aSlip("ful_1", "PS-1", "2026-11-01", [["a", 1]])],
    ...overrides,
  })

describe("a proposal seen before posting", () => {
  it("the same data proposes the same snapshot: no change", () => {
    expect(proposalChanges(snapshot([order()]), snapshot([order()]), slipName)).toEqual([])
  })

  it("a packing slip shipped since the proposal is named as a change", () => {
    const later = order({ packing_slips: [...order().packing_slips, aSlip("ful_2", "PS-2", "2026-11-02", [["b", 1]])] })
    expect(proposalChanges(snapshot([order()]), snapshot([later]), slipName)).toEqual([
      { order_id: "order_1", display_id: 1, change: "order #1: Item b from packing slip of ful_2: proposed 0, now 1" },
    ])
  })

  it("an order invoiced meanwhile is named as a change, with the reason it is now skipped", () => {
    const invoiced = order({
      lines: [aLine("a", 2, "10", "10", { invoiced_quantity: 1 }), aLine("b", 1, "5")],
      packing_slips: [{ ...aSlip("ful_1", "PS-1", "2026-11-01", [["a", 1]]), lines: [{ line_item_id: "a", quantity: 1, invoiced_quantity: 1, id: "psl" }] }],
    })
    const changes = proposalChanges(snapshot([order()]), snapshot([invoiced]), slipName).map((c) => c.change)
    expect(changes).toEqual([
      "order #1: now skipped: order #1 has no shipped quantity that is not yet invoiced",
      "order #1: Item a from packing slip of ful_1: proposed 1, now 0",
    ])
  })

  it("an order moved onto another invoice is named as a change", () => {
    const before = snapshot([order(), order({ id: "order_2", display_id: 2 })], "invoice_account")
    const now = snapshot([order(), order({ id: "order_2", display_id: 2 })], "none")
    expect(proposalChanges(before, now, slipName).map((c) => c.change)).toEqual(["order #1: now goes onto another invoice", "order #2: now goes onto another invoice"])
  })

  it("the selection is the same whatever the order of ids and parameter keys", () => {
    expect(selectionKey(["b", "a", "a"], { x: 1, y: { b: 2, a: 1 } })).toBe(selectionKey(["a", "b"], { y: { a: 1, b: 2 }, x: 1 }))
    expect(selectionKey(["a"], { x: 1 })).not.toBe(selectionKey(["a"], { x: 2 }))
  })
})
