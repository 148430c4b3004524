import { createHash } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { lineIds } from "../helpers/invoicing"
import { asDba, indexPlan } from "../helpers/database"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    /** Three invoices, then a credit note of the second: INV-000001..3, CN-000001. */
    let invoices: { id: string; number: string }[]
    let creditNote: { id: string; number: string }

    const audit = async () => (await api.get("/admin/invoicing/audit", headers)).data.audit

    const tamper = (sql: string, bindings: unknown[] = []) => asDba(dbConnection, sql, bindings)

    const ledger = async (series: string) =>
      (
        await dbConnection.raw(
          `select e.position, e.invoice_id, e.previous_hash, e.hash, invoicing_document_content(e.invoice_id) as content
             from invoicing_ledger_entry e where e.series_code = ? order by e.position`,
          [series]
        )
      ).rows

    async function invoicedOrder(): Promise<{ id: string; number: string }> {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: store.customers[0].id,
        items: [{ variant_id: store.variants.find((v) => v.sku === "BOOK-PB")!.id, quantity: 2 }],
      })
      const lines = await lineIds(container, orderId)
      await shipOrder(container, orderId, [[{ line_item_id: lines["BOOK-PB"], quantity: 2 }]])
      const { data } = await api.post("/admin/invoicing/post", { order_ids: [orderId], parameters: {} }, headers)
      return data.invoices[0]
    }

    beforeAll(async () => {
      ;({ store, headers } = await storeWithAdmin(getContainer()))
      invoices = []
      for (let i = 0; i < 3; i++) invoices.push(await invoicedOrder())
      const { data } = await api.post(`/admin/invoices/${invoices[1].id}/credit-notes`, { reason: "returned" }, headers)
      creditNote = data.credit_note
    })

    afterEach(async () => {
      // Each test undoes its tampering: the next one starts from an intact ledger.
      expect((await audit()).ok).toBe(true)
    })

    it("each posted invoice and credit note is chained to the one before it in its series by a SHA-256 of its content", async () => {
      expect(invoices.map((i) => i.number)).toEqual(["INV-000001", "INV-000002", "INV-000003"])
      const links = await ledger("invoice")
      expect(links.map((l: any) => l.invoice_id)).toEqual(invoices.map((i) => i.id))
      let previous: string | null = null
      for (const link of links) {
        expect(link.previous_hash).toBe(previous)
        expect(link.hash).toBe(createHash("sha256").update(`${previous ?? ""}|${link.content}`).digest("hex"))
        expect(JSON.parse(link.content)).toMatchObject({ id: link.invoice_id, lines: [expect.objectContaining({ quantity: 2 })] })
        previous = link.hash
      }
      const [credit] = await ledger("credit_note")
      expect(credit).toMatchObject({ position: 1, invoice_id: creditNote.id, previous_hash: null })
    })

    it("chaining is planned afresh on every call, so a connection that posted many batches keeps chaining in milliseconds", async () => {
      // PL/pgSQL may otherwise settle on a generic plan from a connection's sixth call: 1.4–2.4 s a batch, measured.
      const { rows } = await dbConnection.raw(`select proconfig from pg_proc where proname = 'invoicing_append_to_ledger'`)
      expect(rows).toEqual([{ proconfig: ["plan_cache_mode=force_custom_plan"] }])
    })

    it("chaining reads a batch's lines and charges through their invoice_id index, not by scanning all posted so far", async () => {
      const plan = await dbConnection.transaction((trx: any) =>
        indexPlan(trx, `select * from invoicing_document_contents(array[?])`, [invoices[0].id])
      )
      expect(plan).toContain("IDX_invoicing_invoice_line_invoice_id")
      expect(plan).toContain("IDX_invoicing_invoice_charge_invoice_id")
      expect(plan).not.toMatch(/Seq Scan on invoicing_invoice_(line|charge)/)
    })

    it("an untouched ledger passes the audit and gives each series' last hash to keep elsewhere", async () => {
      const [, , third] = await ledger("invoice")
      const [credit] = await ledger("credit_note")
      expect(await audit()).toMatchObject({
        ok: true,
        first_broken: null,
        series: [
          { series_code: "invoice", documents: 3, head_hash: third.hash, first_broken: null },
          { series_code: "credit_note", documents: 1, head_hash: credit.hash, first_broken: null },
        ],
      })
    })

    it("a line quantity changed directly in the database is detected, naming the invoice", async () => {
      const changeQuantity = (by: number) =>
        tamper(`update invoicing_invoice_line set quantity = quantity + ? where invoice_id = ?`, [by, invoices[1].id])
      await changeQuantity(1)
      const report = await audit()
      expect(report.ok).toBe(false)
      expect(report.first_broken).toMatchObject({ series_code: "invoice", position: 2, number: "INV-000002", reason: "content_changed" })
      expect(report.series[1].first_broken).toBeNull()
      await changeQuantity(-1)
    })

    it("a line soft-deleted directly in the database is detected, naming the invoice", async () => {
      const softDelete = (deletedAt: Date | null) =>
        tamper(`update invoicing_invoice_line set deleted_at = ? where invoice_id = ?`, [deletedAt, invoices[2].id])
      await softDelete(new Date())
      const report = await audit()
      expect(report.first_broken).toMatchObject({ series_code: "invoice", position: 3, number: "INV-000003", reason: "content_changed" })
      await softDelete(null)
    })

    it("a total changed on a credit note's header is detected", async () => {
      const [{ total }] = (await dbConnection.raw(`select total from invoicing_invoice where id = ?`, [creditNote.id])).rows
      await tamper(`update invoicing_invoice set total = 0 where id = ?`, [creditNote.id])
      const report = await audit()
      expect(report.first_broken).toMatchObject({ series_code: "credit_note", number: creditNote.number, reason: "content_changed" })
      await tamper(`update invoicing_invoice set total = ? where id = ?`, [total, creditNote.id])
    })

    it("rewriting a link's hash to match altered content breaks the chain at the next link", async () => {
      const [, second] = await ledger("invoice")
      const [{ bill_to }] = (await dbConnection.raw(`select bill_to from invoicing_invoice where id = ?`, [invoices[1].id])).rows
      await tamper(`update invoicing_invoice set bill_to = '{"name":"Someone else"}' where id = ?`, [invoices[1].id])
      await tamper(
        `update invoicing_ledger_entry set hash = invoicing_chain_hash(previous_hash, invoicing_document_content(invoice_id)) where invoice_id = ?`,
        [invoices[1].id]
      )
      const report = await audit()
      expect(report.first_broken).toMatchObject({ position: 3, number: "INV-000003", reason: "chain_broken" })
      await tamper(`update invoicing_invoice set bill_to = ? where id = ?`, [JSON.stringify(bill_to), invoices[1].id])
      await tamper(`update invoicing_ledger_entry set hash = ? where invoice_id = ?`, [second.hash, invoices[1].id])
    })

    /** Deletes an invoice whole (lines first), runs `check`, then puts every row back. */
    async function withoutInvoice(invoiceId: string, alsoItsLink: boolean, check: () => Promise<void>) {
      const tables = ["invoicing_invoice_line", "invoicing_invoice_charge", "invoicing_invoice"]
      const saved: Record<string, any[]> = {}
      for (const table of tables) {
        const key = table === "invoicing_invoice" ? "id" : "invoice_id"
        saved[table] = (await dbConnection.raw(`select * from ${table} where ${key} = ?`, [invoiceId])).rows
        await tamper(`delete from ${table} where ${key} = ?`, [invoiceId])
      }
      const link = (await dbConnection.raw(`select * from invoicing_ledger_entry where invoice_id = ?`, [invoiceId])).rows
      if (alsoItsLink) await tamper(`delete from invoicing_ledger_entry where invoice_id = ?`, [invoiceId])
      try {
        await check()
      } finally {
        const restore = [...tables].reverse().map((table) => [table, saved[table]] as const)
        if (alsoItsLink) restore.push(["invoicing_ledger_entry", link])
        for (const [table, rows] of restore) {
          if (rows.length) {
            await tamper(`insert into ${table} select * from json_populate_recordset(null::${table}, ?::json)`, [JSON.stringify(rows)])
          }
        }
      }
    }

    it("an invoice deleted from the database is detected where its link points to nothing", async () => {
      await withoutInvoice(invoices[0].id, false, async () => {
        const report = await audit()
        expect(report.first_broken).toMatchObject({ position: 1, invoice_id: invoices[0].id, reason: "document_missing" })
      })
    })

    it("an invoice deleted together with its link leaves a gap the audit names", async () => {
      await withoutInvoice(invoices[1].id, true, async () => {
        expect((await audit()).first_broken).toMatchObject({ position: 3, number: "INV-000003", reason: "chain_broken" })
      })
    })

    it("the last invoice deleted together with its link is detected from the series' count", async () => {
      await withoutInvoice(invoices[2].id, true, async () => {
        const report = await audit()
        expect(report.first_broken).toMatchObject({ series_code: "invoice", position: 3, reason: "links_missing" })
        expect(report.series[0].documents).toBe(2)
      })
    })

    it("an invoice inserted without going through posting is detected as never chained", async () => {
      const [header] = (await dbConnection.raw(`select * from invoicing_invoice where id = ?`, [invoices[2].id])).rows
      const forged = { ...header, id: "inv_forged", number: "INV-999999" }
      await tamper(`insert into invoicing_invoice select * from json_populate_recordset(null::invoicing_invoice, ?::json)`, [
        JSON.stringify([forged]),
      ])
      try {
        expect((await audit()).first_broken).toMatchObject({ invoice_id: "inv_forged", number: "INV-999999", reason: "not_chained" })
      } finally {
        await tamper(`delete from invoicing_invoice where id = 'inv_forged'`)
      }
    })

    it("the database refuses to change or delete a ledger link", async () => {
      await expect(dbConnection.raw(`update invoicing_ledger_entry set hash = 'x' where invoice_id = ?`, [invoices[0].id])).rejects.toThrow(
        /immutable/
      )
      await expect(dbConnection.raw(`delete from invoicing_ledger_entry where invoice_id = ?`, [invoices[0].id])).rejects.toThrow(/immutable/)
    })
  },
})
