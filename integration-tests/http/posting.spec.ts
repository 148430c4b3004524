import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createInventoryItemsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { placeOrder, shipOrder, cancelOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { cents, eventually, expectGapless, invoicing, lineIds } from "../helpers/invoicing"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const post = (order_ids: string[], parameters: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
      api.post("/admin/invoicing/post", { order_ids, parameters, ...extra }, headers).catch((e) => e.response)
    const orderTotal = async (id: string) => (await api.get(`/admin/orders/${id}?fields=total`, headers)).data.order.total

    /** An order of one shirt (20 %), three paperbacks (5.5 %) and a table (freight: a second charge). */
    async function mixedOrder(options: { regionId?: string; discount?: boolean } = {}) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[0].id,
        region_id: options.regionId,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 1 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
          { variant_id: sku("TABLE-NAT"), quantity: 1 },
        ],
        promotion_codes: options.discount === false ? [] : [store.promotion_code],
      })
      return { orderId, lines: await lineIds(container, orderId) }
    }

    /** The store with a shelf sold as a kit: each one ships `boards` boards from stock. */
    async function shelfKit(boards: number) {
      const container = getContainer()
      const { result: [board] } = await createInventoryItemsWorkflow(container).run({
        input: { items: [{ sku: "BOARD", title: "Board", location_levels: [{ location_id: store.stock_location_id, stocked_quantity: 100 }] }] },
      })
      const { result: [shelf] } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Shelf",
              status: "published",
              shipping_profile_id: store.shipping_profile_ids[0],
              sales_channels: [{ id: store.sales_channel_id }],
              options: [{ title: "Variant", values: ["Kit"] }],
              variants: [
                {
                  title: "Kit",
                  sku: "SHELF-KIT",
                  manage_inventory: true,
                  options: { Variant: "Kit" },
                  prices: [{ currency_code: store.currency_code, amount: 50 }],
                  inventory_items: [{ inventory_item_id: board.id, required_quantity: boards }],
                },
              ],
            },
          ],
        },
      })
      const variant = { id: shelf.variants[0].id, sku: "SHELF-KIT", title: "Shelf Kit", product_id: shelf.id, price: 50, shipping_profile: 0 as const, tax: "standard" as const }
      return { ...store, variants: [...store.variants, variant] }
    }

    it("a shipped fulfillment gets the next packing slip number of its series", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }], [{ line_item_id: lines["BOOK-PB"], quantity: 2 }]])
      const slips = await eventually(async () => {
        const found = await invoicing(getContainer()).listPackingSlips({ order_id: orderId }, { relations: ["lines"] })
        return found.length === 2 && found
      })
      expect(slips.map((s) => s.number).sort()).toEqual(["PS-000001", "PS-000002"])
      const books = slips.flatMap((s) => s.lines).find((l) => l.line_item_id === lines["BOOK-PB"])!
      expect(books.quantity).toBe(2)
    })

    it("an order with two packing slips shows 'multiple' on the invoice and names the packing slip on each line", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }], [{ line_item_id: lines["BOOK-PB"], quantity: 3 }]])
      const { data, status } = await post([orderId])
      expect(status).toBe(200)
      expect(data.invoices).toHaveLength(1)
      const [invoice] = data.invoices
      expect(invoice.number).toBe("INV-000001")
      expect(invoice.packing_slip_number).toBe("multiple")
      expect(invoice.lines.map((l: any) => l.packing_slip_number).sort()).toEqual(["PS-000001", "PS-000002"])
      // Both charges go with the first invoice of the order, even the one whose goods are not shipped yet.
      expect(invoice.charges).toHaveLength(2)
      expect(invoice.charge_lines).toHaveLength(1)
      expect(invoice.charge_lines[0].name).toBe("Charges")

      const { data: again } = await api.get(`/admin/invoices/${invoice.id}`, headers)
      expect(again.invoice.total).toBe(invoice.total)
    })

    it("every amount of a posted invoice, its lines and its charges is stored with Medusa's raw form beside it, digit for digit", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }, { line_item_id: lines["BOOK-PB"], quantity: 3 }]])
      const { data, status } = await post([orderId])
      expect(status).toBe(200)
      const [invoice] = data.invoices
      const stored = async (table: string, column: string, money: string[]) =>
        (
          await dbConnection.raw(
            `select ${money.map((m) => `${m}::text as "${m}", raw_${m} as "raw_${m}"`).join(", ")} from ${table} where ${column} = ? order by id`,
            [invoice.id]
          )
        ).rows as Record<string, any>[]
      const amounts = ["tax_rate", "subtotal", "discount_total", "tax_total", "total"]
      const rows = [
        ...(await stored("invoicing_invoice", "id", ["item_subtotal", "discount_total", "charges_total", "tax_total", "total"])),
        ...(await stored("invoicing_invoice_line", "invoice_id", ["unit_price", ...amounts])),
        ...(await stored("invoicing_invoice_charge", "invoice_id", amounts)),
      ]
      // One invoice, the two lines shipped, both charges.
      expect(rows).toHaveLength(5)
      for (const row of rows) {
        for (const [column, value] of Object.entries(row).filter(([c]) => !c.startsWith("raw_"))) {
          expect([column, row[`raw_${column}`]]).toEqual([column, { value, precision: 20 }])
        }
      }
      // The invoice's total as the API shows it is the stored one.
      expect(Number(rows[0].total)).toBe(invoice.total)
    })

    it("summary update packing_slip makes one invoice per packing slip, each showing its number", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }], [{ line_item_id: lines["BOOK-PB"], quantity: 3 }]])
      const { data } = await post([orderId], { summary_update: "packing_slip", print_charges: "detail" })
      expect(data.invoices.map((i: any) => [i.number, i.packing_slip_number])).toEqual([
        ["INV-000001", "PS-000001"],
        ["INV-000002", "PS-000002"],
      ])
      expect(data.invoices[0].charge_lines).toHaveLength(2)
      expect(data.invoices[1].charges).toHaveLength(0)
    })

    for (const kind of ["tax-exclusive", "tax-inclusive"] as const) {
      it(`a discounted ${kind} order with two tax rates and two charges, invoiced in three partial invoices, adds up exactly to Medusa's order total`, async () => {
        const region = store.regions.find((r) => r.is_tax_inclusive === (kind === "tax-inclusive"))!
        const { orderId, lines } = await mixedOrder({ regionId: region.id })
        const container = getContainer()
        // Before each invoice, the packing slips shipped since the last one (the table ships apart: freight).
        const shipments = [
          [[{ line_item_id: lines["BOOK-PB"], quantity: 1 }]],
          [[{ line_item_id: lines["BOOK-PB"], quantity: 1 }, { line_item_id: lines["SHIRT-M"], quantity: 1 }]],
          [[{ line_item_id: lines["BOOK-PB"], quantity: 1 }], [{ line_item_id: lines["TABLE-NAT"], quantity: 1 }]],
        ]
        const invoices: any[] = []
        for (const shipment of shipments) {
          await shipOrder(container, orderId, shipment)
          const { data } = await post([orderId])
          expect(data.skipped).toEqual([])
          invoices.push(...data.invoices)
        }
        expect(invoices).toHaveLength(3)
        const total = await orderTotal(orderId)
        expect(invoices.reduce((s, i) => s + cents(i.total), 0)).toBe(cents(total))
        for (const invoice of invoices) {
          expect(invoice.lines.reduce((s: number, l: any) => s + cents(l.total), 0) + invoice.charges.reduce((s: number, c: any) => s + cents(c.total), 0)).toBe(cents(invoice.total))
        }
        const { data } = await post([orderId])
        expect(data.invoices).toEqual([])
        expect(data.skipped[0].reason).toMatch(/no shipped quantity that is not yet invoiced/)
      })
    }

    it("quantity 'all' invoices what is not shipped yet, and a later packing slip of it is not invoiced again", async () => {
      const { orderId, lines } = await mixedOrder({ discount: false })
      const { data: first } = await post([orderId], { quantity: "all" })
      expect(first.invoices[0].lines.map((l: any) => [l.variant_sku, l.quantity, l.packing_slip_number]).sort()).toEqual([
        ["BOOK-PB", 3, null],
        ["SHIRT-M", 1, null],
        ["TABLE-NAT", 1, null],
      ])
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }]])
      const { data: second } = await post([orderId])
      expect(second.invoices).toEqual([])
      expect(cents(first.invoices[0].total)).toBe(cents(await orderTotal(orderId)))
    })

    it("20 posting requests in parallel over overlapping orders invoice no line twice and number gaplessly", async () => {
      const container = getContainer()
      const orders: { orderId: string; lines: Record<string, string> }[] = []
      for (let i = 0; i < 6; i++) {
        const order = await mixedOrder()
        await shipOrder(container, order.orderId, [
          [{ line_item_id: order.lines["SHIRT-M"], quantity: 1 }],
          [{ line_item_id: order.lines["BOOK-PB"], quantity: 2 }],
        ])
        orders.push(order)
      }
      const ids = orders.map((o) => o.orderId)
      const selections = Array.from({ length: 20 }, (_, i) => [ids[i % 6], ids[(i + 1) % 6], ids[(i + 3) % 6]])
      const responses = await Promise.all(
        selections.map((selection, i) => post(selection, { summary_update: i % 2 ? "packing_slip" : "none" }))
      )
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))

      const service = invoicing(container)
      const invoices = await service.listInvoices({}, { relations: ["lines", "charges"] })
      expectGapless(invoices.map((i) => i.number), "INV-")
      const invoicedPerLine = new Map<string, number>()
      for (const line of invoices.flatMap((i) => i.lines)) {
        invoicedPerLine.set(line.line_item_id, (invoicedPerLine.get(line.line_item_id) ?? 0) + line.quantity)
      }
      for (const { lines } of orders) {
        expect(invoicedPerLine.get(lines["SHIRT-M"])).toBe(1)
        expect(invoicedPerLine.get(lines["BOOK-PB"])).toBe(2)
        expect(invoicedPerLine.get(lines["TABLE-NAT"])).toBeUndefined()
      }
      const chargeIds = invoices.flatMap((i) => i.charges.map((c) => c.shipping_method_id))
      expect(new Set(chargeIds).size).toBe(chargeIds.length)
      expect(chargeIds).toHaveLength(12)
    })

    it("a failure after the invoice number was taken and before commit leaves no gap and no partial invoice", async () => {
      const container = getContainer()
      const failing = await mixedOrder()
      const healthy = await mixedOrder()
      for (const o of [failing, healthy]) {
        await shipOrder(container, o.orderId, [[{ line_item_id: o.lines["SHIRT-M"], quantity: 1 }]])
      }
      // The database refuses the failing order's invoice lines: after the number and the invoice header were written.
      await dbConnection.raw(`
        create function fail_invoice_line() returns trigger as $$
        begin raise exception 'injected failure'; end; $$ language plpgsql;
        create trigger inject_failure before insert on invoicing_invoice_line for each row
          when (new.order_id = '${failing.orderId}') execute function fail_invoice_line();`)

      const { data } = await post([failing.orderId, healthy.orderId])
      expect(data.invoices.map((i: any) => i.number)).toEqual(["INV-000001"])
      expect(data.invoices[0].orders[0].id).toBe(healthy.orderId)
      expect(data.skipped).toEqual([expect.objectContaining({ order_id: failing.orderId, reason: expect.stringMatching(/injected failure/) })])

      const orphans = await dbConnection.raw(
        `select count(*)::int as n from invoicing_invoice i where not exists (select 1 from invoicing_invoice_line l where l.invoice_id = i.id)`
      )
      expect(orphans.rows[0].n).toBe(0)
      const consumed = await dbConnection.raw(`select count(*)::int as n from invoicing_order_line where order_id = ?`, [failing.orderId])
      expect(consumed.rows[0].n).toBe(0)

      await dbConnection.raw(`drop trigger inject_failure on invoicing_invoice_line`)
      const { data: retry } = await post([failing.orderId])
      expect(retry.invoices.map((i: any) => i.number)).toEqual(["INV-000002"])
    })

    it("a posted invoice and its lines cannot be updated or deleted, by the service nor in the database", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }]])
      const { data } = await post([orderId])
      const [invoice] = data.invoices
      const service = invoicing(getContainer()) as any

      await expect(service.updateInvoices({ id: invoice.id, total: 1 })).rejects.toThrow(/immutable/)
      await expect(service.deleteInvoices(invoice.id)).rejects.toThrow(/immutable/)
      await expect(service.softDeleteInvoices(invoice.id)).rejects.toThrow(/immutable/)
      await expect(service.updateInvoiceLines({ id: invoice.lines[0].id, quantity: 5 })).rejects.toThrow(/immutable/)
      await expect(service.deleteInvoiceLines(invoice.lines[0].id)).rejects.toThrow(/immutable/)

      await expect(dbConnection.raw(`update invoicing_invoice set total = 1 where id = ?`, [invoice.id])).rejects.toThrow(/immutable/)
      await expect(dbConnection.raw(`update invoicing_invoice set number = 'INV-999' where id = ?`, [invoice.id])).rejects.toThrow(/immutable/)
      await expect(dbConnection.raw(`delete from invoicing_invoice_line where invoice_id = ?`, [invoice.id])).rejects.toThrow(/immutable/)
      await expect(dbConnection.raw(`update invoicing_invoice_charge set total = 0 where invoice_id = ?`, [invoice.id])).rejects.toThrow(/immutable/)
      await expect(dbConnection.raw(`delete from invoicing_invoice where id = ?`, [invoice.id])).rejects.toThrow(/immutable/)

      const { data: unchanged } = await api.get(`/admin/invoices/${invoice.id}`, headers)
      expect(unchanged.invoice).toEqual(invoice)
    })

    it("a pro forma takes no number and consumes nothing", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }]])
      const { data: proForma } = await post([orderId], { posting: false })
      expect(proForma.invoices).toHaveLength(1)
      expect(proForma.invoices[0]).toMatchObject({ status: "pro_forma", number: null })

      const counts = await dbConnection.raw(`select
          (select count(*) from invoicing_invoice)::int as invoices,
          (select count(*) from invoicing_order_line where invoiced_quantity > 0)::int as consumed,
          (select next_value from invoicing_number_series where code = 'invoice')::int as next_number`)
      expect(counts.rows[0]).toEqual({ invoices: 0, consumed: 0, next_number: 1 })

      const { data: posted } = await post([orderId])
      expect(posted.invoices[0].number).toBe("INV-000001")
      expect(posted.invoices[0].total).toBe(proForma.invoices[0].total)
    })

    it("a proposal writes nothing and shows what posting would make", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["BOOK-PB"], quantity: 3 }]])
      const { data } = await api.post("/admin/invoicing/proposals", { order_ids: [orderId], parameters: {} }, headers)
      expect(data.groups).toHaveLength(1)
      expect(data.groups[0].lines[0]).toMatchObject({ variant_sku: "BOOK-PB", quantity: 3 })
      const counts = await dbConnection.raw(`select (select count(*) from invoicing_invoice)::int as invoices`)
      expect(counts.rows[0].invoices).toBe(0)
    })

    it("a fulfillment shipped before the plugin was installed gets its packing slip number when first invoiced", async () => {
      const { orderId, lines } = await mixedOrder()
      await shipOrder(getContainer(), orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }]])
      await eventually(async () => (await invoicing(getContainer()).listPackingSlips({ order_id: orderId })).length === 1)
      // As if the plugin had not been there: no packing slip, counter back at the start.
      await dbConnection.raw(`delete from invoicing_packing_slip; update invoicing_number_series set next_value = 1 where code = 'packing_slip'`)
      const { data } = await post([orderId])
      expect(data.invoices[0].packing_slip_number).toBe("PS-000001")
    })

    it("posting numbers only the shipments that have no packing slip yet and keeps the numbers given at shipment", async () => {
      const numbered = await mixedOrder()
      const partly = await mixedOrder()
      await shipOrder(getContainer(), numbered.orderId, [[{ line_item_id: numbered.lines["SHIRT-M"], quantity: 1 }], [{ line_item_id: numbered.lines["BOOK-PB"], quantity: 3 }]])
      await shipOrder(getContainer(), partly.orderId, [[{ line_item_id: partly.lines["SHIRT-M"], quantity: 1 }], [{ line_item_id: partly.lines["TABLE-NAT"], quantity: 1 }]])
      const slipsOf = async (orderId: string) => invoicing(getContainer()).listPackingSlips({ order_id: orderId }, { select: ["fulfillment_id", "number"] })
      await eventually(async () => (await slipsOf(numbered.orderId)).length === 2 && (await slipsOf(partly.orderId)).length === 2)
      const before = Object.fromEntries([...(await slipsOf(numbered.orderId)), ...(await slipsOf(partly.orderId))].map((s) => [s.fulfillment_id, s.number]))
      // The table's shipment as if it had shipped before the plugin was installed.
      const [table] = (await dbConnection.raw(
        `select ps.fulfillment_id from invoicing_packing_slip ps join invoicing_packing_slip_line l on l.packing_slip_id = ps.id where l.line_item_id = ?`,
        [partly.lines["TABLE-NAT"]]
      )).rows
      await dbConnection.raw(`delete from invoicing_packing_slip where fulfillment_id = ?`, [table.fulfillment_id])
      const { status } = await post([numbered.orderId, partly.orderId])
      expect(status).toBe(200)
      const after = Object.fromEntries([...(await slipsOf(numbered.orderId)), ...(await slipsOf(partly.orderId))].map((s) => [s.fulfillment_id, s.number]))
      expect(after).toEqual({ ...before, [table.fulfillment_id]: "PS-000005" })
    })

    it("a kit's packing slip counts the kits shipped, not their parts, whether numbered at shipment or when first invoiced", async () => {
      const withKit = await shelfKit(3)
      const orderId = await placeOrder(getContainer(), withKit, {
        customer_id: store.customers[0].id,
        items: [{ variant_id: withKit.variants.at(-1)!.id, quantity: 2 }],
        promotion_codes: [],
      })
      const { "SHELF-KIT": kitLine } = await lineIds(getContainer(), orderId)
      const [fulfillmentId] = await shipOrder(getContainer(), orderId, [[{ line_item_id: kitLine, quantity: 2 }]])
      // Medusa ships the parts: three boards for each of the two shelves.
      const shippedBoards = await dbConnection.raw(`select quantity from fulfillment_item where fulfillment_id = ? and deleted_at is null`, [fulfillmentId])
      expect(shippedBoards.rows.map((r: any) => Number(r.quantity))).toEqual([6])
      const slipLines = async () =>
        (await invoicing(getContainer()).listPackingSlips({ fulfillment_id: fulfillmentId }, { relations: ["lines"] })).flatMap((s) => s.lines.map((l) => [l.line_item_id, l.quantity]))
      const atShipment = await eventually(async () => {
        const lines = await slipLines()
        return lines.length > 0 && lines
      })
      expect(atShipment).toEqual([[kitLine, 2]])
      // As if shipped before the plugin was installed: posting numbers it.
      await dbConnection.raw(`delete from invoicing_packing_slip`)
      const { status, data } = await post([orderId])
      expect(status).toBe(200)
      expect(await slipLines()).toEqual([[kitLine, 2]])
      expect(data.invoices[0].lines.map((l: any) => l.quantity)).toEqual([2])
    })

    it("canceled orders and orders with nothing left to invoice are skipped with a reason; unknown ids give 404", async () => {
      const canceled = await mixedOrder()
      await cancelOrder(getContainer(), canceled.orderId)
      const unshipped = await mixedOrder()
      const { data } = await post([canceled.orderId, unshipped.orderId])
      expect(data.invoices).toEqual([])
      expect(data.skipped.map((s: any) => [s.order_id, s.reason])).toEqual([
        [canceled.orderId, expect.stringMatching(/is canceled$/)],
        [unshipped.orderId, expect.stringMatching(/has no shipped quantity that is not yet invoiced$/)],
      ])
      const missing = await post(["order_does_not_exist"])
      expect(missing.status).toBe(404)
      expect(missing.data.message).toContain("order_does_not_exist")
    })

    it("a malformed body gets a 400 that names the field, and writes nothing", async () => {
      const cases: [unknown, RegExp][] = [
        [{ order_ids: "x" }, /order_ids/],
        [{ order_ids: [] }, /order_ids/],
        [{ order_ids: ["a"], parameters: { quantity: "some" } }, /quantity/],
        [{ order_ids: ["a"], parameters: { invoice_date: "yesterday" } }, /invoice_date/],
        [{ order_ids: ["a"], parameters: { posting: "yes" } }, /posting/],
        [{ order_ids: ["a"], surprise: 1 }, /surprise/],
      ]
      for (const [body, field] of cases) {
        const response = await api.post("/admin/invoicing/post", body, headers).catch((e) => e.response)
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(field)
      }
      const counts = await dbConnection.raw(`select count(*)::int as n from invoicing_invoice`)
      expect(counts.rows[0].n).toBe(0)
    })

    it("the invoice list filters by order and pages", async () => {
      const a = await mixedOrder()
      const b = await mixedOrder()
      for (const o of [a, b]) {
        await shipOrder(getContainer(), o.orderId, [[{ line_item_id: o.lines["SHIRT-M"], quantity: 1 }]])
      }
      await post([a.orderId, b.orderId])
      const { data: all } = await api.get(`/admin/invoices?limit=1`, headers)
      expect([all.count, all.invoices.length]).toEqual([2, 1])
      const { data: mine } = await api.get(`/admin/invoices?order_id=${b.orderId}`, headers)
      expect(mine.invoices.map((i: any) => i.orders[0].id)).toEqual([b.orderId])
      const { data: shipped } = await api.get(`/admin/invoicing/orders?status=uninvoiced`, headers)
      expect(shipped.orders.map((o: any) => o.id).sort()).toEqual([a.orderId, b.orderId].sort())
    })
  },
})
