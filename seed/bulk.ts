// Thousands of fully shipped orders, fast, stored exactly as Medusa's workflows store them.
//
// A few "template" orders are placed and shipped through the real workflows, so Medusa itself prices,
// taxes and discounts each basket. Every other order copies one template through the module services
// in bulk: the order (items, tax lines, adjustments, charges) with createOrders; its authorized payment;
// its fulfillments, shipped with the template's packing slips; the links; and the order changes that
// record each fulfillment and shipment (one order version each, as registerFulfillment/registerShipment do).
import type { CreateOrderChangeDTO, MedusaContainer } from "@medusajs/framework/types"
import {
  ChangeActionType,
  ContainerRegistrationKeys,
  FulfillmentWorkflowEvents,
  Modules,
  OrderWorkflowEvents,
  PaymentCollectionStatus,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { basket, planPackingSlips } from "./baskets"
import { placeOrder, shipOrder, shippingLabel } from "./orders"
import type { StoreFixture } from "./store"

export type BulkSeedOptions = {
  orders: number
  linesPerOrder?: number
  /** Spread the orders over this many new customers (each its own invoice account); else the store's customers. */
  invoiceAccounts?: number
  /** Distinct baskets placed through the workflows; every other order copies one of them. */
  templates?: number
  batchSize?: number
  /** Emit order.placed, order.fulfillment_created and shipment.created like the workflows do. */
  emitEvents?: boolean
}

export type BulkSeedResult = {
  order_ids: string[]
  /** The orders placed and shipped through the workflows (also in order_ids). */
  template_order_ids: string[]
  /** template_order_ids[i] is the template of copies_of[i]. */
  copies_of: Record<string, string[]>
  customer_ids: string[]
  fulfillment_count: number
}

/** The line item fields completeCartWorkflow stores (prepareLineItemData), besides quantity, tax lines and adjustments. */
const LINE_FIELDS = [
  "title", "subtitle", "thumbnail", "product_id", "product_title", "product_description", "product_subtitle",
  "product_type", "product_type_id", "product_collection", "product_handle", "variant_id", "variant_sku",
  "variant_barcode", "variant_title", "variant_option_values", "is_discountable", "is_giftcard", "requires_shipping",
  "unit_price", "compare_at_unit_price", "is_tax_inclusive", "is_custom_price", "metadata",
]

type Customer = { id: string; email: string; first_name: string | null; last_name: string | null; company_name: string | null }

const TEMPLATE_FIELDS = [
  "id", "region_id", "sales_channel_id", "currency_code", "locale", "metadata",
  "items.*", "items.tax_lines.*", "items.adjustments.*",
  "shipping_methods.name", "shipping_methods.description", "shipping_methods.amount", "shipping_methods.raw_amount", "shipping_methods.is_tax_inclusive",
  "shipping_methods.shipping_option_id", "shipping_methods.data", "shipping_methods.metadata",
  "shipping_methods.tax_lines.*", "shipping_methods.adjustments.*",
  "shipping_address.*", "billing_address.*", "promotions.id", "promotions.code",
  "payment_collections.amount", "payment_collections.raw_amount", "payment_collections.currency_code",
  "payment_collections.payment_sessions.provider_id", "payment_collections.payment_sessions.context",
  "fulfillments.created_at", "fulfillments.location_id", "fulfillments.provider_id", "fulfillments.shipping_option_id",
  "fulfillments.requires_shipping", "fulfillments.metadata", "fulfillments.items.*", "fulfillments.delivery_address.*",
]

/** Creates `orders` fully shipped orders (1–3 packing slips each); see the file comment for how. */
export async function seedShippedOrders(
  container: MedusaContainer,
  store: StoreFixture,
  { orders, linesPerOrder = 3, invoiceAccounts, templates = 6, batchSize = 200, emitEvents = true }: BulkSeedOptions
): Promise<BulkSeedResult> {
  const customers: Customer[] = invoiceAccounts ? await createInvoiceAccounts(container, invoiceAccounts) : store.customers
  const customerAt = (i: number) => customers[i % customers.length]

  const templateOrders: any[] = []
  for (let k = 0; k < Math.min(orders, templates); k++) {
    templateOrders.push(await placeTemplate(container, store, k, linesPerOrder, customerAt(k)))
  }

  const result: BulkSeedResult = {
    order_ids: templateOrders.map((t) => t.id),
    template_order_ids: templateOrders.map((t) => t.id),
    copies_of: Object.fromEntries(templateOrders.map((t) => [t.id, []])),
    customer_ids: customers.map((c) => c.id),
    fulfillment_count: templateOrders.reduce((n, t) => n + t.fulfillments.length, 0),
  }
  for (let start = templateOrders.length; start < orders; start += batchSize) {
    const batch: Copy[] = []
    for (let i = start; i < Math.min(orders, start + batchSize); i++) {
      batch.push({ template: templateOrders[i % templateOrders.length], customer: customerAt(i) })
    }
    const copies = await copyOrders(container, batch, emitEvents)
    copies.forEach((c, i) => {
      result.order_ids.push(c.id)
      result.copies_of[batch[i].template.id].push(c.id)
      result.fulfillment_count += c.fulfillment_ids.length
    })
  }
  return result
}

async function createInvoiceAccounts(container: MedusaContainer, count: number): Promise<Customer[]> {
  const run = Date.now().toString(36)
  const customersData = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, "0")
    return { email: `accounts-${run}-${n}@example.com`, first_name: "Accounts", last_name: `Payable ${n}`, company_name: `Company ${n}` }
  })
  const { result } = await createCustomersWorkflow(container).run({ input: { customersData } })
  return result as Customer[]
}

