import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { runDueSchedules } from "../../src/workflows/batch/run-due-schedules"
import { startBatchRunWorkflow } from "../../src/workflows/start-batch-run"
import { PostingParametersSchema } from "../../src/api/admin/invoicing/validators"
import { eventually, expectGapless, invoicing, lineIds } from "../helpers/invoicing"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!.id
    const send = (p: string, body: unknown) => api.post(p, body, headers).catch((e) => e.response)
    const daily = { unit: "days", interval: 1, starts_at: "2026-01-01T06:00", time_zone: "Europe/Paris" }
    const finishedRun = (id: string) =>
      eventually(async () => {
        const { data } = await api.get(`/admin/invoicing/runs/${id}`, headers)
        return !["queued", "running"].includes(data.run.status) && data.run
      }, 60_000)

    async function shippedOrder(name: string) {
      const container = getContainer()
      const variant = store.variants.find((v) => v.sku === "COFFEE-ESP")!.id
      const orderId = await placeOrder(container, store, { customer_id: customer(name), items: [{ variant_id: variant, quantity: 2 }] })
      const line = (await lineIds(container, orderId))["COFFEE-ESP"]
      await shipOrder(container, orderId, [[{ line_item_id: line, quantity: 2 }]])
      // A run selects orders by their packing slips, which the shipment subscriber creates after the shipment.
      await eventually(async () => (await invoicing(container).listPackingSlips({ order_id: orderId })).length === 1)
      return orderId
    }

    it("a schedule shows its next run; pausing hides it and resuming runs at the next slot from now", async () => {
      const bad = await send("/admin/invoicing/schedules", { name: "Nightly", recurrence: { ...daily, time_zone: "Mars/Olympus" } })
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/time_zone/)])

      const { data, status } = await send("/admin/invoicing/schedules", { name: "Nightly", recurrence: daily, selection: { customer_id: customer("anna") } })
      expect(status).toBe(201)
      const next = new Date(data.schedule.next_run_at)
      expect(next.getTime()).toBeGreaterThan(Date.now())
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000)
      expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(next)).toBe("06:00")

      const { data: paused } = await send(`/admin/invoicing/schedules/${data.schedule.id}`, { enabled: false })
      expect(paused.schedule).toMatchObject({ enabled: false, next_run_at: null })
      const { data: resumed } = await send(`/admin/invoicing/schedules/${data.schedule.id}`, { enabled: true })
      expect(resumed.schedule.next_run_at).toBe(data.schedule.next_run_at)
      const { data: list } = await api.get("/admin/invoicing/schedules", headers)
      expect(list.schedules.map((s: any) => s.name)).toEqual(["Nightly"])
    })

    it("two tickers racing for the same due slot start one run", async () => {
      await shippedOrder("anna")
      // Hourly, not every minute: the app's own minute ticker must not find the next slot due while this test runs.
      const { data } = await send("/admin/invoicing/schedules", { name: "Every hour", recurrence: { ...daily, unit: "hours" } })
      // The slot fell due a moment ago.
      await dbConnection.raw(`update invoicing_schedule set next_run_at = now() - interval '10 seconds' where id = ?`, [data.schedule.id])
      const now = new Date()
      const started = await Promise.all([runDueSchedules(getContainer(), now), runDueSchedules(getContainer(), now), runDueSchedules(getContainer(), now)])
      expect(started.flat()).toHaveLength(1)
      const runs = await dbConnection.raw(`select count(*)::int as n from invoicing_run where schedule_id = ?`, [data.schedule.id])
      expect(runs.rows[0].n).toBe(1)
      const { data: after } = await api.get(`/admin/invoicing/schedules/${data.schedule.id}`, headers)
      expect(after.schedule.runs_started).toBe(1)
      expect(new Date(after.schedule.next_run_at).getTime()).toBeGreaterThan(now.getTime())
      await finishedRun(started.flat()[0])
    })

    it("a run picks up orders shipped after its schedule was saved (late selection)", async () => {
      const { data } = await send("/admin/invoicing/schedules", { name: "Anna", recurrence: daily, selection: { customer_id: customer("anna") } })
      const early = await shippedOrder("anna")
      const late = await shippedOrder("anna")
      await shippedOrder("ben") // not Anna's: not selected
      const { data: started, status } = await send(`/admin/invoicing/schedules/${data.schedule.id}/run`, {})
      expect(status).toBe(202)
      const run = await finishedRun(started.run.id)
      expect(run).toMatchObject({ status: "succeeded", selected: 2, posted: 2, skipped: 0, progress: 1 })
      expect(run.groups.flatMap((g: any) => g.order_ids).sort()).toEqual([early, late].sort())
      expect(run.groups.map((g: any) => g.invoice_number).sort()).toEqual(["INV-000001", "INV-000002"])
    })

    it("a run over orders of which some are blocked by the credit check reports them as skipped and posts the rest", async () => {
      await send(`/admin/invoicing/accounts/${customer("anna")}`, { credit_limit: 1, credit_limit_currency_code: "eur" })
      const blocked = await shippedOrder("anna")
      const fine = await shippedOrder("ben")
      const { data } = await send("/admin/invoicing/schedules", { name: "Credit", recurrence: daily, parameters: { credit_check: "balance" } })
      const { data: started } = await send(`/admin/invoicing/schedules/${data.schedule.id}/run`, {})
      const run = await finishedRun(started.run.id)
      expect(run).toMatchObject({ status: "succeeded", selected: 2, posted: 1, skipped: 1 })
      const byOrder = new Map(run.groups.map((g: any) => [g.order_ids[0], g]))
      expect(byOrder.get(fine)).toMatchObject({ invoice_number: "INV-000001", reason: null })
      expect(byOrder.get(blocked)).toMatchObject({ invoice_number: null, reason: expect.stringMatching(/^credit limit exceeded \(balance\)/) })
    })

    it("a run keeps each invoice account's orders in one chunk: summary update invoice_account gives every account one invoice, however old its orders", async () => {
      // Oldest first: Anna, Ben, Anna, Ben. Chunks of two by age alone would give each account two invoices.
      const orders = { anna: [] as string[], ben: [] as string[] }
      for (const name of ["anna", "ben", "anna", "ben"] as const) orders[name].push(await shippedOrder(name))
      const parameters = PostingParametersSchema.parse({ summary_update: "invoice_account" })
      const { result: started } = await startBatchRunWorkflow(getContainer()).run({
        input: { schedule_id: null, selection: { status: "shipped_not_invoiced" }, parameters, chunk_size: 2 },
      })
      expect(started.chunk_ids).toHaveLength(2)
      const run = await finishedRun(started.id)
      expect(run).toMatchObject({ status: "succeeded", selected: 4, posted: 2, skipped: 0 })
      expect(run.groups.map((g: any) => [...g.order_ids].sort()).sort()).toEqual([[...orders.anna].sort(), [...orders.ben].sort()].sort())
      const chunks = await dbConnection.raw(`select order_ids from invoicing_run_chunk where run_id = ? order by position`, [run.id])
      expect(chunks.rows.map((c: any) => [...c.order_ids].sort())).toEqual([[...orders.anna].sort(), [...orders.ben].sort()])
    })

    it("a chunk that fails after posting is retried and invoices nothing twice", async () => {
      const orders = [await shippedOrder("anna"), await shippedOrder("ben"), await shippedOrder("chloe")]
      // The first time a chunk is recorded as done, the database refuses: its invoices are posted, its bookkeeping is not.
      await dbConnection.raw(`
        create sequence chunk_failures;
        create function fail_first_chunk() returns trigger as $$
        begin if nextval('chunk_failures') = 1 then raise exception 'injected chunk failure'; end if; return new; end; $$ language plpgsql;
        create trigger fail_first_chunk before update on invoicing_run_chunk for each row
          when (new.status = 'succeeded') execute function fail_first_chunk();`)
      const { data } = await send("/admin/invoicing/schedules", { name: "Retry", recurrence: daily })
      const { data: started } = await send(`/admin/invoicing/schedules/${data.schedule.id}/run`, {})
      const run = await finishedRun(started.run.id)
      expect(run).toMatchObject({ status: "succeeded", selected: 3, posted: 3, skipped: 0 })
      const chunks = await dbConnection.raw(`select attempts from invoicing_run_chunk where run_id = ?`, [run.id])
      expect(chunks.rows).toEqual([{ attempts: 2 }])
      const invoices = await dbConnection.raw(`select i.number, l.order_id from invoicing_invoice i join invoicing_invoice_line l on l.invoice_id = i.id`)
      expect(invoices.rows.map((r: any) => r.order_id).sort()).toEqual([...orders].sort())
      expectGapless(invoices.rows.map((r: any) => r.number), "INV-")
    })
  },
})
