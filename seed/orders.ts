// Orders placed, shipped and canceled the way a shopper and a warehouse do it: through Medusa's workflows.
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  cancelOrderWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { StoreFixture } from "./store"

export type OrderInput = {
  customer_id: string
  items: { variant_id: string; quantity: number }[]
  promotion_codes?: string[]
  /** Defaults to the fixture's region; pass another of store.regions to sell tax-inclusive (or -exclusive). */
  region_id?: string
}

/** Cart → one shipping method per shipping profile in the cart → payment session → completed order. */
export async function placeOrder(container: MedusaContainer, store: StoreFixture, input: OrderInput): Promise<string> {
  const region = store.regions.find((r) => r.id === (input.region_id ?? store.region_id))
  if (!region) throw new Error(`Region ${input.region_id} is not part of this store`)
  const customer =
    store.customers.find((c) => c.id === input.customer_id) ??
    (await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id))

  const address = {
    first_name: customer.first_name ?? undefined,
    last_name: customer.last_name ?? undefined,
    company: customer.company_name ?? undefined,
    address_1: "8 Avenue des Tilleuls",
    city: region.country_code === "be" ? "Brussels" : "Paris",
    postal_code: region.country_code === "be" ? "1000" : "75008",
    country_code: region.country_code,
  }
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: region.id,
      sales_channel_id: store.sales_channel_id,
      customer_id: customer.id,
      email: customer.email!,
      currency_code: region.currency_code,
      items: input.items,
      promo_codes: input.promotion_codes,
      shipping_address: address,
      billing_address: address,
    },
  })

  // A cart holds one shipping method per shipping profile, so a mixed cart gets two charges.
  const profiles = [...new Set(input.items.map((i) => variantOf(store, i.variant_id).shipping_profile))].sort()
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: profiles.map((p) => ({ id: store.shipping_option_ids[p] })) },
  })

  const { result: paymentCollection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: paymentCollection.id, provider_id: "pp_system_default" },
  })
  const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return order.id
}

/**
 * Ships an order in packing slips: each inner array becomes one fulfillment (through the shipping
 * option of its items' shipping profile), immediately marked shipped, which emits `shipment.created`.
 */
export async function shipOrder(
  container: MedusaContainer,
  orderId: string,
  packingSlips: { line_item_id: string; quantity: number }[][]
): Promise<string[]> {
  const optionByItem = await shippingOptionPerLineItem(container, orderId)
  const fulfillmentIds: string[] = []
  for (const slip of packingSlips) {
    const options = new Set(slip.map((line) => optionByItem.get(line.line_item_id)))
    if (options.size !== 1 || options.has(undefined)) {
      throw new Error(`A packing slip must hold items of this order from one shipping profile: ${JSON.stringify(slip)}`)
    }
    const items = slip.map((line) => ({ id: line.line_item_id, quantity: line.quantity }))
    const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
      input: { order_id: orderId, items, shipping_option_id: [...options][0] },
    })
    await createOrderShipmentWorkflow(container).run({
      input: {
        order_id: orderId,
        fulfillment_id: fulfillment.id,
        items,
        labels: [shippingLabel(fulfillment.id)],
      },
    })
    fulfillmentIds.push(fulfillment.id)
  }
  return fulfillmentIds
}

/** The carrier label of a seeded shipment (same shape for workflow-made and bulk-made orders). */
export function shippingLabel(fulfillmentId: string) {
  return {
    tracking_number: `TRK${fulfillmentId.slice(-10)}`,
    tracking_url: `https://tracking.example.com/${fulfillmentId}`,
    label_url: `https://labels.example.com/${fulfillmentId}.pdf`,
  }
}

export async function cancelOrder(container: MedusaContainer, orderId: string): Promise<void> {
  await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
}

function variantOf(store: StoreFixture, variantId: string) {
  const variant = store.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`Variant ${variantId} is not part of this store`)
  return variant
}

/** The order's shipping option that serves each line item (matched on the product's shipping profile). */
async function shippingOptionPerLineItem(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.variant.product.shipping_profile.id", "shipping_methods.shipping_option_id"],
    filters: { id: orderId },
  })
  const optionIds = (order.shipping_methods ?? []).map((m) => m!.shipping_option_id!)
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "shipping_profile_id"],
    filters: { id: optionIds },
  })
  const optionByProfile = new Map<string, string>(options.map((o) => [o.shipping_profile_id, o.id]))
  return new Map<string, string | undefined>(
    (order.items ?? []).map((item) => [
      item!.id,
      optionByProfile.get((item as any).variant?.product?.shipping_profile?.id),
    ])
  )
}
