import { packingSlipLines } from "../packing-slip-lines"

describe("packing slip lines from a shipped fulfillment", () => {
  it("a plain item ships its fulfillment quantity", () => {
    expect(packingSlipLines([{ line_item_id: "li_1", inventory_item_id: "iitem_1", quantity: 3 }], [])).toEqual([
      { line_item_id: "li_1", quantity: 3 },
    ])
  })

  it("a kit line ships its item quantity divided by the kit's required quantity, counted once", () => {
    const lines = packingSlipLines(
      [
        { line_item_id: "li_kit", inventory_item_id: "iitem_screw", quantity: 8 },
        { line_item_id: "li_kit", inventory_item_id: "iitem_board", quantity: 2 },
      ],
      [
        { line_item_id: "li_kit", inventory_item_id: "iitem_screw", required_quantity: 4 },
        { line_item_id: "li_kit", inventory_item_id: "iitem_board", required_quantity: 1 },
      ]
    )
    expect(lines).toEqual([{ line_item_id: "li_kit", quantity: 2 }])
  })

  it("items without an order line (not from an order) are ignored", () => {
    expect(packingSlipLines([{ line_item_id: null, inventory_item_id: null, quantity: 1 }], [])).toEqual([])
  })
})
