import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { cents, eventually, invoicing, lineIds } from "../helpers/invoicing"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!.id
    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const send = (path: string, body: unknown) => api.post(path, body, headers).catch((e) => e.response)
    const post = (order_ids: string[], parameters: Record<string, unknown> = {}) => send("/admin/invoicing/post", { order_ids, parameters })
    const orders = async (query: string) => (await api.get(`/admin/invoicing/orders?${query}`, headers)).data
    const ids = (page: { orders: { id: string }[] }) => page.orders.map((o) => o.id)
    const orderTotal = async (id: string) => (await api.get(`/admin/orders/${id}?fields=total`, headers)).data.order.total

    /** An order of two shirts (20 % tax) and three paperbacks (5.5 %), with the promotion code. */
    async function order(customerId = customer("anna")) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: customerId,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 2 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
        ],
        promotion_codes: [store.promotion_code],
      })
      return { orderId, lines: await lineIds(container, orderId) }
    }

    /** Ships one packing slip and waits for the shipment subscriber to number it. */
    async function ship(o: { orderId: string; lines: Record<string, string> }, quantities: Record<string, number>) {
      const container = getContainer()
      const before = (await invoicing(container).listPackingSlips({ order_id: o.orderId })).length
      await shipOrder(container, o.orderId, [Object.entries(quantities).map(([s, quantity]) => ({ line_item_id: o.lines[s], quantity }))])
      await eventually(async () => (await invoicing(container).listPackingSlips({ order_id: o.orderId })).length === before + 1)
    }

    it("the shipped-not-invoiced list holds exactly the orders with shipped goods left to invoice, newest first, counted exactly and paged without overlap", async () => {
      const partlyShipped = await order()
      await ship(partlyShipped, { "SHIRT-M": 1 })
      const shipped = await order()
      await ship(shipped, { "SHIRT-M": 2, "BOOK-PB": 3 })
      const notShipped = await order()
      const invoiced = await order()
      await ship(invoiced, { "SHIRT-M": 2, "BOOK-PB": 3 })
      expect((await post([invoiced.orderId])).data.invoices).toHaveLength(1)
      // Invoiced whole under quantity "all" before it shipped: its packing slip has nothing left to invoice.
      const invoicedBeforeShipping = await order()
      expect((await post([invoicedBeforeShipping.orderId], { quantity: "all" })).data.invoices).toHaveLength(1)
      await ship(invoicedBeforeShipping, { "SHIRT-M": 2 })
      // Invoiced, then shipped again: the second packing slip is open.
      const shippedAgain = await order()
      await ship(shippedAgain, { "BOOK-PB": 1 })
      expect((await post([shippedAgain.orderId])).data.invoices).toHaveLength(1)
      await ship(shippedAgain, { "BOOK-PB": 2 })

      const newestFirst = [shippedAgain, shipped, partlyShipped].map((o) => o.orderId)
      const all = await orders("status=shipped_not_invoiced")
      expect([ids(all), all.count]).toEqual([newestFirst, 3])
      const first = await orders("status=shipped_not_invoiced&limit=2&offset=0")
      const second = await orders("status=shipped_not_invoiced&limit=2&offset=2")
      expect([ids(first), first.count, ids(second), second.count]).toEqual([newestFirst.slice(0, 2), 3, newestFirst.slice(2), 3])
      // shipped_not_invoiced is the default.
      expect(ids(await orders(""))).toEqual(newestFirst)

      // Anything not invoiced: the order not shipped yet too.
      const uninvoiced = await orders("status=uninvoiced")
      expect([ids(uninvoiced).sort(), uninvoiced.count]).toEqual([[shippedAgain, notShipped, shipped, partlyShipped].map((o) => o.orderId).sort(), 4])
    })

    it("each row's uninvoiced value is what posting that order invoices, to the cent: taxes, discount and charges included", async () => {
      const o = await order()
      await ship(o, { "SHIRT-M": 1, "BOOK-PB": 2 })
      const valueOf = async (status: string) => (await orders(`status=${status}`)).orders.find((r: any) => r.id === o.orderId).uninvoiced_value
      const firstValue = await valueOf("shipped_not_invoiced")
      const first = (await post([o.orderId])).data.invoices[0]
      expect(cents(firstValue)).toBe(cents(first.total))
      expect(first.charges.length).toBeGreaterThan(0)

      // The rest: no charges any more, and the order's rounding rest on its last invoice.
      await ship(o, { "SHIRT-M": 1, "BOOK-PB": 1 })
      const restValue = await valueOf("shipped_not_invoiced")
      const rest = (await post([o.orderId])).data.invoices[0]
      expect(cents(restValue)).toBe(cents(rest.total))
      expect(rest.charges).toEqual([])
      expect(cents(firstValue) + cents(restValue)).toBe(cents(await orderTotal(o.orderId)))

      // Anything not invoiced of an order not shipped at all is its whole total.
      const unshipped = await order()
      const { orders: rows } = await orders("status=uninvoiced")
      expect(cents(rows.find((r: any) => r.id === unshipped.orderId).uninvoiced_value)).toBe(cents(await orderTotal(unshipped.orderId)))
    })

    it("the shipped-not-invoiced list filters by customer and by order number or e-mail, and counts what it filters", async () => {
      const anna = [await order(customer("anna")), await order(customer("anna"))]
      const chloe = await order(customer("chloe"))
      for (const o of [...anna, chloe]) await ship(o, { "SHIRT-M": 1 })

      const hers = await orders(`status=shipped_not_invoiced&customer_id=${customer("chloe")}`)
      expect([ids(hers), hers.count]).toEqual([[chloe.orderId], 1])
      const { data } = await api.get(`/admin/orders/${anna[0].orderId}?fields=display_id`, headers)
      const byNumber = await orders(`status=shipped_not_invoiced&q=${data.order.display_id}`)
      expect([ids(byNumber), byNumber.count]).toEqual([[anna[0].orderId], 1])
      const byEmail = await orders(`status=shipped_not_invoiced&q=anna.martin`)
      expect([ids(byEmail), byEmail.count]).toEqual([[anna[1].orderId, anna[0].orderId], 2])
    })

    it("the order and invoice lists name each invoice account: its company, else first and last name, else its e-mail", async () => {
      const nameless = await getContainer().resolve(Modules.CUSTOMER).createCustomers({ email: "buyer@nameless.example" })
      // Emma buys for David's company: David is her invoice account.
      expect((await send(`/admin/invoicing/accounts/${customer("emma")}`, { invoice_account_id: customer("david") })).status).toBe(200)
      const placed = {
        anna: await order(customer("anna")),
        chloe: await order(customer("chloe")),
        emma: await order(customer("emma")),
        nameless: await order(nameless.id),
      }
      for (const o of Object.values(placed)) await ship(o, { "SHIRT-M": 2 })
      const expected = [
        [placed.anna.orderId, customer("anna"), "Atelier Martin"],
        [placed.chloe.orderId, customer("chloe"), "Chloé Leroy"],
        [placed.emma.orderId, customer("david"), "Peeters Interiors"],
        [placed.nameless.orderId, nameless.id, "buyer@nameless.example"],
      ]
      const rows = (await orders("status=shipped_not_invoiced")).orders
      const named = (orderId: string) => rows.find((r: any) => r.id === orderId)
      expect(expected.map(([orderId]) => [orderId, named(orderId).invoice_account_id, named(orderId).invoice_account_name])).toEqual(expected)

      const posted = (await post(Object.values(placed).map((o) => o.orderId))).data.invoices
      expect(posted).toHaveLength(4)
      const orderOf = new Map(posted.map((i: any) => [i.id, i.orders[0].id]))
      for (const query of ["", "?payment_status=open"]) {
        const { invoices } = (await api.get(`/admin/invoices${query}`, headers)).data
        const listed = invoices.map((i: any) => [orderOf.get(i.id), i.invoice_account_id, i.invoice_account_name])
        expect(listed.sort()).toEqual([...expected].sort())
      }
    })
  },
})
