import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { eventually, invoicing, lineIds } from "../helpers/invoicing"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const list = async () => (await api.get("/admin/invoicing/number-series", headers)).data.number_series
    const save = (code: string, body: unknown) =>
      api.post(`/admin/invoicing/number-series/${code}`, body, headers).catch((e) => e.response)
    const post = (orderIds: string[]) => api.post("/admin/invoicing/post", { order_ids: orderIds, parameters: {} }, headers).catch((e) => e.response)

    /** The series rows as the database holds them. */
    async function seriesRows() {
      const { rows } = await dbConnection.raw(
        `select code, prefix, padding, next_value, first_value from invoicing_number_series order by code`
      )
      return rows
    }

    /** A shirt, placed and shipped on one packing slip: ready to invoice. */
    async function shippedOrder() {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[0].id,
        items: [{ variant_id: sku("SHIRT-M"), quantity: 1 }],
      })
      const lines = await lineIds(container, orderId)
      await shipOrder(container, orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }]])
      // Numbered by the shipment subscriber, so a posting has no packing slip left to number.
      await eventually(async () => (await invoicing(container).listPackingSlips({ order_id: orderId })).length === 1)
      return orderId
    }

    async function postOne(orderId: string): Promise<string> {
      const { status, data } = await post([orderId])
      expect([status, data.skipped]).toEqual([200, []])
      expect(data.invoices).toHaveLength(1)
      return data.invoices[0].number
    }

    /** The statements of this database waiting for a lock, e.g. on the invoice series row. */
    async function waitingStatements(): Promise<string[]> {
      const { rows } = await dbConnection.raw(
        `select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`
      )
      return rows.map((r: any) => r.query)
    }

    it("a merchant sees each series with its next number, none in use before the first document", async () => {
      expect(await list()).toEqual([
        { code: "invoice", prefix: "INV-", padding: 6, next_value: 1, used: false, example: "INV-000001" },
        { code: "credit_note", prefix: "CN-", padding: 6, next_value: 1, used: false, example: "CN-000001" },
        { code: "packing_slip", prefix: "PS-", padding: 6, next_value: 1, used: false, example: "PS-000001" },
      ])
    })

    it("a merchant sets the invoice series to start at INV-2027-000100 before the first invoice, and the first posted invoice takes that number", async () => {
      const saved = await save("invoice", { prefix: "INV-2027-", next_value: 100 })
      expect(saved.status).toBe(200)
      expect(saved.data).toEqual({
        number_series: { code: "invoice", prefix: "INV-2027-", padding: 6, next_value: 100, used: false, example: "INV-2027-000100" },
      })
      // Still unused: the merchant may change it again, padding too.
      const again = await save("invoice", { padding: 5 })
      expect(again.data.number_series).toMatchObject({ prefix: "INV-2027-", padding: 5, next_value: 100, example: "INV-2027-00100" })
      await save("invoice", { padding: 6 })

      expect(await postOne(await shippedOrder())).toBe("INV-2027-000100")
      expect(await postOne(await shippedOrder())).toBe("INV-2027-000101")
      const invoiceSeries = (await list()).find((s: any) => s.code === "invoice")
      expect(invoiceSeries).toEqual({ code: "invoice", prefix: "INV-2027-", padding: 6, next_value: 102, used: true, example: "INV-2027-000102" })
    })

    it("once an invoice is posted the series refuses a new prefix or next number, naming the field, and stays unchanged", async () => {
      expect(await postOne(await shippedOrder())).toBe("INV-000001")
      const before = await seriesRows()

      const renumber = await save("invoice", { prefix: "FAC-", next_value: 50 })
      expect([renumber.status, renumber.data.type]).toEqual([400, "not_allowed"])
      expect(renumber.data.message).toMatch(/^prefix, next_value: the invoice series is in use \(its first number INV-000001 is taken\)/)
      const repad = await save("invoice", { padding: 8 })
      expect([repad.status, repad.data.type]).toEqual([400, "not_allowed"])
      expect(repad.data.message).toMatch(/^padding: the invoice series is in use/)
      // Only what would change is named: the prefix it already has is no change.
      const mixed = await save("invoice", { prefix: "INV-", next_value: 1 })
      expect(mixed.status).toBe(400)
      expect(mixed.data.message).toMatch(/^next_value: /)
      expect(await seriesRows()).toEqual(before)

      // Saving what it already has changes nothing and is no error.
      const same = await save("invoice", { prefix: "INV-", padding: 6, next_value: 2 })
      expect(same.status).toBe(200)
      expect(same.data.number_series).toEqual({ code: "invoice", prefix: "INV-", padding: 6, next_value: 2, used: true, example: "INV-000002" })

      // The other series are their own: the unused credit note series still changes.
      const creditNotes = await save("credit_note", { prefix: "CR-" })
      expect(creditNotes.data.number_series).toMatchObject({ code: "credit_note", prefix: "CR-", used: false, example: "CR-000001" })
      // And numbering goes on without a gap.
      expect(await postOne(await shippedOrder())).toBe("INV-000002")
    })

    /**
     * Runs a posting and a save of the invoice series queued for its row in the given order: the
     * row is held by another transaction until both wait for it, then let go.
     */
    async function queuedForSeriesRow(first: "posting" | "save", orderId: string, body: Record<string, unknown>) {
      const isPosting = (q: string) => q.includes(`"next_value" + `)
      const isSave = (q: string) => q.includes("coalesce")
      const hold = await dbConnection.transaction()
      await hold.raw(`select 1 from invoicing_number_series where code = 'invoice' for update`)
      const start = { posting: () => post([orderId]), save: () => save("invoice", body) }
      const second = first === "posting" ? "save" : "posting"
      const firstDone = start[first]()
      await eventually(async () => (await waitingStatements()).some(first === "posting" ? isPosting : isSave))
      const secondDone = start[second]()
      await eventually(async () => {
        const waiting = await waitingStatements()
        return waiting.some(isPosting) && waiting.some(isSave)
      })
      await hold.commit()
      const done = { [first]: await firstDone, [second]: await secondDone }
      return { posted: done.posting, saved: done.save }
    }

    it("a save queued behind the posting that takes the first number is refused, and that invoice keeps INV-000001", async () => {
      const orderId = await shippedOrder()
      const { posted, saved } = await queuedForSeriesRow("posting", orderId, { next_value: 500 })
      expect(posted.status).toBe(200)
      expect(posted.data.invoices[0].number).toBe("INV-000001")
      expect([saved.status, saved.data.type]).toEqual([400, "not_allowed"])
      expect(saved.data.message).toMatch(/^next_value: the invoice series is in use \(its first number INV-000001 is taken\)/)
      expect((await seriesRows()).find((r: any) => r.code === "invoice")).toEqual({
        code: "invoice",
        prefix: "INV-",
        padding: 6,
        next_value: 2,
        first_value: 1,
      })
    })

    it("a save queued before the first posting lands, and that posting takes the saved number", async () => {
      const orderId = await shippedOrder()
      const { posted, saved } = await queuedForSeriesRow("save", orderId, { next_value: 500 })
      expect(saved.status).toBe(200)
      expect(posted.status).toBe(200)
      expect(posted.data.invoices[0].number).toBe("INV-000500")
      expect((await list()).find((s: any) => s.code === "invoice")).toMatchObject({ next_value: 501, used: true })
    })

    it("bad input is refused naming the field and writes nothing", async () => {
      const before = await seriesRows()
      const cases: [unknown, RegExp][] = [
        [{ prefix: "INV 2027" }, /prefix may contain only letters A-Z, digits and - _ \/ \. #/],
        [{ prefix: "FACTURE-ÉTÉ-" }, /prefix may contain only/],
        [{ prefix: "A".repeat(21) }, /prefix/],
        [{ prefix: "../../x/" }, /prefix must not contain \.\./],
        [{ prefix: 7 }, /prefix/],
        [{ padding: 0 }, /padding/],
        [{ padding: 13 }, /padding/],
        [{ padding: 2.5 }, /padding/],
        [{ next_value: 0 }, /next_value/],
        [{ next_value: 1_000_000_000 }, /next_value/],
        [{ next_value: "100" }, /next_value/],
        [{ next_value: 10.5 }, /next_value/],
        [{}, /at least one of prefix, padding, next_value/],
        [{ prefix: "INV-", colour: "red" }, /colour/],
        // Credit notes share the invoices' number space: a prefix that could print a credit note's number is refused.
        [{ prefix: "CN-" }, /^prefix: "CN-" could print the same numbers as the credit_note series/],
        [{ prefix: "PS-2027" }, /^prefix: .*packing_slip series \(prefix "PS-"\)/],
      ]
      for (const [body, field] of cases) {
        const response = await save("invoice", body)
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400])
        expect(response.data.message).toMatch(field)
      }
      expect(await seriesRows()).toEqual(before)
    })

    it("unknown series is 404", async () => {
      const response = await save("order", { prefix: "ORD-" })
      expect([response.status, response.data.type]).toEqual([404, "not_found"])
      expect(response.data.message).toContain('"order"')
    })
  },
})
