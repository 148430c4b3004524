/**
 * Packing slip lines from a shipped fulfillment. For inventory kits Medusa stores one
 * fulfillment item per inventory item with quantity = line quantity × required_quantity,
 * so the line quantity is the item quantity divided by the kit's required quantity,
 * as Medusa's own shipment code does.
 */
export type FulfillmentItem = {
  line_item_id: string | null
  inventory_item_id: string | null
  quantity: number
}

export type KitComponent = { line_item_id: string; inventory_item_id: string; required_quantity: number }

export function packingSlipLines(
  items: FulfillmentItem[],
  kitComponents: KitComponent[]
): { line_item_id: string; quantity: number }[] {
  const required = new Map(kitComponents.map((k) => [`${k.line_item_id}:${k.inventory_item_id}`, k.required_quantity]))
  const quantities = new Map<string, number>()
  for (const item of items) {
    if (!item.line_item_id) {
      continue
    }
    const perKit = item.inventory_item_id ? required.get(`${item.line_item_id}:${item.inventory_item_id}`) ?? 1 : 1
    const quantity = item.quantity / perKit
    // Every component of a kit line gives the same line quantity: count the line once.
    if (!quantities.has(item.line_item_id)) {
      quantities.set(item.line_item_id, quantity)
    }
  }
  return [...quantities].map(([line_item_id, quantity]) => ({ line_item_id, quantity }))
}
