import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { cents, invoicing, lineIds } from "../helpers/invoicing"
import { invoiceResponse } from "../../src/api/admin/invoices/invoice-response"
import { settlement } from "../../src/domain/settlement"
import { sum } from "../../src/domain/money"
import { decimal } from "../../src/workflows/invoicing-orders/decimal"
import { INVOICE_LIST_FIELDS } from "../../src/api/admin/invoices/list-fields"
import { ADMIN_LIST_FIELDS } from "../../src/admin/lib/invoice-list-fields"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const post = (order_ids: string[]) => api.post("/admin/invoicing/post", { order_ids, parameters: {} }, headers).catch((e) => e.response)
    const pay = (invoiceId: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${invoiceId}/payments`, body, headers).catch((e) => e.response)
    const credit = (invoiceId: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${invoiceId}/credit-notes`, body, headers).catch((e) => e.response)
    const show = async (invoiceId: string) => (await api.get(`/admin/invoices/${invoiceId}`, headers)).data
    const lineOf = (invoice: any, variantSku: string) => invoice.lines.find((l: any) => l.variant_sku === variantSku)
    /** Major units from integer cents, as a request sends them. */
    const units = (c: number) => c / 100

    /** Payment rows as the database holds them: exact decimals, per invoice. */
    async function paymentRows(invoiceId?: string) {
      const { rows } = await dbConnection.raw(
        `select invoice_id, invoice_account_id, currency_code, amount::text as amount, raw_amount, paid_at from invoicing_payment
          ${invoiceId ? "where invoice_id = ?" : ""} order by paid_at, id`,
        invoiceId ? [invoiceId] : []
      )
      return rows as any[]
    }

    /** A shirt (20 %) and three paperbacks (5.5 %) with the promotion code, shipped on one packing slip and invoiced. */
    async function invoicedOrder(customer = 0) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[customer].id,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 1 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
        ],
        promotion_codes: [store.promotion_code],
      })
      const lines = await lineIds(container, orderId)
      await shipOrder(container, orderId, [
        [
          { line_item_id: lines["SHIRT-M"], quantity: 1 },
          { line_item_id: lines["BOOK-PB"], quantity: 3 },
        ],
      ])
      const { data, status } = await post([orderId])
      expect(status).toBe(200)
      expect(data.invoices).toHaveLength(1)
      return { orderId, invoice: data.invoices[0] }
    }

    it("a posted invoice is open; a partial payment makes it partially_paid and paying the rest makes it paid, to the cent", async () => {
      const { invoice } = await invoicedOrder()
      expect(invoice).toMatchObject({ payment_status: "open", amount_paid: 0, amount_credited: 0, amount_open: invoice.total })
      const total = cents(invoice.total)
      expect(total).toBeGreaterThan(100)

      // 0.1 + 0.2: exact decimals, not floats (0.30000000000000004).
      const first = await pay(invoice.id, { amount: 0.1, paid_at: "2026-01-15" })
      expect(first.status).toBe(200)
      expect(first.data.payment).toEqual({
        id: expect.stringMatching(/^ivpay_/),
        invoice_id: invoice.id,
        amount: 0.1,
        currency_code: invoice.currency_code,
        paid_at: "2026-01-15T00:00:00.000Z",
      })
      const second = await pay(invoice.id, { amount: 0.2, paid_at: "2026-01-20T10:30:00+02:00" })
      expect(second.status).toBe(200)
      expect(second.data.payment.paid_at).toBe("2026-01-20T08:30:00.000Z")
      expect(second.data.invoice).toMatchObject({
        id: invoice.id,
        total: invoice.total,
        payment_status: "partially_paid",
        amount_paid: 0.3,
        amount_credited: 0,
        amount_open: units(total - 30),
      })
      // The posted invoice itself is unchanged by its payments.
      const { payment_status, amount_paid, amount_open, ...unchanged } = second.data.invoice
      const { payment_status: _s, amount_paid: _p, amount_open: _o, ...posted } = invoice
      expect(unchanged).toEqual(posted)

      const rest = await pay(invoice.id, { amount: units(total - 30) })
      expect(rest.status).toBe(200)
      expect(Date.now() - new Date(rest.data.payment.paid_at).getTime()).toBeLessThan(60_000)
      expect(rest.data.invoice).toMatchObject({ payment_status: "paid", amount_paid: invoice.total, amount_open: 0 })

      const shown = await show(invoice.id)
      expect(shown.invoice).toEqual(rest.data.invoice)
      expect(shown.payments).toEqual([
        { id: first.data.payment.id, amount: 0.1, paid_at: "2026-01-15T00:00:00.000Z" },
        { id: second.data.payment.id, amount: 0.2, paid_at: "2026-01-20T08:30:00.000Z" },
        { id: rest.data.payment.id, amount: units(total - 30), paid_at: rest.data.payment.paid_at },
      ])

      // Stored exactly, with the invoice's account and currency; they add up to the invoice total.
      const rows = await paymentRows(invoice.id)
      expect(rows.map((r) => [r.invoice_account_id, r.currency_code, r.amount, r.raw_amount.value])).toEqual([
        [invoice.invoice_account_id, invoice.currency_code, "0.1", "0.1"],
        [invoice.invoice_account_id, invoice.currency_code, "0.2", "0.2"],
        [invoice.invoice_account_id, invoice.currency_code, String(units(total - 30)), String(units(total - 30))],
      ])
      expect(rows.reduce((s, r) => s + cents(Number(r.amount)), 0)).toBe(total)

      // Nothing is open any more: even a cent is refused.
      const more = await pay(invoice.id, { amount: 0.01 })
      expect([more.status, more.data.type]).toEqual([400, "invalid_data"])
      expect(more.data.message).toMatch(/^amount: nothing is open on INV-000001 \(total \d+\.\d{2}, credited 0\.00, paid \d+\.\d{2}\)$/)
      expect(await paymentRows(invoice.id)).toHaveLength(3)
    })

    it("an over-payment is refused with 400 naming amount, and writes nothing", async () => {
      const { invoice } = await invoicedOrder()
      const total = cents(invoice.total)
      expect((await pay(invoice.id, { amount: 10 })).status).toBe(200)

      const over = await pay(invoice.id, { amount: units(total - 1000 + 1) })
      expect([over.status, over.data.type]).toEqual([400, "invalid_data"])
      expect(over.data.message).toBe(
        `amount: ${(units(total - 1000 + 1)).toFixed(2)} is more than the ${units(total - 1000).toFixed(2)} open on INV-000001 ` +
          `(total ${invoice.total.toFixed(2)}, credited 0.00, paid 10.00)`
      )
      expect(await paymentRows()).toHaveLength(1)
      expect((await show(invoice.id)).invoice).toMatchObject({ payment_status: "partially_paid", amount_paid: 10, amount_open: units(total - 1000) })

      // Exactly what is open is accepted.
      expect((await pay(invoice.id, { amount: units(total - 1000) })).data.invoice.payment_status).toBe("paid")
    })

    it("more decimals than the invoice's currency allows is refused with 400 naming amount, and writes nothing", async () => {
      const { invoice } = await invoicedOrder()
      expect(invoice.currency_code).toBe("eur")
      for (const amount of [10.005, 0.001, 0.0000001]) {
        const response = await pay(invoice.id, { amount })
        expect([amount, response.status, response.data.message]).toEqual([
          amount,
          400,
          expect.stringMatching(/^amount: [\d.]+ has \d decimals, more than the 2 of EUR$/),
        ])
      }
      expect(await paymentRows()).toEqual([])
      expect((await pay(invoice.id, { amount: 10.01 })).status).toBe(200)
    })

    it("a credit note reduces what is open, and a payment above the rest is refused", async () => {
      const { invoice } = await invoicedOrder()
      const books = lineOf(invoice, "BOOK-PB")
      const noted = await credit(invoice.id, { lines: [{ invoice_line_id: books.id, quantity: 2 }], reason: "two returned" })
      expect(noted.status).toBe(200)
      const note = noted.data.credit_note
      expect(note.total).toBeLessThan(0)
      // A credit note is not paid: no payment status, no amounts.
      expect(note).toMatchObject({ payment_status: null, amount_paid: 0, amount_credited: 0, amount_open: 0 })

      const open = cents(invoice.total) + cents(note.total)
      const shown = await show(invoice.id)
      expect(shown.invoice).toMatchObject({ payment_status: "open", amount_credited: -note.total, amount_paid: 0, amount_open: units(open) })
      expect(shown.payments).toEqual([])

      const over = await pay(invoice.id, { amount: units(open + 1) })
      expect(over.status).toBe(400)
      expect(over.data.message).toBe(
        `amount: ${units(open + 1).toFixed(2)} is more than the ${units(open).toFixed(2)} open on INV-000001 ` +
          `(total ${invoice.total.toFixed(2)}, credited ${(-note.total).toFixed(2)}, paid 0.00)`
      )
      // Nor is the invoice's total payable any more.
      expect((await pay(invoice.id, { amount: invoice.total })).status).toBe(400)
      expect(await paymentRows()).toEqual([])

      const rest = await pay(invoice.id, { amount: units(open) })
      expect(rest.status).toBe(200)
      expect(rest.data.invoice).toMatchObject({ payment_status: "paid", amount_paid: units(open), amount_credited: -note.total, amount_open: 0 })
    })

    it("paying a credit note is refused with 400, and paying an unknown invoice gets 404", async () => {
      const { invoice } = await invoicedOrder()
      const note = (await credit(invoice.id, { reason: "order canceled" })).data.credit_note
      const response = await pay(note.id, { amount: 1 })
      expect([response.status, response.data.type, response.data.message]).toEqual([
        400,
        "invalid_data",
        "CN-000001 is a credit note: only an invoice can be paid",
      ])
      // The fully credited invoice has nothing open.
      expect((await show(invoice.id)).invoice).toMatchObject({ amount_credited: invoice.total, amount_open: 0, payment_status: "paid" })
      expect((await pay(invoice.id, { amount: 1 })).status).toBe(400)

      const unknown = await pay("inv_does_not_exist", { amount: 1 })
      expect([unknown.status, unknown.data.type, unknown.data.message]).toEqual([404, "not_found", "Invoice with id: inv_does_not_exist was not found"])
      expect(await paymentRows()).toEqual([])
    })

    it("a bad payment request gets a 400 naming the field, and writes nothing", async () => {
      const { invoice } = await invoicedOrder()
      const cases: [Record<string, unknown>, RegExp][] = [
        [{}, /amount/],
        [{ amount: 0 }, /amount/],
        [{ amount: -5 }, /amount/],
        [{ amount: "10" }, /amount/],
        [{ amount: null }, /amount/],
        [{ amount: 10, paid_at: "2026-13-01" }, /paid_at/],
        [{ amount: 10, paid_at: "yesterday" }, /paid_at/],
        [{ amount: 10, paid_at: "2026-01-05T10:00:00" }, /paid_at/],
        [{ amount: 10, paid_at: 1767225600000 }, /paid_at/],
        [{ amount: 10, currency_code: "usd" }, /currency_code/],
      ]
      for (const [body, message] of cases) {
        const response = await pay(invoice.id, body)
        expect([JSON.stringify(body), response.status, response.data.type, response.data.message]).toEqual([
          JSON.stringify(body),
          400,
          "invalid_data",
          expect.stringMatching(message),
        ])
      }
      expect(await paymentRows()).toEqual([])
    })

    it("two parallel payments that together exceed what is open: one is refused and the paid sum never exceeds the invoice", async () => {
      const { invoice } = await invoicedOrder()
      const total = cents(invoice.total)
      const sixty = Math.floor((total * 6) / 10)

      const pair = await Promise.all([1, 2].map(() => pay(invoice.id, { amount: units(sixty) })))
      expect(pair.map((r) => r.status).sort()).toEqual([200, 400])
      expect(pair.find((r) => r.status === 400)!.data.message).toMatch(/^amount: \S+ is more than the \S+ open on INV-000001/)

      // Then five at once of a quarter each, against the forty percent left: exactly one fits.
      const quarter = Math.floor(total / 4)
      const five = await Promise.all([1, 2, 3, 4, 5].map(() => pay(invoice.id, { amount: units(quarter) })))
      expect(five.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400])

      const rows = await paymentRows(invoice.id)
      expect(rows.map((r) => cents(Number(r.amount))).sort((a, b) => a - b)).toEqual([quarter, sixty])
      expect(sixty + quarter).toBeLessThanOrEqual(total)
      expect((await show(invoice.id)).invoice).toMatchObject({ payment_status: "partially_paid", amount_open: units(total - sixty - quarter) })
    })

    it("invoices are listed with their settlement, exactly as the invoicing module holds them, can be filtered by payment status, and a page is the slice of the list at its offset", async () => {
      const a = (await invoicedOrder(0)).invoice
      const b = (await invoicedOrder(0)).invoice
      const c = (await invoicedOrder(1)).invoice
      const { orderId: orderD, invoice: d } = await invoicedOrder(1)
      expect([a, b, c, d].map((i) => i.number)).toEqual(["INV-000001", "INV-000002", "INV-000003", "INV-000004"])
      expect((await pay(b.id, { amount: 1 })).status).toBe(200)
      expect((await pay(c.id, { amount: c.total })).status).toBe(200)
      expect((await pay(d.id, { amount: 2.5 })).status).toBe(200)
      const note = (await credit(a.id, { lines: [{ invoice_line_id: lineOf(a, "BOOK-PB").id, quantity: 1 }], reason: "one returned" })).data.credit_note

      const list = async (query: string) => (await api.get(`/admin/invoices?${query}`, headers)).data
      const all = await list("")
      expect(all.count).toBe(5)
      expect(all.invoices.map((i: any) => [i.number, i.payment_status, cents(i.amount_paid), cents(i.amount_credited), cents(i.amount_open)])).toEqual([
        ["INV-000004", "partially_paid", 250, 0, cents(d.total) - 250],
        ["INV-000003", "paid", cents(c.total), 0, 0],
        ["INV-000002", "partially_paid", 100, 0, cents(b.total) - 100],
        ["INV-000001", "open", 0, -cents(note.total), cents(a.total) + cents(note.total)],
        ["CN-000001", null, 0, 0, 0],
      ])
      // The list shows each invoice as its own page does, and names its invoice account besides;
      // both show exactly what the invoicing module's own models hold (read through its ORM).
      const service = invoicing(getContainer())
      for (const { invoice_account_name, ...shown } of all.invoices) {
        expect(invoice_account_name).toEqual(expect.any(String))
        expect((await show(shown.id)).invoice).toEqual(shown)
        const stored = await service.retrieveInvoice(shown.id, { relations: ["lines", "charges"] })
        const creditNotes = await service.listInvoices({ credited_invoice_id: shown.id })
        const payments = await service.listInvoicePayments({ invoice_id: shown.id })
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
        const fromModels = {
          ...stored,
          lines: [...stored.lines].sort(byId),
          charges: [...stored.charges].sort(byId),
          settlement:
            stored.kind === "invoice"
              ? settlement(decimal(stored.total), sum(creditNotes.map((n) => decimal(n.total))), sum(payments.map((p) => decimal(p.amount))))
              : null,
        }
        expect(shown).toEqual(JSON.parse(JSON.stringify(invoiceResponse(fromModels as any))))
      }

      const numbers = async (query: string) => {
        const page = await list(query)
        return [page.count, page.invoices.map((i: any) => i.number)]
      }
      expect(await numbers("payment_status=open")).toEqual([1, ["INV-000001"]])
      expect(await numbers("payment_status=partially_paid")).toEqual([2, ["INV-000004", "INV-000002"]])
      expect(await numbers("payment_status=paid")).toEqual([1, ["INV-000003"]])
      expect(await numbers("payment_status=partially_paid&limit=1&offset=1")).toEqual([2, ["INV-000002"]])
      expect(d.invoice_account_id).not.toBe(b.invoice_account_id)
      expect(await numbers(`payment_status=partially_paid&invoice_account_id=${d.invoice_account_id}`)).toEqual([1, ["INV-000004"]])
      expect(await numbers(`payment_status=partially_paid&order_id=${orderD}`)).toEqual([1, ["INV-000004"]])
      expect(await numbers("payment_status=partially_paid&q=0002")).toEqual([1, ["INV-000002"]])
      expect(await numbers("payment_status=paid&kind=credit_note")).toEqual([0, []])
      const filtered = await list("payment_status=partially_paid")
      expect(filtered.invoices).toEqual(all.invoices.filter((i: any) => i.payment_status === "partially_paid"))
      expect(await numbers("limit=2&offset=1")).toEqual([5, ["INV-000003", "INV-000002"]])
      expect(await numbers("kind=invoice&limit=2&offset=2")).toEqual([4, ["INV-000002", "INV-000001"]])
      expect(await numbers("q=00000&limit=1&offset=4")).toEqual([5, ["CN-000001"]])
      expect(await numbers(`invoice_account_id=${d.invoice_account_id}&limit=1&offset=0`)).toEqual([
        all.invoices.filter((i: any) => i.invoice_account_id === d.invoice_account_id).length,
        ["INV-000004"],
      ])

      const bad = await api.get(`/admin/invoices?payment_status=overdue`, headers).catch((e) => e.response)
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/payment_status/)])
    })

    it("a list asked for some fields shows exactly those of each entry, as the full list shows them; an unknown field is refused with 400 naming it", async () => {
      const a = (await invoicedOrder(0)).invoice
      const b = (await invoicedOrder(1)).invoice
      expect((await pay(b.id, { amount: 1 })).status).toBe(200)
      expect((await credit(a.id, { lines: [{ invoice_line_id: lineOf(a, "BOOK-PB").id, quantity: 1 }], reason: "one returned" })).status).toBe(200)
      const list = async (query: string) => (await api.get(`/admin/invoices?${query}`, headers)).data.invoices
      const full = await list("")
      expect(full).toHaveLength(3)
      // Every field an entry shows by default is one `fields` may name, and the other way round.
      for (const entry of full) expect(Object.keys(entry).sort()).toEqual([...INVOICE_LIST_FIELDS].sort())
      const picked = (entries: any[], fields: readonly string[]) => entries.map((e) => Object.fromEntries(fields.map((f) => [f, e[f]])))
      const without = (names: string[]) => INVOICE_LIST_FIELDS.filter((f) => !names.includes(f))

      // Named fields replace the defaults (the id always comes along); - drops one from them.
      expect(await list(`fields=${ADMIN_LIST_FIELDS.join(",")}`)).toEqual(picked(full, ADMIN_LIST_FIELDS))
      expect(await list("fields=number,total,payment_status")).toEqual(picked(full, ["number", "total", "payment_status", "id"]))
      expect(await list("fields=packing_slips,orders,charge_lines")).toEqual(picked(full, ["packing_slips", "orders", "charge_lines", "id"]))
      expect(await list("fields=-lines,-charges,-bill_to")).toEqual(picked(full, without(["lines", "charges", "bill_to"])))
      expect(await list(`fields=${encodeURIComponent("+number")}`)).toEqual(full)
      // The same with a payment status, whose page is chosen first.
      const partlyPaid = full.filter((e: any) => e.payment_status === "partially_paid")
      expect(partlyPaid.map((e: any) => e.number)).toEqual([b.number])
      expect(await list("payment_status=partially_paid&fields=number,amount_paid,amount_open,invoice_account_name")).toEqual(
        picked(partlyPaid, ["number", "amount_paid", "amount_open", "invoice_account_name", "id"])
      )

      for (const fields of ["number,lines.title", "nope", "*lines"]) {
        const bad = await api.get(`/admin/invoices?fields=${fields}`, headers).catch((e) => e.response)
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringContaining(`fields: unknown field '${fields.split(",").pop()}'`)])
      }
    })
  },
})