/** The k-th basket placed and shipped through the workflows, read back with everything a copy needs. */
async function placeTemplate(container: MedusaContainer, store: StoreFixture, k: number, linesPerOrder: number, customer: Customer) {
  const b = basket(store, k, linesPerOrder)
  const orderId = await placeOrder(container, store, {
    customer_id: customer.id,
    region_id: b.region_id,
    items: b.lines.map(({ variant_id, quantity }) => ({ variant_id, quantity })),
    promotion_codes: b.discounted ? [store.promotion_code] : undefined,
  })
  const placed = await readOrder(container, orderId)
  const lineOf = (variantId: string) => placed.items.find((i: any) => i.variant_id === variantId)
  const slips = planPackingSlips(
    b.lines.map((l) => ({ line_item_id: lineOf(l.variant_id).id, quantity: l.quantity, shipping_profile: l.shipping_profile })),
    b.slips
  )
  await shipOrder(container, orderId, slips)
  const template = await readOrder(container, orderId)
  template.fulfillments.sort((a: any, b: any) => +new Date(a.created_at) - +new Date(b.created_at))
  return template
}

async function readOrder(container: MedusaContainer, orderId: string): Promise<any> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: TEMPLATE_FIELDS,
    filters: { id: orderId },
  })
  return data[0]
}

type Copy = { template: any; customer: Customer }

async function copyOrders(container: MedusaContainer, batch: Copy[], emitEvents: boolean) {
  const orderModule = container.resolve(Modules.ORDER)

  // createOrders inserts in input order but lists the result in its own: display ids restore the input order.
  const created = (await orderModule.createOrders(batch.map(orderData))).sort((a, b) => a.display_id - b.display_id)
  const orders = batch.map((copy, i) => {
    const order = created[i]
    const lineIds = new Map<string, string>(
      copy.template.items.map((t: any) => {
        const line = order.items!.find((o) => o.variant_id === t.variant_id)
        if (!line) throw new Error(`Order ${order.id} does not match its template ${copy.template.id}`)
        return [t.id, line.id]
      })
    )
    return { ...copy, id: order.id, lineIds, fulfillment_ids: [] as string[] }
  })

  const paymentCollectionIds = await authorizePayments(container, orders)
  await shipAsTemplates(container, orders)

  await container.resolve(ContainerRegistrationKeys.LINK).create(
    orders.flatMap((o, i) => [
      { [Modules.ORDER]: { order_id: o.id }, [Modules.PAYMENT]: { payment_collection_id: paymentCollectionIds[i] } },
      ...o.template.promotions.map((p: any) => ({
        [Modules.ORDER]: { order_id: o.id },
        [Modules.PROMOTION]: { promotion_id: p.id },
      })),
      ...o.fulfillment_ids.map((fulfillment_id) => ({
        [Modules.ORDER]: { order_id: o.id },
        [Modules.FULFILLMENT]: { fulfillment_id },
      })),
    ])
  )

  await recordFulfillmentsAndShipments(container, orders)
  await takeShippedStock(container, orders)
  if (emitEvents) await emitWorkflowEvents(container, orders)
  return orders
}

