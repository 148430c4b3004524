import { type FulfillmentItem, type KitComponent, packingSlipLines } from "./packing-slip-lines"

/** A shipped, not canceled fulfillment of an order, with what it shipped. */
export type Shipment = { order_id: string; fulfillment_id: string; shipped_at: string | Date; items: FulfillmentItem[] }

/** What numbering needs to make a packing slip of a shipment. */
export type PackingSlipDraft = {
  fulfillment_id: string
  order_id: string
  shipped_at: string
  lines: { line_item_id: string; quantity: number }[]
}

export function packingSlipDraft(shipment: Shipment, kitComponents: KitComponent[]): PackingSlipDraft {
  return {
    fulfillment_id: shipment.fulfillment_id,
    order_id: shipment.order_id,
    shipped_at: new Date(shipment.shipped_at).toISOString(),
    lines: packingSlipLines(shipment.items, kitComponents),
  }
}
