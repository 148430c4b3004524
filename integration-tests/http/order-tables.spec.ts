import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { cancelOrder, placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { decimal } from "../../src/workflows/invoicing-orders/decimal"
import { readOrdersForInvoicing } from "../../src/workflows/invoicing-orders/read-order-tables"
import { storeWithAdmin } from "../helpers/store-suite"
import { lineIds } from "../helpers/invoicing"

jest.setTimeout(180_000)

/**
 * What invoicing reads of an order, asked of Medusa's query graph: the reference the table
 * reader must equal. The order's "total" is asked only because it makes the graph compute
 * the item and shipping totals; invoicing does not use it.
 */
const GRAPH_FIELDS = [
  "id", "display_id", "status", "currency_code", "customer_id", "region_id", "sales_channel_id", "email", "billing_address.*", "total",
  "items.id", "items.title", "items.variant_sku", "items.unit_price", "items.quantity", "items.is_tax_inclusive", "items.total",
  "items.tax_total", "items.discount_subtotal", "items.tax_lines.rate", "items.adjustments.amount",
  "items.variant.inventory_items.inventory_item_id", "items.variant.inventory_items.required_quantity",
  "shipping_methods.id", "shipping_methods.name", "shipping_methods.total", "shipping_methods.tax_total",
  "shipping_methods.discount_subtotal", "shipping_methods.tax_lines.rate", "shipping_methods.adjustments.amount",
  "fulfillments.id", "fulfillments.shipped_at", "fulfillments.canceled_at", "fulfillments.items.line_item_id",
  "fulfillments.items.inventory_item_id", "fulfillments.items.quantity",
]

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)

/** Every field invoicing uses, amounts as full-precision decimals, lists in a fixed order. */
function whatInvoicingSees(o: any) {
  return {
    id: o.id,
    display_id: o.display_id,
    status: o.status,
    currency_code: o.currency_code,
    customer_id: o.customer_id,
    region_id: o.region_id,
    sales_channel_id: o.sales_channel_id,
    email: o.email,
    billing_address: JSON.parse(JSON.stringify(o.billing_address ?? null)),
    items: o.items
      .map((i: any) => ({
        id: i.id,
        title: i.title,
        variant_sku: i.variant_sku,
        is_tax_inclusive: i.is_tax_inclusive,
        unit_price: decimal(i.unit_price),
        quantity: decimal(i.quantity),
        total: decimal(i.total),
        tax_total: decimal(i.tax_total),
        discount_subtotal: decimal(i.discount_subtotal),
        tax_rates: i.tax_lines.map((t: any) => decimal(t.rate)).sort(),
        adjustments: i.adjustments.map((a: any) => decimal(a.amount)).sort(),
        kit: (i.variant?.inventory_items ?? []).map((k: any) => `${k.inventory_item_id}×${Number(k.required_quantity)}`).sort(),
      }))
      .sort(byId),
    shipping_methods: o.shipping_methods
      .map((m: any) => ({
        id: m.id,
        name: m.name,
        total: decimal(m.total),
        tax_total: decimal(m.tax_total),
        discount_subtotal: decimal(m.discount_subtotal),
        tax_rates: m.tax_lines.map((t: any) => decimal(t.rate)).sort(),
        adjustments: m.adjustments.map((a: any) => decimal(a.amount)).sort(),
      }))
      .sort(byId),
    fulfillments: o.fulfillments
      .map((f: any) => ({
        id: f.id,
        shipped_at: f.shipped_at ? new Date(f.shipped_at).toISOString() : null,
        canceled_at: f.canceled_at ? new Date(f.canceled_at).toISOString() : null,
        items: f.items.map((i: any) => `${i.line_item_id}:${i.inventory_item_id}:${Number(i.quantity)}`).sort(),
      }))
      .sort(byId),
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let store: StoreFixture
    beforeAll(async () => ({ store } = await storeWithAdmin(getContainer())))

    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const graph = async (ids: string[]) =>
      (await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: GRAPH_FIELDS, filters: { id: ids } })).data

    async function order(regionIndex: number, discount: boolean) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[regionIndex % store.customers.length].id,
        region_id: store.regions[regionIndex].id,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 2 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
          { variant_id: sku("TABLE-NAT"), quantity: 1 },
        ],
        promotion_codes: discount ? [store.promotion_code] : [],
      })
      return { orderId, lines: await lineIds(container, orderId) }
    }

    it("orders read from Medusa's tables equal what Medusa's query graph computes, to the last decimal, in every region, version and state", async () => {
      const container = getContainer()
      const ids: string[] = []
      // One per region (tax-exclusive, tax-inclusive, another currency), with and without the promotion.
      for (let r = 0; r < store.regions.length; r++) {
        for (const discount of [true, false]) ids.push((await order(r, discount)).orderId)
      }
      // Shipped in two packing slips: two fulfillments, and three order versions.
      const shipped = await order(0, true)
      await shipOrder(container, shipped.orderId, [[{ line_item_id: shipped.lines["SHIRT-M"], quantity: 1 }], [{ line_item_id: shipped.lines["BOOK-PB"], quantity: 3 }]])
      ids.push(shipped.orderId)
      // Edited after placing: a new order version with another quantity (and its own adjustments).
      const edited = await order(1, true)
      await beginOrderEditOrderWorkflow(container).run({ input: { order_id: edited.orderId } })
      await orderEditUpdateItemQuantityWorkflow(container).run({
        input: { order_id: edited.orderId, items: [{ id: edited.lines["BOOK-PB"], quantity: 5 }] },
      })
      await requestOrderEditRequestWorkflow(container).run({ input: { order_id: edited.orderId } })
      await confirmOrderEditRequestWorkflow(container).run({ input: { order_id: edited.orderId } })
      ids.push(edited.orderId)
      const canceled = await order(2, false)
      await cancelOrder(container, canceled.orderId)
      ids.push(canceled.orderId)

      const fromTables = await readOrdersForInvoicing(container, ids)
      const fromGraph = await graph(ids)
      expect(fromTables.map(whatInvoicingSees).sort(byId)).toEqual(fromGraph.map(whatInvoicingSees).sort(byId))

      // The cases are really there: the edit made a version with 5 paperbacks, the shipment two fulfillments.
      const editedRead = fromTables.find((o) => o.id === edited.orderId)
      expect(editedRead.items.find((i: any) => i.id === edited.lines["BOOK-PB"]).quantity).toBe("5")
      expect(fromTables.find((o) => o.id === shipped.orderId).fulfillments).toHaveLength(2)
      expect(fromTables.find((o) => o.id === canceled.orderId).status).toBe("canceled")
      expect(new Set(fromTables.flatMap((o) => o.items.map((i: any) => i.is_tax_inclusive)))).toEqual(new Set([true, false]))
      expect(fromTables.some((o) => o.items.some((i: any) => i.adjustments.length > 0))).toBe(true)
    })

    it("an unknown order id is refused with 404 naming it", async () => {
      await expect(readOrdersForInvoicing(getContainer(), ["order_missing"])).rejects.toThrow(/Orders not found: order_missing/)
    })
  },
})