/** What completeCartWorkflow passes to createOrders, taken from the template and addressed to the customer. */
function orderData({ template, customer }: Copy) {
  const addressed = (address: any) =>
    address && {
      ...strip(address),
      first_name: customer.first_name,
      last_name: customer.last_name,
      company: customer.company_name,
    }
  return {
    region_id: template.region_id,
    customer_id: customer.id,
    sales_channel_id: template.sales_channel_id,
    status: "pending" as const,
    email: customer.email,
    currency_code: template.currency_code,
    locale: template.locale,
    shipping_address: addressed(template.shipping_address),
    billing_address: addressed(template.billing_address),
    no_notification: false,
    metadata: template.metadata,
    items: template.items.map((item: any) => ({
      ...Object.fromEntries(LINE_FIELDS.map((f) => [f, item[f]])),
      quantity: item.quantity,
      tax_lines: item.tax_lines.map(taxLine),
      adjustments: item.adjustments.map(adjustment),
    })),
    shipping_methods: template.shipping_methods.map(({ raw_amount, ...m }: any) => ({
      ...m,
      amount: raw_amount ?? m.amount,
      tax_lines: m.tax_lines.map(taxLine),
      adjustments: m.adjustments.map(adjustment),
    })),
    promo_codes: template.promotions.map((p: any) => p.code),
    credit_lines: [],
  }
}

const taxLine = (t: any) => ({
  description: t.description,
  tax_rate_id: t.tax_rate_id,
  code: t.code,
  rate: t.rate,
  provider_id: t.provider_id,
  metadata: t.metadata ?? null,
})

const adjustment = (a: any) => ({
  code: a.code,
  amount: a.amount,
  description: a.description,
  promotion_id: a.promotion_id,
  provider_id: a.provider_id,
  is_tax_inclusive: a.is_tax_inclusive,
})

/** Bulk creates that MedusaService generates for the payment module's models but IPaymentModuleService does not declare. */
type GeneratedPaymentCreates = {
  createPaymentSessions(data: object[]): Promise<{ id: string; currency_code: string; provider_id: string }[]>
  createPayments(data: object[]): Promise<unknown[]>
}

/** A payment collection with one session authorized by the system provider, as completeCartWorkflow leaves it. */
async function authorizePayments(container: MedusaContainer, orders: (Copy & { id: string })[]) {
  const paymentModule = container.resolve(Modules.PAYMENT)
  const generated = paymentModule as unknown as GeneratedPaymentCreates
  const paid = orders.map((o) => o.template.payment_collections[0])
  const collections = await paymentModule.createPaymentCollections(
    paid.map((p) => ({
      currency_code: p.currency_code,
      amount: p.raw_amount ?? p.amount,
      status: PaymentCollectionStatus.AUTHORIZED,
      authorized_amount: p.amount,
      captured_amount: 0,
      refunded_amount: 0,
    })) as any
  )
  const now = new Date()
  const sessions = await generated.createPaymentSessions(
    collections.map((c, i) => ({
      payment_collection_id: c.id,
      provider_id: paid[i].payment_sessions[0].provider_id,
      amount: paid[i].amount,
      currency_code: c.currency_code,
      context: paid[i].payment_sessions[0].context,
      data: {},
      metadata: {},
      status: PaymentSessionStatus.AUTHORIZED,
      authorized_at: now,
    }))
  )
  await generated.createPayments(
    sessions.map((s, i) => ({
      amount: paid[i].amount,
      currency_code: s.currency_code,
      provider_id: s.provider_id,
      data: {},
      payment_collection_id: collections[i].id,
      payment_session_id: s.id,
    }))
  )
  return collections.map((c) => c.id)
}

