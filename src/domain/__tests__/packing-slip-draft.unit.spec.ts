import { packingSlipDraft } from "../packing-slip-draft"

describe("a packing slip draft from a shipment", () => {
  const shipment = {
    order_id: "order_1",
    fulfillment_id: "ful_1",
    shipped_at: new Date("2026-11-30T17:45:00+01:00"),
    items: [
      { line_item_id: "li_shirt", inventory_item_id: "iitem_shirt", quantity: 2 },
      { line_item_id: "li_kit", inventory_item_id: "iitem_board", quantity: 6 },
    ],
  }

  it("keeps its order and fulfillment and states its ship time in UTC", () => {
    const draft = packingSlipDraft(shipment, [])
    expect([draft.order_id, draft.fulfillment_id, draft.shipped_at]).toEqual(["order_1", "ful_1", "2026-11-30T16:45:00.000Z"])
  })

  it("a ship time read as text gives the same draft as one read as a date", () => {
    expect(packingSlipDraft({ ...shipment, shipped_at: "2026-11-30 16:45:00+00" }, [])).toEqual(packingSlipDraft(shipment, []))
  })

  it("counts kit lines in kits, plain lines in items", () => {
    const draft = packingSlipDraft(shipment, [{ line_item_id: "li_kit", inventory_item_id: "iitem_board", required_quantity: 3 }])
    expect(draft.lines).toEqual([
      { line_item_id: "li_shirt", quantity: 2 },
      { line_item_id: "li_kit", quantity: 2 },
    ])
  })

  it("a shipment of nothing from the order makes a slip without lines", () => {
    expect(packingSlipDraft({ ...shipment, items: [] }, []).lines).toEqual([])
  })
})
