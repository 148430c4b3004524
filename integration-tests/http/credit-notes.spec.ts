import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { cents, expectGapless, lineIds } from "../helpers/invoicing"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const post = (order_ids: string[], parameters: Record<string, unknown> = {}) =>
      api.post("/admin/invoicing/post", { order_ids, parameters }, headers).catch((e) => e.response)
    const credit = (invoiceId: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${invoiceId}/credit-notes`, body, headers).catch((e) => e.response)
    const order = async (id: string) => (await api.get(`/admin/orders/${id}?fields=total,tax_total`, headers)).data.order
    const today = () => new Date().toISOString().slice(0, 10)
    const lineOf = (invoice: any, variantSku: string) => invoice.lines.find((l: any) => l.variant_sku === variantSku)
    /** The credit of two of three units: −round(2/3 of the amount), in major units (0, not −0). */
    const twoThirdsCredited = (amount: number) => -Math.round((cents(amount) * 2) / 3) / 100 || 0
    const sumCents = (documents: any[], key = "total") => documents.reduce((s, d) => s + cents(d[key]), 0)

    /** Order balances: invoiced quantity per line item / shipping method, and per packing slip line. */
    async function balances(orderId: string) {
      const { rows: orderLines } = await dbConnection.raw(
        `select source_id, kind, invoiced_quantity from invoicing_order_line where order_id = ?`,
        [orderId]
      )
      const { rows: slipLines } = await dbConnection.raw(
        `select l.line_item_id, s.number, l.invoiced_quantity from invoicing_packing_slip_line l
           join invoicing_packing_slip s on s.id = l.packing_slip_id where s.order_id = ?`,
        [orderId]
      )
      return {
        line: (lineItemId: string) => orderLines.find((r: any) => r.source_id === lineItemId)?.invoiced_quantity,
        charges: orderLines.filter((r: any) => r.kind === "charge").map((r: any) => r.invoiced_quantity),
        slipLine: (lineItemId: string, number: string) =>
          slipLines.find((r: any) => r.line_item_id === lineItemId && r.number === number)?.invoiced_quantity,
      }
    }

    /** One shirt (20 %), three paperbacks (5.5 %) and a table (freight: a second charge), with the promotion code. */
    async function mixedOrder(options: { regionId?: string } = {}) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[0].id,
        region_id: options.regionId,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 1 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
          { variant_id: sku("TABLE-NAT"), quantity: 1 },
        ],
        promotion_codes: [store.promotion_code],
      })
      return { orderId, lines: await lineIds(container, orderId) }
    }

    /** A mixed order with the shirt and the paperbacks shipped on one packing slip, invoiced. */
    async function invoicedOrder() {
      const o = await mixedOrder()
      await shipOrder(getContainer(), o.orderId, [
        [
          { line_item_id: o.lines["SHIRT-M"], quantity: 1 },
          { line_item_id: o.lines["BOOK-PB"], quantity: 3 },
        ],
      ])
      const { data, status } = await post([o.orderId])
      expect(status).toBe(200)
      expect(data.invoices).toHaveLength(1)
      return { ...o, invoice: data.invoices[0] }
    }

    it("a partial credit note gives the quantity back and a new invoice invoices the returned quantity", async () => {
      const { orderId, lines, invoice } = await invoicedOrder()
      expect(invoice.number).toBe("INV-000001")
      const books = lineOf(invoice, "BOOK-PB")
      expect(books).toMatchObject({ quantity: 3, packing_slip_number: "PS-000001" })

      const { status, data } = await credit(invoice.id, {
        lines: [{ invoice_line_id: books.id, quantity: 2 }],
        reason: "Two paperbacks returned damaged",
      })
      expect(status).toBe(200)
      const note = data.credit_note
      expect(note).toMatchObject({
        kind: "credit_note",
        status: "posted",
        number: "CN-000001",
        credited_invoice_id: invoice.id,
        reason: "Two paperbacks returned damaged",
        invoice_date: today(),
        due_date: null,
        currency_code: invoice.currency_code,
        invoice_account_id: invoice.invoice_account_id,
        bill_to: invoice.bill_to,
        packing_slip_number: "PS-000001",
        charges: [],
        orders: [{ id: orderId, display_id: invoice.orders[0].display_id }],
      })
      expect(note.lines).toHaveLength(1)
      // Cumulative rounding: the first two of three units take round(2/3 of the line); an exact third never ends in a half cent.
      expect(note.lines[0]).toMatchObject({
        credited_line_id: books.id,
        line_item_id: lines["BOOK-PB"],
        variant_sku: "BOOK-PB",
        quantity: -2,
        unit_price: books.unit_price,
        tax_rate: books.tax_rate,
        is_tax_inclusive: books.is_tax_inclusive,
        packing_slip_id: books.packing_slip_id,
        packing_slip_number: "PS-000001",
        total: twoThirdsCredited(books.total),
        tax_total: twoThirdsCredited(books.tax_total),
        discount_total: twoThirdsCredited(books.discount_total),
      })
      expect(note.total).toBeLessThan(0)
      expect(cents(note.total)).toBe(cents(note.lines[0].total))
      expect(cents(note.item_subtotal)).toBe(cents(note.lines[0].subtotal))
      expect(cents(note.tax_total)).toBe(cents(note.lines[0].tax_total))
      expect(note.charges_total).toBe(0)

      const after = await balances(orderId)
      expect(after.line(lines["BOOK-PB"])).toBe(1)
      expect(after.slipLine(lines["BOOK-PB"], "PS-000001")).toBe(1)
      expect(after.line(lines["SHIRT-M"])).toBe(1)
      expect(after.charges).toEqual([1, 1])

      const { data: shown } = await api.get(`/admin/invoices/${invoice.id}`, headers)
      expect(shown.credit_notes).toEqual([{ id: note.id, number: "CN-000001", invoice_date: today(), total: note.total }])
      const { data: listed } = await api.get(`/admin/invoices?kind=credit_note`, headers)
      expect(listed.invoices.map((i: any) => i.number)).toEqual(["CN-000001"])
      const { data: shownNote } = await api.get(`/admin/invoices/${note.id}`, headers)
      expect(shownNote.invoice).toEqual(note)

      const { data: again } = await post([orderId])
      expect(again.skipped).toEqual([])
      expect(again.invoices.map((i: any) => i.number)).toEqual(["INV-000002"])
      expect(again.invoices[0].lines.map((l: any) => [l.variant_sku, l.quantity, l.packing_slip_number])).toEqual([
        ["BOOK-PB", 2, "PS-000001"],
      ])
      // The charges were not credited: they stay with the first invoice.
      expect(again.invoices[0].charges).toEqual([])
      expect((await balances(orderId)).line(lines["BOOK-PB"])).toBe(3)
    })

    it("two parallel credit notes that together exceed the invoice: one is posted, the other refused, and the credited quantity never exceeds what was invoiced", async () => {
      const { orderId, lines, invoice } = await invoicedOrder()
      const books = lineOf(invoice, "BOOK-PB")

      const pair = await Promise.all(
        [1, 2].map((n) => credit(invoice.id, { lines: [{ invoice_line_id: books.id, quantity: 2 }], reason: `return ${n}` }))
      )
      expect(pair.map((r) => r.status).sort()).toEqual([200, 400])
      const refused = pair.find((r) => r.status === 400)!
      expect(refused.data.type).toBe("invalid_data")
      expect(refused.data.message).toMatch(/lines\.0\.quantity: cannot credit 2 of invoice line .* invoiced 3, credited already 2, 1 left/)

      // Then four full credit notes at once: one takes what is left (a paperback, the shirt, the charges), the rest are refused.
      const fulls = await Promise.all([1, 2, 3, 4].map((n) => credit(invoice.id, { reason: `cancel ${n}` })))
      expect(fulls.map((r) => r.status).sort()).toEqual([200, 400, 400, 400])
      const full = fulls.find((r) => r.status === 200)!.data.credit_note
      expect(full.lines.map((l: any) => [l.variant_sku, l.quantity]).sort()).toEqual([
        ["BOOK-PB", -1],
        ["SHIRT-M", -1],
      ])
      expect(full.charges).toHaveLength(2)
      for (const r of fulls.filter((r) => r.status === 400)) {
        expect(r.data.message).toBe(`Invoice ${invoice.number} is credited in full already: nothing is left to credit`)
      }

      const { rows } = await dbConnection.raw(
        `select l.credited_line_id, -sum(l.quantity)::int as credited from invoicing_invoice_line l
           join invoicing_invoice i on i.id = l.invoice_id where i.credited_invoice_id = ? group by l.credited_line_id`,
        [invoice.id]
      )
      const credited = Object.fromEntries(rows.map((r: any) => [r.credited_line_id, r.credited]))
      expect(credited).toEqual({ [books.id]: 3, [lineOf(invoice, "SHIRT-M").id]: 1 })
      const { rows: numbers } = await dbConnection.raw(`select number from invoicing_invoice where kind = 'credit_note' order by number`)
      expect(numbers.map((r: any) => r.number)).toEqual(["CN-000001", "CN-000002"])

      const after = await balances(orderId)
      expect([after.line(lines["BOOK-PB"]), after.line(lines["SHIRT-M"]), after.slipLine(lines["BOOK-PB"], "PS-000001")]).toEqual([0, 0, 0])
      expect(after.charges).toEqual([0, 0])
    })

    for (const kind of ["tax-exclusive", "tax-inclusive"] as const) {
      it(`the order's invoices less its credit notes add up exactly to Medusa's order total (${kind}), and a full credit note nets the invoice to zero and gives the charges back`, async () => {
        const region = store.regions.find((r) => r.is_tax_inclusive === (kind === "tax-inclusive"))!
        const { orderId, lines } = await mixedOrder({ regionId: region.id })
        await shipOrder(getContainer(), orderId, [
          [
            { line_item_id: lines["SHIRT-M"], quantity: 1 },
            { line_item_id: lines["BOOK-PB"], quantity: 3 },
          ],
          [{ line_item_id: lines["TABLE-NAT"], quantity: 1 }],
        ])
        const medusa = await order(orderId)

        const first = (await post([orderId])).data.invoices[0]
        expect(first.charges).toHaveLength(2)
        expect(first.discount_total).toBeGreaterThan(0)
        expect(new Set(first.lines.map((l: any) => l.tax_rate)).size).toBe(2)
        const partial = (await credit(first.id, { lines: [{ invoice_line_id: lineOf(first, "BOOK-PB").id, quantity: 2 }], reason: "returned" }))
          .data.credit_note
        const second = (await post([orderId])).data.invoices[0]
        expect(second.lines.map((l: any) => [l.variant_sku, l.quantity])).toEqual([["BOOK-PB", 2]])

        // invoice → partial credit → re-invoice of everything: exactly the order, to the cent, tax included.
        expect(sumCents([first, partial, second])).toBe(cents(medusa.total))
        expect(sumCents([first, partial, second], "tax_total")).toBe(cents(medusa.tax_total))

        const full = await credit(first.id, { reason: "order canceled by the customer" })
        expect(full.status).toBe(200)
        const cancel = full.data.credit_note
        expect(cancel.number).toBe("CN-000002")
        expect(cancel.lines.map((l: any) => [l.variant_sku, l.quantity]).sort()).toEqual([
          ["BOOK-PB", -1],
          ["SHIRT-M", -1],
          ["TABLE-NAT", -1],
        ])
        expect(cancel.packing_slip_number).toBe("multiple")
        expect(cancel.charges.map((c: any) => [c.credited_charge_id, cents(c.total)]).sort()).toEqual(
          first.charges.map((c: any) => [c.id, -cents(c.total)]).sort()
        )
        // The first invoice's credit notes net it to zero: every amount.
        for (const key of ["total", "tax_total", "discount_total", "item_subtotal", "charges_total"]) {
          expect([key, sumCents([first, partial, cancel], key)]).toEqual([key, 0])
        }
        for (const note of [partial, cancel]) {
          expect(sumCents(note.lines) + sumCents(note.charges)).toBe(cents(note.total))
        }
        expect((await balances(orderId)).charges).toEqual([0, 0])

        // What was credited, charges included, is invoiced again and the order still adds up.
        const third = (await post([orderId])).data.invoices[0]
        expect(third.number).toBe("INV-000003")
        expect(third.lines.map((l: any) => [l.variant_sku, l.quantity]).sort()).toEqual([
          ["BOOK-PB", 1],
          ["SHIRT-M", 1],
          ["TABLE-NAT", 1],
        ])
        expect(third.charges).toHaveLength(2)
        expect(sumCents([first, partial, second, cancel, third])).toBe(cents(medusa.total))
        expect(sumCents([first, partial, second, cancel, third], "tax_total")).toBe(cents(medusa.tax_total))
      })
    }

    it("a bad credit note request gets a 4xx naming what is wrong, and writes nothing", async () => {
      const { invoice } = await invoicedOrder()
      const { invoice: other } = await invoicedOrder()
      const books = lineOf(invoice, "BOOK-PB")
      const note = (await credit(invoice.id, { lines: [{ invoice_line_id: books.id, quantity: 1 }], reason: "one returned" })).data.credit_note
      expect((await credit(other.id, { reason: "all returned" })).status).toBe(200)

      const counts = async () =>
        (
          await dbConnection.raw(`select
            (select count(*) from invoicing_invoice)::int as invoices,
            (select count(*) from invoicing_invoice_line)::int as lines,
            (select count(*) from invoicing_invoice_charge)::int as charges,
            (select sum(invoiced_quantity) from invoicing_order_line)::int as invoiced,
            (select sum(invoiced_quantity) from invoicing_packing_slip_line)::int as shipped_invoiced,
            (select string_agg(code || '=' || next_value, ',' order by code) from invoicing_number_series) as series`)
        ).rows[0]
      const before = await counts()
      expect(before).toMatchObject({ invoices: 4, series: "credit_note=3,invoice=3,packing_slip=3" })

      const line = (invoice_line_id: string, quantity: unknown) => ({ lines: [{ invoice_line_id, quantity }], reason: "r" })
      const cases: [string, Record<string, unknown>, number, RegExp][] = [
        ["inv_does_not_exist", { reason: "r" }, 404, /inv_does_not_exist was not found/],
        [note.id, { reason: "r" }, 400, /^CN-000001 is a credit note: only an invoice can be credited$/],
        [invoice.id, line(other.lines[0].id, 1), 400, new RegExp(`^lines\\.0\\.invoice_line_id: ${other.lines[0].id} is not a line of invoice INV-000001$`)],
        [invoice.id, line(books.id, 3), 400, /^lines\.0\.quantity: cannot credit 3 of invoice line \S+ \(BOOK-PB\) of INV-000001: invoiced 3, credited already 1, 2 left$/],
        [other.id, { reason: "again" }, 400, /^Invoice INV-000002 is credited in full already: nothing is left to credit$/],
        [invoice.id, { lines: [{ invoice_line_id: books.id, quantity: 1 }] }, 400, /reason/],
        [invoice.id, { reason: "   " }, 400, /reason/],
        [invoice.id, { reason: "x".repeat(501) }, 400, /reason/],
        [invoice.id, { reason: 7 }, 400, /reason/],
        [invoice.id, line(books.id, 0), 400, /quantity/],
        [invoice.id, line(books.id, 1.5), 400, /quantity/],
        [invoice.id, line(books.id, "1"), 400, /quantity/],
        [invoice.id, { lines: [], reason: "r" }, 400, /lines/],
        [invoice.id, { lines: [{ invoice_line_id: books.id, quantity: 1 }, { invoice_line_id: books.id, quantity: 1 }], reason: "r" }, 400, /lines\.1\.invoice_line_id/],
        [invoice.id, { lines: [{ invoice_line_id: "", quantity: 1 }], reason: "r" }, 400, /invoice_line_id/],
        [invoice.id, { reason: "r", surprise: 1 }, 400, /surprise/],
      ]
      for (const [id, body, status, message] of cases) {
        const response = await credit(id, body)
        expect([JSON.stringify(body), response.status, response.data.message]).toEqual([JSON.stringify(body), status, expect.stringMatching(message)])
        if (status === 400) {
          expect(response.data.type).toBe("invalid_data")
        }
      }
      expect(await counts()).toEqual(before)
    })

    it("credit note numbers are gapless and separate from invoice numbers, and a failed credit note gives its number back", async () => {
      const orders = [await invoicedOrder(), await invoicedOrder(), await invoicedOrder()]
      expect(orders.map((o) => o.invoice.number)).toEqual(["INV-000001", "INV-000002", "INV-000003"])
      const [a, b, c] = orders.map((o) => o.invoice)
      const requests = [
        credit(a.id, { lines: [{ invoice_line_id: lineOf(a, "BOOK-PB").id, quantity: 1 }], reason: "1" }),
        credit(a.id, { lines: [{ invoice_line_id: lineOf(a, "SHIRT-M").id, quantity: 1 }], reason: "2" }),
        credit(b.id, { lines: [{ invoice_line_id: lineOf(b, "BOOK-PB").id, quantity: 1 }], reason: "3" }),
        credit(b.id, { lines: [{ invoice_line_id: lineOf(b, "BOOK-PB").id, quantity: 1 }], reason: "4" }),
        credit(c.id, { reason: "5" }),
      ]
      const responses = await Promise.all(requests)
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
      const numbers = responses.map((r) => r.data.credit_note.number)
      expect(new Set(numbers).size).toBe(5)
      expectGapless(numbers, "CN-")

      // The database refuses the credit note's lines after its number was taken: the rollback gives the number back.
      await dbConnection.raw(`
        create function fail_credit_note_line() returns trigger as $$
        begin raise exception 'injected failure'; end; $$ language plpgsql;
        create trigger inject_failure before insert on invoicing_invoice_line for each row
          when (new.credited_line_id is not null) execute function fail_credit_note_line();`)
      const failed = await credit(b.id, { reason: "fails" })
      expect(failed.status).toBeGreaterThanOrEqual(500)
      await dbConnection.raw(`drop trigger inject_failure on invoicing_invoice_line; drop function fail_credit_note_line();`)
      const { rows: orphans } = await dbConnection.raw(
        `select count(*)::int as n from invoicing_invoice where kind = 'credit_note' and reason = 'fails'`
      )
      expect(orphans[0].n).toBe(0)

      const retried = await credit(b.id, { reason: "rest of the order returned" })
      expect(retried.data.credit_note.number).toBe("CN-000006")
      const fourth = await invoicedOrder()
      expect(fourth.invoice.number).toBe("INV-000004")
      const { rows } = await dbConnection.raw(`select kind, number from invoicing_invoice`)
      expectGapless(rows.filter((r: any) => r.kind === "credit_note").map((r: any) => r.number), "CN-")
      expectGapless(rows.filter((r: any) => r.kind === "invoice").map((r: any) => r.number), "INV-")
    })
  },
})
