import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { cancelOrder, placeOrder, setupStore, shipOrder, StoreFixture } from "../../seed/store"
import { adminHeaders } from "../helpers/admin"
import { ADMIN_ORDER_FIELDS } from "../helpers/order-fields"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    let headers: { headers: Record<string, string> }

    // Built once; the runner snapshots the database after this and restores it before every test.
    beforeAll(async () => {
      store = await setupStore(getContainer())
      headers = await adminHeaders(getContainer())
    })

    const variant = (sku: string) => store.variants.find((v) => v.sku === sku)!
    const getOrder = async (id: string) =>
      (await api.get(`/admin/orders/${id}?fields=${ADMIN_ORDER_FIELDS}`, headers)).data.order
    const lineOf = (order: any, sku: string) => order.items.find((i: any) => i.variant_sku === sku)

    it("places a discounted order with two charges, ships it in two packing slips, taxed at two rates", async () => {
      const container = getContainer()
      const [anna] = store.customers
      const orderId = await placeOrder(container, store, {
        customer_id: anna.id,
        items: [
          { variant_id: variant("SHIRT-M").id, quantity: 2 },
          { variant_id: variant("BOOK-HC").id, quantity: 2 },
          { variant_id: variant("TABLE-NAT").id, quantity: 1 },
        ],
        promotion_codes: [store.promotion_code],
      })

      const placed = await getOrder(orderId)
      expect(placed.fulfillment_status).toBe("not_fulfilled")
      expect(placed.shipping_methods.map((m: any) => m.amount).sort((a: number, b: number) => a - b)).toEqual([5, 25])

      const fulfillmentIds = await shipOrder(container, orderId, [
        [
          { line_item_id: lineOf(placed, "SHIRT-M").id, quantity: 2 },
          { line_item_id: lineOf(placed, "BOOK-HC").id, quantity: 2 },
        ],
        [{ line_item_id: lineOf(placed, "TABLE-NAT").id, quantity: 1 }],
      ])
      expect(fulfillmentIds).toHaveLength(2)

      const order = await getOrder(orderId)
      expect(order.status).toBe("pending")
      expect(order.fulfillment_status).toBe("shipped")
      expect(order.payment_status).toBe("authorized")
      expect(order.customer.email).toBe(anna.email)
      expect(order.promotions.map((p: any) => p.code)).toEqual([store.promotion_code])

      // 2×40 + 2×30 + 120 = 260, less 10 % = 234; VAT 20 % on 72 and 108, 5.5 % on 54; charges 5 + 25 at 20 %.
      expect(order.item_subtotal).toBe(260)
      expect(order.discount_subtotal).toBe(26)
      expect(order.discount_total).toBeCloseTo(26 + 0.2 * (8 + 12) + 0.055 * 6, 10) // Medusa counts the VAT saved
      expect(order.shipping_total).toBe(36)
      expect(order.tax_total).toBeCloseTo(14.4 + 2.97 + 21.6 + 6, 10)
      expect(order.total).toBeCloseTo(234 + 30 + 44.97, 10)
      expect(lineOf(order, "SHIRT-M").tax_lines.map((t: any) => t.rate)).toEqual([20])
      expect(lineOf(order, "BOOK-HC").tax_lines.map((t: any) => t.rate)).toEqual([5.5])
      expect(lineOf(order, "BOOK-HC").adjustments.map((a: any) => a.amount)).toEqual([6])
      expect(order.shipping_methods.flatMap((m: any) => m.tax_lines.map((t: any) => t.rate))).toEqual([20, 20])

      expect(order.fulfillments).toHaveLength(2)
      for (const fulfillment of order.fulfillments) {
        expect(fulfillment.shipped_at).toBeTruthy()
        expect(fulfillment.labels).toHaveLength(1)
      }
      const slipOf = (id: string) =>
        order.fulfillments.find((f: any) => f.id === id).items.map((i: any) => [i.sku, i.quantity]).sort()
      expect(slipOf(fulfillmentIds[0])).toEqual([["BOOK-HC", 2], ["SHIRT-M", 2]])
      expect(slipOf(fulfillmentIds[1])).toEqual([["TABLE-NAT", 1]])
      for (const item of order.items) {
        expect(item.detail.shipped_quantity).toBe(item.quantity)
      }
    })

    it("sells tax-inclusive in the second region and reports a single packing slip as partial", async () => {
      const container = getContainer()
      const belgium = store.regions.find((r) => r.is_tax_inclusive)!
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[3].id,
        region_id: belgium.id,
        items: [
          { variant_id: variant("SCARF-GREY").id, quantity: 1 },
          { variant_id: variant("COFFEE-ESP").id, quantity: 2 },
        ],
      })
      const placed = await getOrder(orderId)
      await shipOrder(container, orderId, [[{ line_item_id: lineOf(placed, "SCARF-GREY").id, quantity: 1 }]])

      const order = await getOrder(orderId)
      expect(order.fulfillment_status).toBe("partially_shipped")
      expect(order.items.every((i: any) => i.is_tax_inclusive)).toBe(true)
      // Gross prices: 25 + 2×18 + 5 shipping; VAT is the part of them at 21 % and 6 %.
      expect(order.total).toBe(66)
      expect(order.tax_total).toBeCloseTo(25 - 25 / 1.21 + 36 - 36 / 1.06 + 5 - 5 / 1.21, 10)
      expect(lineOf(order, "COFFEE-ESP").tax_lines.map((t: any) => t.rate)).toEqual([6])
      expect(lineOf(order, "SCARF-GREY").tax_lines.map((t: any) => t.rate)).toEqual([21])
    })

    it("cancels an unshipped order", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[1].id,
        items: [{ variant_id: variant("BENCH-TEAK").id, quantity: 1 }],
      })
      await cancelOrder(container, orderId)

      const order = await getOrder(orderId)
      expect(order.status).toBe("canceled")
      expect(order.canceled_at).toBeTruthy()
    })
  },
})