/** The template's packing slips, as fulfillments of the copy: packed, then shipped with a label. */
async function shipAsTemplates(container: MedusaContainer, orders: (Copy & { id: string; lineIds: Map<string, string>; fulfillment_ids: string[] })[]) {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const jobs = orders.flatMap((o) => o.template.fulfillments.map((f: any, slip: number) => ({ order: o, f, slip })))
  await inParallel(jobs, 4, async ({ order, f, slip }) => {
    const fulfillment = await fulfillmentModule.createFulfillment({
      location_id: f.location_id,
      provider_id: f.provider_id,
      shipping_option_id: f.shipping_option_id,
      data: {},
      requires_shipping: f.requires_shipping,
      metadata: f.metadata,
      packed_at: new Date(),
      labels: [],
      delivery_address: {
        ...strip(f.delivery_address),
        first_name: order.customer.first_name,
        last_name: order.customer.last_name,
        company: order.customer.company_name,
      },
      items: f.items.map((i: any) => ({
        line_item_id: order.lineIds.get(i.line_item_id)!,
        inventory_item_id: i.inventory_item_id,
        quantity: i.quantity,
        title: i.title,
        sku: i.sku,
        barcode: i.barcode,
      })),
      order: { id: order.id },
    } as any)
    await fulfillmentModule.updateFulfillment(fulfillment.id, {
      labels: [shippingLabel(fulfillment.id)],
      shipped_at: new Date(),
    } as any)
    order.fulfillment_ids[slip] = fulfillment.id
  })
}

const ORDER_CHANGES_PER_CALL = 5

/**
 * The order changes registerFulfillment and registerShipment make, in the order the workflows make them
 * (fulfill 1, ship 1, fulfill 2, …); each round is one bulk change per order, confirmed together.
 */
async function recordFulfillmentsAndShipments(container: MedusaContainer, orders: { id: string; template: any; lineIds: Map<string, string>; fulfillment_ids: string[] }[]) {
  const orderModule = container.resolve(Modules.ORDER)
  const rounds = Math.max(...orders.map((o) => o.fulfillment_ids.length))
  for (let r = 0; r < rounds; r++) {
    for (const action of [ChangeActionType.FULFILL_ITEM, ChangeActionType.SHIP_ITEM]) {
      const changes: CreateOrderChangeDTO[] = orders
        .filter((o) => o.fulfillment_ids[r])
        .map((o) => ({
          order_id: o.id,
          actions: o.template.fulfillments[r].items.map((i: any) => ({
            action,
            reference: "fulfillment",
            reference_id: o.fulfillment_ids[r],
            details: { reference_id: o.lineIds.get(i.line_item_id), quantity: i.quantity },
          })),
        }))
      // Confirming is CPU-bound in the ORM and grows faster than linearly with the batch: small chunks are fastest.
      for (let c = 0; c < changes.length; c += ORDER_CHANGES_PER_CALL) {
        const created = await orderModule.createOrderChange(changes.slice(c, c + ORDER_CHANGES_PER_CALL))
        await orderModule.confirmOrderChange(created.map((change) => change.id))
      }
    }
  }
}

/** Net effect of reserving at checkout and fulfilling: the shipped quantities leave the stock. */
async function takeShippedStock(container: MedusaContainer, orders: { template: any }[]) {
  const taken = new Map<string, { inventoryItemId: string; locationId: string; adjustment: number }>()
  for (const o of orders) {
    for (const f of o.template.fulfillments) {
      for (const i of f.items) {
        if (!i.inventory_item_id) continue
        const key = `${i.inventory_item_id}:${f.location_id}`
        const entry = taken.get(key) ?? { inventoryItemId: i.inventory_item_id, locationId: f.location_id, adjustment: 0 }
        entry.adjustment -= Number(i.quantity)
        taken.set(key, entry)
      }
    }
  }
  if (taken.size) await container.resolve(Modules.INVENTORY).adjustInventory([...taken.values()])
}

async function emitWorkflowEvents(container: MedusaContainer, orders: { id: string; fulfillment_ids: string[] }[]) {
  const events: { name: string; data: Record<string, unknown> }[] = orders.flatMap((o) => [
      { name: OrderWorkflowEvents.PLACED, data: { id: o.id } },
      ...o.fulfillment_ids.flatMap((fulfillment_id) => [
        { name: OrderWorkflowEvents.FULFILLMENT_CREATED, data: { order_id: o.id, fulfillment_id } },
        { name: FulfillmentWorkflowEvents.SHIPMENT_CREATED, data: { id: fulfillment_id } },
      ]),
  ])
  await container.resolve(Modules.EVENT_BUS).emit(events)
}

/** A stored record's data without its identity and timestamps, to be written again. */
function strip(record: any) {
  const { id, created_at, updated_at, deleted_at, ...rest } = record ?? {}
  return rest
}

async function inParallel<T>(items: T[], limit: number, job: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await job(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
