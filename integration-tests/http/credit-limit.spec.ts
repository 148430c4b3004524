import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { cents, eventually, invoicing, lineIds } from "../helpers/invoicing"
import { OVERDUE_SQL } from "../../src/modules/invoicing/sql/account-balance"
import { asDba, indexPlan, turnTriggersOff } from "../helpers/database"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!.id
    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id
    const send = (path: string, body: unknown) => api.post(path, body, headers).catch((e) => e.response)
    const setLimit = (customerId: string, euros: number | null, mandatory = false) =>
      send(`/admin/invoicing/accounts/${customerId}`, { credit_limit: euros, credit_limit_currency_code: "eur", credit_check_mandatory: mandatory })
    const propose = (order_ids: string[], parameters: Record<string, unknown>) => send("/admin/invoicing/proposals", { order_ids, parameters })
    const post = (order_ids: string[], parameters: Record<string, unknown>) => send("/admin/invoicing/post", { order_ids, parameters })
    const orderTotal = async (id: string) => cents((await api.get(`/admin/orders/${id}?fields=total`, headers)).data.order.total)
    const euros = (c: number) => c / 100

    /** An order of the customer: `quantity` shirts, shipped in full unless told otherwise. */
    async function shirts(customerId: string, quantity: number, ship = true) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { customer_id: customerId, items: [{ variant_id: sku("SHIRT-M"), quantity }] })
      if (ship) {
        const line = (await lineIds(container, orderId))["SHIRT-M"]
        await shipOrder(container, orderId, [[{ line_item_id: line, quantity }]])
      }
      return orderId
    }

    /**
     * Anna owes an invoice already posted (the open balance), has an order shipped and not invoiced,
     * one not shipped at all, and the order to invoice now. Figures in cents.
     */
    async function annasBooks() {
      const anna = customer("anna")
      const posted = await shirts(anna, 1)
      const { data } = await post([posted], {})
      const shippedNotInvoiced = await shirts(anna, 2)
      const notShipped = await shirts(anna, 3, false)
      const now = await shirts(anna, 1)
      return {
        anna,
        invoice: data.invoices[0],
        now,
        balance: cents(data.invoices[0].total),
        thisInvoice: await orderTotal(now),
        shipped: await orderTotal(shippedNotInvoiced),
        unshipped: await orderTotal(notShipped),
      }
    }

    /** An older invoice of the customer, due long ago: its packing slip shipped in January, 30 days to pay. */
    async function invoiceDueLongAgo(customerId: string) {
      const old = await shirts(customerId, 1)
      await eventually(async () => (await invoicing(getContainer()).listPackingSlips({ order_id: old })).length === 1)
      await dbConnection.raw(`update invoicing_packing_slip set shipped_at = '2026-01-05' where order_id = ?`, [old])
      await send(`/admin/invoicing/accounts/${customerId}`, { payment_terms_days: 30 })
      const { data } = await post([old], { invoice_date: "2026-01-06" })
      return data.invoices[0]
    }

    const balanceOf = async (customerId: string) => {
      const { data } = await api.get(`/admin/invoicing/accounts/${customerId}`, headers)
      const eur = data.balances.find((b: { currency_code: string }) => b.currency_code === "eur")
      return { open: cents(eur?.open_balance ?? 0), overdue: cents(eur?.overdue ?? 0) } // no row: owes nothing
    }

    const creditOf = async (orderId: string, credit_check: string) => (await propose([orderId], { credit_check })).data.groups[0].credit_check

    it("each credit check mode counts what it names: balance, then shipped not invoiced, then everything not invoiced", async () => {
      const books = await annasBooks()
      const atBalance = books.balance + books.thisInvoice
      const atPackingSlip = atBalance + books.shipped
      const atAll = atPackingSlip + books.unshipped

      // A limit exactly at the open balance plus this invoice: balance passes, balance_packing_slip is blocked.
      await setLimit(books.anna, euros(atBalance))
      expect(await creditOf(books.now, "balance")).toEqual({
        mode: "balance",
        limit: euros(atBalance),
        exposure: euros(atBalance),
        available: euros(books.thisInvoice),
        status: "ok",
        reason: null,
      })
      const blocked = await creditOf(books.now, "balance_packing_slip")
      expect(blocked).toMatchObject({ status: "blocked", exposure: euros(atPackingSlip) })
      expect(blocked.reason).toMatch(/^credit limit exceeded \(balance_packing_slip\): exposure .* EUR is above the limit/)

      // Enough for shipped orders too: balance_packing_slip passes, balance_all is blocked.
      await setLimit(books.anna, euros(atPackingSlip))
      expect(await creditOf(books.now, "balance_packing_slip")).toMatchObject({ status: "ok", exposure: euros(atPackingSlip) })
      expect(await creditOf(books.now, "balance_all")).toMatchObject({ status: "blocked", exposure: euros(atAll) })

      await setLimit(books.anna, euros(atAll))
      expect(await creditOf(books.now, "balance_all")).toMatchObject({ status: "ok", exposure: euros(atAll), available: euros(books.thisInvoice) })
    })

    it("posting skips the blocked invoice with its reason and posts the others; a customer without a limit is never blocked", async () => {
      const books = await annasBooks()
      await setLimit(books.anna, euros(books.balance + books.thisInvoice - 1))
      const ben = await shirts(customer("ben"), 5)
      const { data } = await post([books.now, ben], { credit_check: "balance_all" })
      expect(data.invoices.map((i: any) => i.invoice_account_id)).toEqual([customer("ben")])
      expect(data.skipped).toEqual([
        expect.objectContaining({ order_id: books.now, reason: expect.stringMatching(/^credit limit exceeded \(balance_all\)/) }),
      ])
      const consumed = await dbConnection.raw(`select count(*)::int as n from invoicing_order_line where order_id = ?`, [books.now])
      expect(consumed.rows[0].n).toBe(0)
    })

    it("a mandatory profile is checked at balance even when the posting asks for no check", async () => {
      const books = await annasBooks()
      await setLimit(books.anna, euros(books.balance + books.thisInvoice - 1))
      expect(await creditOf(books.now, "none")).toMatchObject({ mode: "none", status: "ok" })
      await setLimit(books.anna, euros(books.balance + books.thisInvoice - 1), true)
      expect(await creditOf(books.now, "none")).toMatchObject({ mode: "balance", status: "blocked" })
      expect((await post([books.now], {})).data.invoices).toEqual([])
    })

    it("two parallel posts for one account that each fit but together exceed the limit: one is blocked", async () => {
      const anna = customer("anna")
      const first = await shirts(anna, 2)
      const second = await shirts(anna, 2)
      const each = await orderTotal(first)
      await setLimit(anna, euros(each + each - 1))
      const results = await Promise.all([post([first], { credit_check: "balance" }), post([second], { credit_check: "balance" })])
      expect(results.map((r) => r.status)).toEqual([200, 200])
      const posted = results.flatMap((r) => r.data.invoices)
      const skipped = results.flatMap((r) => r.data.skipped)
      expect(posted).toHaveLength(1)
      expect(skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^credit limit exceeded \(balance\)/) })])
    })

    it("a payment lowers the open balance and unblocks the next invoice", async () => {
      const books = await annasBooks()
      await setLimit(books.anna, euros(books.balance + books.thisInvoice - 1))
      expect((await post([books.now], { credit_check: "balance" })).data.invoices).toEqual([])
      const paid = await send(`/admin/invoices/${books.invoice.id}/payments`, { amount: euros(books.balance) })
      expect(paid.status).toBe(200)
      const { data } = await post([books.now], { credit_check: "balance" })
      expect(data.invoices).toHaveLength(1)
    })

    it("the account shows its open balance, what is overdue and the exposure under each mode", async () => {
      const books = await annasBooks()
      await setLimit(books.anna, 10_000)
      const oldInvoice = await invoiceDueLongAgo(books.anna)
      const overdue = cents(oldInvoice.total)
      expect(oldInvoice.due_date).toBe("2026-02-05")

      const { data } = await api.get(`/admin/invoicing/accounts/${books.anna}`, headers)
      expect(data.invoicing_profile).toMatchObject({ credit_limit: 10_000, credit_limit_currency_code: "eur", payment_terms_days: 30 })
      const open = books.balance + overdue
      expect(data.balances).toEqual([
        {
          currency_code: "eur",
          open_balance: euros(open),
          overdue: euros(overdue),
          exposure: {
            balance: euros(open),
            balance_packing_slip: euros(open + books.shipped + books.thisInvoice),
            balance_all: euros(open + books.shipped + books.thisInvoice + books.unshipped),
          },
        },
      ])
    })

    it("an invoice deleted behind the application's back counts neither in the open balance nor in what is overdue", async () => {
      const anna = customer("anna")
      await invoiceDueLongAgo(anna) // stays: the account keeps a balance to show
      const oldInvoice = await invoiceDueLongAgo(anna)
      const before = await balanceOf(anna)
      // Posted invoices refuse updates; a DBA turning the triggers off is the only way to soft-delete one.
      const softDelete = (deletedAt: Date | null) =>
        asDba(dbConnection, `update invoicing_invoice set deleted_at = ? where id = ?`, [deletedAt, oldInvoice.id])
      await softDelete(new Date())
      const after = await balanceOf(anna)
      await softDelete(null)
      const total = cents(oldInvoice.total)
      expect(after).toEqual({ open: before.open - total, overdue: before.overdue - total })
    })

    it("what is overdue is read through the account indexes, not by scanning every invoice posted", async () => {
      const anna = customer("anna")
      await invoiceDueLongAgo(anna)
      const trx = await dbConnection.transaction()
      try {
        // A book the planner has to weigh: 2,000 copies of Anna's invoice over 200 other accounts, rolled back below.
        await turnTriggersOff(trx)
        await trx.raw(
          `insert into invoicing_invoice
           select (jsonb_populate_record(null::invoicing_invoice, to_jsonb(i) || jsonb_build_object(
                     'id', i.id || '_' || g, 'number', i.number || '_' || g, 'invoice_account_id', 'account_' || g % 200, 'idempotency_key', null))).*
             from invoicing_invoice i, generate_series(1, 2000) g`
        )
        await trx.raw("analyze invoicing_invoice")
        // knex binds one id where the application binds a list: "in (?)" holds either.
        const plan = await indexPlan(trx, OVERDUE_SQL, [anna, anna, anna, "2026-12-01"])
        // Once for the invoices, once for their credit notes.
        expect(plan.match(/IDX_invoicing_invoice_invoice_account_id/g)).toHaveLength(2)
        expect(plan).toContain("IDX_invoicing_payment_invoice_account_id")
        expect(plan).not.toMatch(/Seq Scan on invoicing_(invoice|payment)\b/)
      } finally {
        await trx.rollback()
      }
    })

    it("a credit limit without its currency, or a negative one, is refused naming the field", async () => {
      const noCurrency = await send(`/admin/invoicing/accounts/${customer("anna")}`, { credit_limit: 100 })
      expect([noCurrency.status, noCurrency.data.message]).toEqual([400, expect.stringMatching(/credit_limit_currency_code/)])
      const negative = await setLimit(customer("anna"), -1)
      expect([negative.status, negative.data.message]).toEqual([400, expect.stringMatching(/credit_limit/)])
      const rows = await dbConnection.raw(`select count(*)::int as n from invoicing_profile`)
      expect(rows.rows[0].n).toBe(0)
    })
  },
})
