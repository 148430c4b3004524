import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { numberPackingSlipsWorkflow } from "../workflows/number-packing-slips"

/** A shipped fulfillment becomes a packing slip with the next number of its series. */
export default async function numberShippedFulfillment({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "fulfillment", fields: ["id", "order.id"], filters: { id: event.data.id } })
  const orderId = data[0]?.order?.id
  if (orderId) {
    await numberPackingSlipsWorkflow(container).run({ input: { order_ids: [orderId] } })
  }
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.SHIPMENT_CREATED,
  context: { subscriberId: "invoicing-number-packing-slip" },
}
