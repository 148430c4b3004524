import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { readOrderShipments } from "../invoicing-orders/read-order-tables"
import { invoicingService } from "../invoicing-orders/read-orders"
import { unnumberedPackingSlips } from "../invoicing-orders/to-invoicing-order"
import type { PackingSlipDraft } from "../../modules/invoicing/types"

const READ_PAGE = 1000

/**
 * Gives every shipped fulfillment of the orders that has none a packing slip number.
 * No compensation: a packing slip stands for a shipment that happened, and taking its
 * number back would leave a gap.
 */
export const numberPackingSlipsStep = createStep(
  "number-packing-slips",
  async (input: { order_ids: string[] }, { container }) => {
    const service = invoicingService(container)
    const existing = await service.listPackingSlips({ order_id: input.order_ids }, { select: ["fulfillment_id"] })
    const numbered = new Set(existing.map((s) => s.fulfillment_id))
    // Orders are read a page at a time (memory stays flat); all drafts are numbered together, in ship order.
    const drafts: PackingSlipDraft[] = []
    for (let start = 0; start < input.order_ids.length; start += READ_PAGE) {
      const orders = await readOrderShipments(container, input.order_ids.slice(start, start + READ_PAGE))
      drafts.push(...orders.flatMap((order) => unnumberedPackingSlips(order, numbered)))
    }
    const created = drafts.length ? await service.numberPackingSlips(drafts) : 0
    return new StepResponse({ created })
  }
)
