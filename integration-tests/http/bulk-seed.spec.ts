import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedShippedOrders } from "../../seed/bulk"
import { StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { ADMIN_ORDER_FIELDS } from "../helpers/order-fields"

jest.setTimeout(240_000)

const ULID_ID = /\b[a-z]+(?:_[a-z]+)*_[0-9A-HJKMNP-TV-Z]{26}\b/g

/**
 * An order as the admin API shows it, without what must differ between two orders of the same basket:
 * identities, timestamps (only whether they are set), the display number and who the customer is.
 */
function comparable(value: any, key = ""): any {
  if (Array.isArray(value)) {
    return value.map((v) => comparable(v)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !["customer", "email", "first_name", "last_name", "company", "display_id"].includes(k))
        .map(([k, v]) => [k, comparable(v, k)])
    )
  }
  if (key.endsWith("_at")) return value ? "<time>" : value
  if (key === "tracking_number") return "<tracking number>"
  if (typeof value === "string") return value.replace(ULID_ID, "<id>")
  return value
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const getOrder = async (id: string) =>
      (await api.get(`/admin/orders/${id}?fields=${ADMIN_ORDER_FIELDS}`, headers)).data.order

    it("stores bulk orders exactly as the workflows store the same baskets", async () => {
      const seeded = await seedShippedOrders(getContainer(), store, { orders: 12, templates: 6, batchSize: 4 })

      expect(seeded.order_ids).toHaveLength(12)
      expect(new Set(seeded.order_ids).size).toBe(12)
      for (const templateId of seeded.template_order_ids) {
        const template = await getOrder(templateId)
        expect(template.fulfillment_status).toBe("shipped")
        expect(template.payment_status).toBe("authorized")
        expect(template.fulfillments.every((f: any) => f.shipped_at)).toBe(true)

        const [copyId] = seeded.copies_of[templateId]
        const copy = await getOrder(copyId)
        expect(comparable(copy)).toEqual(comparable(template))
      }
      // The baskets cover one, two and three packing slips, both shipping profiles and both kinds of prices.
      const templates = await Promise.all(seeded.template_order_ids.map(getOrder))
      expect(new Set(templates.map((t) => t.fulfillments.length))).toEqual(new Set([1, 2, 3]))
      expect(templates.some((t) => t.shipping_methods.length === 2)).toBe(true)
      expect(new Set(templates.map((t) => t.items[0].is_tax_inclusive))).toEqual(new Set([true, false]))
      expect(templates.some((t) => t.discount_total > 0)).toBe(true)
    })

    it("spreads orders over new invoice accounts", async () => {
      const seeded = await seedShippedOrders(getContainer(), store, { orders: 4, templates: 1, invoiceAccounts: 3 })

      expect(seeded.customer_ids).toHaveLength(3)
      const orders = await Promise.all(seeded.order_ids.map(getOrder))
      expect(orders.map((o) => o.customer.id)).toEqual([0, 1, 2, 0].map((i) => seeded.customer_ids[i]))
      expect(orders.every((o) => o.fulfillment_status === "shipped")).toBe(true)
    })
  },
})
