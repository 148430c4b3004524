import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { invoicingService, readMedusaOrders } from "../invoicing-orders/read-orders"
import { unnumberedPackingSlips } from "../invoicing-orders/to-invoicing-order"

const FULFILLMENT_FIELDS = [
  "id",
  "items.id",
  "items.variant.inventory_items.inventory_item_id",
  "items.variant.inventory_items.required_quantity",
  "fulfillments.id",
  "fulfillments.shipped_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
  "fulfillments.items.inventory_item_id",
  "fulfillments.items.quantity",
]

/**
 * Gives every shipped fulfillment of the orders that has none a packing slip number.
 * No compensation: a packing slip stands for a shipment that happened, and taking its
 * number back would leave a gap.
 */
export const numberPackingSlipsStep = createStep(
  "number-packing-slips",
  async (input: { order_ids: string[] }, { container }) => {
    const orders = await readMedusaOrders(container, input.order_ids, FULFILLMENT_FIELDS)
    const service = invoicingService(container)
    const existing = await service.listPackingSlips({ order_id: input.order_ids }, { select: ["fulfillment_id"] })
    const numbered = new Set(existing.map((s) => s.fulfillment_id))
    const drafts = orders.flatMap((order) => unnumberedPackingSlips(order, numbered))
    const created = drafts.length ? await service.numberPackingSlips(drafts) : 0
    return new StepResponse({ created })
  }
)
