import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { packingSlipDraft } from "../../domain/packing-slip-draft"
import { readShippedFulfillments, readShippedItems } from "../invoicing-orders/read-shipments"
import { invoicingService } from "../invoicing-orders/read-orders"
import type { PackingSlipDraft } from "../../modules/invoicing/types"

const READ_PAGE = 2000

/**
 * Gives every shipped fulfillment of the orders that has none a packing slip number.
 * No compensation: a packing slip stands for a shipment that happened, and taking its
 * number back would leave a gap.
 */
export const numberPackingSlipsStep = createStep(
  "number-packing-slips",
  async (input: { order_ids: string[] }, { container }) => {
    const service = invoicingService(container)
    const shipped = await readShippedFulfillments(container, input.order_ids)
    const numbered = new Set(await service.numberedFulfillments(shipped.map((s) => s.fulfillment_id)))
    // In a running shop the shipment subscriber has numbered nearly all: only the rest is read,
    // a page at a time (memory stays flat); all drafts are numbered together, in ship order.
    const unnumbered = shipped.filter((s) => !numbered.has(s.fulfillment_id))
    const drafts: PackingSlipDraft[] = []
    for (let start = 0; start < unnumbered.length; start += READ_PAGE) {
      const page = unnumbered.slice(start, start + READ_PAGE)
      const shippedItems = await readShippedItems(container, page.map((s) => s.fulfillment_id))
      for (const shipment of page) {
        const { items, kitComponents } = shippedItems.get(shipment.fulfillment_id) ?? { items: [], kitComponents: [] }
        drafts.push(packingSlipDraft({ ...shipment, items }, kitComponents))
      }
    }
    const created = drafts.length ? await service.numberPackingSlips(drafts) : 0
    return new StepResponse({ created })
  }
)
