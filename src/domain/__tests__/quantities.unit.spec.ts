import { invoiceableQuantities } from "../quantities"
import { aLine, anOrder, aSlip } from "./order-fixture"

describe("invoiceable quantities", () => {
  const order = anOrder({
    lines: [aLine("a", 5, "10"), aLine("b", 2, "3")],
    packing_slips: [
      aSlip("ful_2", "PS-000002", "2026-03-02T10:00:00Z", [["a", 1]]),
      aSlip("ful_1", "PS-000001", "2026-03-01T10:00:00Z", [["a", 2], ["b", 2]]),
    ],
  })

  it("invoices per packing slip what was shipped, in shipping order", () => {
    const allocations = invoiceableQuantities(order, "packing_slip")
    expect(allocations.map((a) => [a.packing_slip?.number, a.line_item_id, a.quantity])).toEqual([
      ["PS-000001", "a", 2],
      ["PS-000001", "b", 2],
      ["PS-000002", "a", 1],
    ])
  })

  it("quantity 'all' adds the unshipped rest of each line without a packing slip", () => {
    const allocations = invoiceableQuantities(order, "all")
    expect(allocations.map((a) => [a.packing_slip?.number ?? null, a.line_item_id, a.quantity])).toEqual([
      ["PS-000001", "a", 2],
      ["PS-000001", "b", 2],
      ["PS-000002", "a", 1],
      [null, "a", 2],
    ])
  })

  it("a packing slip line already invoiced gives only its rest", () => {
    const partly = anOrder({
      lines: [aLine("a", 5, "10", "10", { invoiced_quantity: 1 })],
      packing_slips: [{ ...aSlip("ful_1", "PS-1", "2026-03-01", [["a", 3]]) }],
    })
    partly.packing_slips[0].lines[0].invoiced_quantity = 1
    expect(invoiceableQuantities(partly, "packing_slip").map((a) => a.quantity)).toEqual([2])
  })

  it("quantity invoiced earlier under 'all' is not invoiced again when it ships", () => {
    const invoicedAhead = anOrder({
      lines: [aLine("a", 3, "10", "10", { invoiced_quantity: 3 })],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 3]])],
    })
    expect(invoiceableQuantities(invoicedAhead, "packing_slip")).toEqual([])
    expect(invoiceableQuantities(invoicedAhead, "all")).toEqual([])
  })

  it("never allocates more than the order line has open, even if packing slips say more", () => {
    const overShipped = anOrder({
      lines: [aLine("a", 2, "10")],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 2]]), aSlip("ful_2", "PS-2", "2026-03-02", [["a", 2]])],
    })
    const total = invoiceableQuantities(overShipped, "all").reduce((n, a) => n + a.quantity, 0)
    expect(total).toBe(2)
  })

  it("an order with nothing shipped has nothing to invoice per packing slip", () => {
    expect(invoiceableQuantities(anOrder({ lines: [aLine("a", 1, "1")] }), "packing_slip")).toEqual([])
  })
})
