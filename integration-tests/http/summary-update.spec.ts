import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { cents, lineIds } from "../helpers/invoicing"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!.id
    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const pounds = () => store.regions.find((r) => r.currency_code === "gbp")!.id
    const send = (path: string, body: unknown) => api.post(path, body, headers).catch((e) => e.response)
    const profile = (customerId: string, body: Record<string, unknown>) => send(`/admin/invoicing/accounts/${customerId}`, body)
    const propose = (order_ids: string[], parameters: Record<string, unknown>) => send("/admin/invoicing/proposals", { order_ids, parameters })
    const post = (order_ids: string[], parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      send("/admin/invoicing/post", { order_ids, parameters, ...extra })
    const written = async () =>
      (
        await dbConnection.raw(`select (select count(*) from invoicing_invoice)::int as invoices,
          (select count(*) from invoicing_order_line)::int as balances,
          (select next_value from invoicing_number_series where code = 'invoice')::int as next_number`)
      ).rows[0]

    /** An order of two shirts, shipped whole in one packing slip unless told otherwise. */
    async function shirtOrder(customerId: string, options: { regionId?: string; ship?: number } = {}) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: customerId,
        region_id: options.regionId,
        items: [{ variant_id: sku("SHIRT-M"), quantity: 2 }],
      })
      const line = (await lineIds(container, orderId))["SHIRT-M"]
      if (options.ship !== 0) await shipOrder(container, orderId, [[{ line_item_id: line, quantity: options.ship ?? 2 }]])
      return { orderId, line }
    }

    /** Emma buys for David's company: David is her invoice account, with 30 days to pay. */
    async function emmaBilledToDavid() {
      expect((await profile(customer("emma"), { invoice_account_id: customer("david") })).status).toBe(200)
      expect((await profile(customer("david"), { payment_terms_days: 30, email: "accounts@peeters.example" })).status).toBe(200)
    }

    it("a customer's invoicing profile names the invoice account, and a chain of accounts bills the last one", async () => {
      const { data: defaults } = await api.get(`/admin/invoicing/accounts/${customer("emma")}`, headers)
      expect(defaults.invoicing_profile).toEqual({
        customer_id: customer("emma"),
        invoice_account_id: customer("emma"),
        billed_to: customer("emma"),
        default_summary_update: "none",
        payment_terms_days: null,
        email: null,
        copies: null,
        email_invoices: null,
        credit_limit: null,
        credit_limit_currency_code: null,
        credit_check_mandatory: false,
      })
      await emmaBilledToDavid()
      const { data: chloe } = await profile(customer("chloe"), { invoice_account_id: customer("emma"), copies: 2, default_summary_update: "order" })
      expect(chloe.invoicing_profile).toMatchObject({ invoice_account_id: customer("emma"), billed_to: customer("david"), copies: 2, default_summary_update: "order" })
    })

    it("an invoice account cannot be a missing customer nor close a cycle, and a refused profile writes nothing", async () => {
      await emmaBilledToDavid()
      const missing = await profile(customer("emma"), { invoice_account_id: "cus_missing" })
      expect([missing.status, missing.data.message]).toEqual([400, "invoice_account_id: customer cus_missing does not exist"])
      const cycle = await profile(customer("david"), { invoice_account_id: customer("emma") })
      expect(cycle.status).toBe(400)
      expect(cycle.data.message).toMatch(/^invoice_account_id: .* would form a cycle/)
      const terms = await profile(customer("david"), { payment_terms_days: -1 })
      expect([terms.status, terms.data.message]).toEqual([400, expect.stringMatching(/payment_terms_days/)])
      expect((await api.get("/admin/invoicing/accounts/cus_missing", headers).catch((e) => e.response)).status).toBe(404)

      const { data } = await api.get(`/admin/invoicing/accounts/${customer("david")}`, headers)
      expect(data.invoicing_profile).toMatchObject({ invoice_account_id: customer("david"), payment_terms_days: 30 })
      const rows = await dbConnection.raw(`select count(*)::int as n from invoicing_profile`)
      expect(rows.rows[0].n).toBe(2)
    })

    it("three orders of two customers who share an invoice account become one invoice that shows 'multiple' and lists all packing slips", async () => {
      await emmaBilledToDavid()
      const orders = [await shirtOrder(customer("emma")), await shirtOrder(customer("david")), await shirtOrder(customer("emma"))]
      const { data, status } = await post(orders.map((o) => o.orderId), { summary_update: "invoice_account", invoice_date: "2030-01-10" })
      expect(status).toBe(200)
      expect(data.invoices).toHaveLength(1)
      const [invoice] = data.invoices
      expect(invoice.number).toBe("INV-000001")
      expect(invoice.invoice_account_id).toBe(customer("david"))
      expect(invoice.packing_slip_number).toBe("multiple")
      expect(invoice.packing_slips.map((s: any) => s.number).sort()).toEqual(["PS-000001", "PS-000002", "PS-000003"])
      expect(invoice.orders.map((o: any) => o.id).sort()).toEqual(orders.map((o) => o.orderId).sort())
      // The header comes from the invoice account: its name, invoice e-mail, billing address and terms.
      expect(invoice.bill_to).toMatchObject({ name: "Peeters Interiors", email: "accounts@peeters.example", address: { city: "Antwerp" } })
      expect([invoice.invoice_date, invoice.due_date]).toEqual(["2030-01-10", "2030-02-09"])
    })

    it("the same selection with an order in a second currency gives two invoices", async () => {
      await emmaBilledToDavid()
      const euros = [await shirtOrder(customer("emma")), await shirtOrder(customer("david"))]
      const inPounds = await shirtOrder(customer("emma"), { regionId: pounds() })
      const { data } = await post([...euros, inPounds].map((o) => o.orderId), { summary_update: "invoice_account" })
      expect(data.invoices.map((i: any) => [i.currency_code, i.orders.length, i.invoice_account_id])).toEqual([
        ["eur", 2, customer("david")],
        ["gbp", 1, customer("david")],
      ])
    })

    it("order mode puts the account's orders on the lead order's header and proposes an order it cannot join on its own, naming the key", async () => {
      await emmaBilledToDavid()
      const david = await shirtOrder(customer("david"))
      const emma = await shirtOrder(customer("emma"))
      const inPounds = await shirtOrder(customer("emma"), { regionId: pounds() })
      const ids = [david.orderId, emma.orderId, inPounds.orderId]
      const { data: proposal } = await propose(ids, { summary_update: "order", lead_order_id: emma.orderId })
      expect(proposal.groups.map((g: any) => [g.orders.length, g.lead_order_id, g.kept_apart_by])).toEqual([
        [2, emma.orderId, null],
        [1, inPounds.orderId, ["currency"]],
      ])
      const { data } = await post(ids, { summary_update: "order", lead_order_id: emma.orderId })
      const [combined] = data.invoices
      expect(combined.orders.map((o: any) => o.id).sort()).toEqual([david.orderId, emma.orderId].sort())
      // Emma's order leads: her order's billing address and e-mail, on David's account with David's terms.
      expect(combined.bill_to).toMatchObject({ name: "Emma Janssens", email: "emma.janssens@example.com", address: { address_1: "8 Avenue des Tilleuls" } })
      expect(combined.invoice_account_id).toBe(customer("david"))
      expect(combined.due_date).not.toBeNull()
    })

    it("auto groups each invoice account by its own default summary update", async () => {
      await emmaBilledToDavid()
      await profile(customer("david"), { default_summary_update: "invoice_account" })
      const orders = [
        await shirtOrder(customer("emma")),
        await shirtOrder(customer("david")),
        await shirtOrder(customer("anna")),
        await shirtOrder(customer("anna")),
      ]
      const { data } = await post(orders.map((o) => o.orderId), { summary_update: "auto" })
      expect(data.invoices.map((i: any) => [i.invoice_account_id, i.summary_update, i.orders.length])).toEqual([
        [customer("david"), "invoice_account", 2],
        [customer("anna"), "none", 1],
        [customer("anna"), "none", 1],
      ])
    })

    it("Arrange from none to invoice_account changes 3 groups into 1 without writing anything, and its token posts exactly that group", async () => {
      await emmaBilledToDavid()
      const ids = [
        (await shirtOrder(customer("emma"))).orderId,
        (await shirtOrder(customer("david"))).orderId,
        (await shirtOrder(customer("emma"))).orderId,
      ]
      const before = await written()
      const { data: separate } = await propose(ids, { summary_update: "none" })
      const { data: arranged } = await propose(ids, { summary_update: "invoice_account" })
      expect([separate.groups.length, arranged.groups.length]).toEqual([3, 1])
      expect(arranged.groups[0].keys).toEqual({ invoice_account_id: customer("david"), currency_code: "eur" })
      const total = (groups: any[]) => groups.reduce((s, g) => s + cents(g.total), 0)
      expect(total(arranged.groups)).toBe(total(separate.groups))
      expect(await written()).toEqual(before)
      expect(before).toEqual({ invoices: 0, balances: 0, next_number: 1 })

      const { data, status } = await post(ids, { summary_update: "invoice_account" }, { proposal_token: arranged.proposal_token })
      expect(status).toBe(200)
      expect(data.invoices.map((i: any) => [i.group_key, i.total])).toEqual([[arranged.groups[0].group_key, arranged.groups[0].total]])
    })

    it("posting a proposal whose orders changed meanwhile answers 409 with what changed and posts nothing", async () => {
      const partial = await shirtOrder(customer("anna"), { ship: 1 })
      const other = await shirtOrder(customer("anna"))
      const ids = [partial.orderId, other.orderId]
      const parameters = { summary_update: "invoice_account" }
      const { data: proposal } = await propose(ids, parameters)
      expect(proposal.groups).toHaveLength(1)

      // Meanwhile: the other order is invoiced on its own, and the rest of the first one ships.
      expect((await post([other.orderId], {})).data.invoices).toHaveLength(1)
      await shipOrder(getContainer(), partial.orderId, [[{ line_item_id: partial.line, quantity: 1 }]])

      const conflict = await post(ids, parameters, { proposal_token: proposal.proposal_token })
      expect(conflict.status).toBe(409)
      const displayId = async (id: string) => (await api.get(`/admin/orders/${id}?fields=display_id`, headers)).data.order.display_id
      expect(conflict.data.changes.map((c: any) => c.change).sort()).toEqual(
        [
          `order #${await displayId(partial.orderId)}: Linen Shirt from packing slip PS-000003: proposed 0, now 1`,
          `order #${await displayId(other.orderId)}: now skipped: order #${await displayId(other.orderId)} has no shipped quantity that is not yet invoiced`,
          `order #${await displayId(other.orderId)}: Linen Shirt from packing slip PS-000002: proposed 2, now 0`,
          `order #${await displayId(other.orderId)}: charges proposed 1, now 0`,
        ].sort()
      )
      expect(await written()).toMatchObject({ invoices: 1, next_number: 2 })

      const otherParameters = await post(ids, { summary_update: "none" }, { proposal_token: proposal.proposal_token })
      expect([otherParameters.status, otherParameters.data.message]).toEqual([400, expect.stringMatching(/^proposal_token/)])

      const { data: again } = await propose(ids, parameters)
      const { data: posted } = await post(ids, parameters, { proposal_token: again.proposal_token })
      expect(posted.invoices.map((i: any) => i.number)).toEqual(["INV-000002"])
    })

    it("a lead order outside the selection, or without order mode, is refused naming lead_order_id", async () => {
      const { orderId } = await shirtOrder(customer("anna"))
      for (const parameters of [{ summary_update: "order", lead_order_id: "order_elsewhere" }, { summary_update: "none", lead_order_id: orderId }]) {
        const response = await post([orderId], parameters)
        expect([response.status, response.data.message]).toEqual([400, expect.stringMatching(/lead_order_id/)])
      }
      expect(await written()).toMatchObject({ invoices: 0 })
    })
  },
})
