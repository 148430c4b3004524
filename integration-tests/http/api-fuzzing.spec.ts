import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import fc from "fast-check"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { deriveSignedLinkSecret, signDocumentToken } from "../../src/domain/signed-links"
import { customerHeaders, storeHeaders } from "../helpers/customer"
import { eventually, invoicing, lineIds } from "../helpers/invoicing"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { type Caller, type FuzzRequest, fuzzRequests } from "../helpers/fuzz/requests"
import { FAR_RECURRENCE, type Known, ROUTE_FUZZ, type RouteFuzz } from "../helpers/fuzz/route-fuzz"
import { type RouteMethod, discoverRoutes, routeKey } from "../helpers/fuzz/routes"
import { type Fingerprint, changedTables, tableFingerprinter } from "../helpers/fuzz/table-fingerprint"

// Sending an invoice again writes an e-mail: to a throwaway folder, set before the runner boots the app.
process.env.INVOICING_MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-fuzz-mail-"))

jest.setTimeout(600_000)

/** The same requests on every run: a failure found once is found again. */
const SEED = 9_004
/** Routes that validate a body or a query get more requests: they have more fields to break. */
const requestsFor = (fuzz: RouteFuzz) => (fuzz.body || fuzz.query ? 45 : 25)
const seedOf = (key: string) => [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED)

type Answer = { status: number; json: any; bytes: number }

const routes = discoverRoutes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let known: Known
    let callers: Record<Caller, { headers: Record<string, string> }>
    let fingerprint: () => Promise<Fingerprint>
    const summary: string[] = []

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!
    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id

    /** A shirt and three paperbacks, shipped on one packing slip, numbered by the shipment subscriber. */
    async function shippedOrder(name: string) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: customer(name).id,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 1 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
        ],
      })
      const lines = await lineIds(container, orderId)
      await shipOrder(container, orderId, [[{ line_item_id: lines["SHIRT-M"], quantity: 1 }, { line_item_id: lines["BOOK-PB"], quantity: 3 }]])
      await eventually(async () => (await invoicing(container).listPackingSlips({ order_id: orderId })).length === 1)
      return orderId
    }

    async function postedInvoice(name: string, headers: AdminHeaders) {
      const orderId = await shippedOrder(name)
      const { data } = await api.post("/admin/invoicing/post", { order_ids: [orderId], parameters: {} }, headers)
      expect(data.invoices).toHaveLength(1)
      return { orderId, invoice: data.invoices[0] }
    }

    /** Real documents, orders, packing slips, schedules and a finished run, so requests reach existing things too. */
    beforeAll(async () => {
      const container = getContainer()
      const setup = await storeWithAdmin(container)
      store = setup.store
      const admin = setup.headers
      await api.post("/admin/invoicing/settings", { seller: { name: "Maison Lumière", address_lines: ["1 Rue de la Paix"] } }, admin)

      const anna = [await postedInvoice("anna", admin), await postedInvoice("anna", admin)]
      const ben = [await postedInvoice("ben", admin)]
      const open = [await shippedOrder("chloe"), await shippedOrder("chloe")]
      const schedules: string[] = []
      for (const name of ["Nightly", "Weekly", "Monthly", "Yearly"]) {
        const { data } = await api.post("/admin/invoicing/schedules", { name, recurrence: FAR_RECURRENCE }, admin)
        schedules.push(data.schedule.id)
      }
      const { data: started } = await api.post(`/admin/invoicing/schedules/${schedules[0]}/run`, {}, admin)
      await eventually(async () => !["queued", "running"].includes((await api.get(`/admin/invoicing/runs/${started.run.id}`, admin)).data.run.status), 60_000)
      const { data: series } = await api.get("/admin/invoicing/number-series", admin)
      const secret = deriveSignedLinkSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string)
      const inAWeek = new Date(Date.now() + 7 * 86_400_000)

      known = {
        annaInvoiceIds: anna.map((a) => a.invoice.id),
        benInvoiceIds: ben.map((b) => b.invoice.id),
        invoiceLineIds: [...anna, ...ben].flatMap((a) => a.invoice.lines.map((l: any) => l.id)),
        orderIds: [...open, ...anna.map((a) => a.orderId), ...ben.map((b) => b.orderId)],
        customerIds: store.customers.map((c) => c.id),
        packingSlipIds: (await invoicing(container).listPackingSlips({})).map((p) => p.id),
        scheduleIds: schedules,
        runIds: [started.run.id],
        seriesCodes: series.number_series.map((s: any) => s.code),
        documentTokens: [
          signDocumentToken(secret, { invoice_id: anna[0].invoice.id, copy: 0 }, inAWeek),
          signDocumentToken(secret, { invoice_id: ben[0].invoice.id, copy: 1 }, inAWeek),
        ],
      }
      const annaHeaders = await customerHeaders(container, customer("anna"), store.publishable_key)
      callers = {
        admin,
        anna: annaHeaders,
        ben: await customerHeaders(container, customer("ben"), store.publishable_key),
        storefront: storeHeaders(store.publishable_key),
        nobody: { headers: {} },
        customer_on_admin: annaHeaders,
      }
      fingerprint = await tableFingerprinter(dbConnection)
    })

    afterAll(() => {
      if (summary.length) console.log(`API fuzzing, requests per route:\n${summary.join("\n")}`)
    })

    async function send(r: FuzzRequest): Promise<Answer> {
      const res = await api.request({
        method: r.method,
        url: r.url,
        data: r.body?.raw,
        headers: { ...callers[r.caller].headers, ...(r.body ? { "content-type": r.body.contentType } : {}) },
        transformRequest: [(data: unknown) => data],
        responseType: "arraybuffer",
        validateStatus: () => true,
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
      })
      const bytes = Buffer.from(res.data ?? [])
      let json: any
      if (String(res.headers["content-type"] ?? "").includes("json")) {
        try {
          json = JSON.parse(bytes.toString("utf8"))
        } catch {
          json = bytes.toString("utf8").slice(0, 300)
        }
      }
      return { status: res.status, json, bytes: bytes.length }
    }

    /** After a request that may write: background work (batch runs, print management, e-mail) has finished and the tables are still. */
    async function settled(): Promise<Fingerprint> {
      await eventually(async () => {
        const { rows } = await dbConnection.raw(`select count(*)::int as n from invoicing_run where status in ('queued', 'running')`)
        return rows[0].n === 0
      }, 60_000)
      let last = await fingerprint()
      for (;;) {
        await new Promise((r) => setTimeout(r, 200))
        const next = await fingerprint()
        if (JSON.stringify(next) === JSON.stringify(last)) return next
        last = next
      }
    }

    /** What went wrong with one answer, if anything. */
    function problems(r: FuzzRequest, a: Answer): string[] {
      const found: string[] = []
      if (a.status >= 500) found.push(`${a.status}: a server error`)
      if (r.expect.status && a.status !== r.expect.status) found.push(`expected ${r.expect.status}`)
      if (r.expect.field) {
        const named = a.status === 400 && a.json?.type === "invalid_data" && String(a.json?.message ?? "").includes(r.expect.field)
        if (!named) found.push(`expected 400 invalid_data naming "${r.expect.field}"`)
      }
      return found
    }

    const describeFailure = (r: FuzzRequest, a: Answer, found: string[]) =>
      [
        `${found.join("; ")}`,
        `  ${r.method} ${r.url.slice(0, 200)}${r.url.length > 200 ? `…(${r.url.length} chars)` : ""} as ${r.caller} [${r.label}]`,
        r.body ? `  body (${r.body.contentType}, ${r.body.raw.length} chars): ${r.body.raw.slice(0, 200)}` : "",
        `  → ${a.status} ${JSON.stringify(a.json ?? `${a.bytes} bytes`).slice(0, 400)}`,
      ]
        .filter(Boolean)
        .join("\n")

    it("every route under src/api (with each method it exports) has a request generator, and at least 1,000 requests are planned", () => {
      const keys = routes.map(routeKey)
      expect(keys.length).toBeGreaterThan(20)
      expect(keys.filter((k) => !ROUTE_FUZZ[k])).toEqual([])
      expect(Object.keys(ROUTE_FUZZ).filter((k) => !keys.includes(k))).toEqual([])
      // A POST route states the body it validates, or that it reads none.
      expect(routes.filter((r) => r.method === "POST" && ROUTE_FUZZ[routeKey(r)]?.body === undefined).map(routeKey)).toEqual([])
      expect(Object.values(ROUTE_FUZZ).reduce((n, f) => n + requestsFor(f), 0)).toBeGreaterThanOrEqual(1000)
    })

    it("the table fingerprint sees a row written to an invoicing table and to an order table", async () => {
      const before = await settled()
      await dbConnection.raw(`update invoicing_settings set updated_at = now()`)
      await dbConnection.raw(`update "order" set metadata = '{"fuzz": true}' where id = ?`, [known.orderIds[0]])
      const changed = changedTables(before, await fingerprint())
      expect(changed).toEqual([expect.stringMatching(/^invoicing_settings /), expect.stringMatching(/^order /)])
    })

    it.each(routes.map((r) => [routeKey(r), r] as [string, RouteMethod]))(
      "%s: malformed or hostile requests never get a 5xx, a refused one writes nothing, and a broken field is named",
      async (key, route) => {
        const fuzz = ROUTE_FUZZ[key]
        if (!fuzz) throw new Error(`${key} (src/api/${route.file}) has no request generator in integration-tests/helpers/fuzz/route-fuzz.ts`)
        const requests = fc.sample(fuzzRequests(route, fuzz, known), { seed: seedOf(key), numRuns: requestsFor(fuzz) })

        const failures: string[] = []
        const statuses: Record<number, number> = {}
        const started = Date.now()
        let before = await settled()
        for (const r of requests) {
          const answer = await send(r)
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
          const found = problems(r, answer)
          if (answer.status >= 400 && answer.status < 500) {
            const after = await fingerprint()
            const changed = changedTables(before, after)
            if (changed.length) found.push(`refused with ${answer.status} but wrote: ${changed.join(", ")}`)
            before = after
          } else {
            before = await settled()
          }
          if (found.length) failures.push(describeFailure(r, answer, found))
        }
        const predicted = requests.filter((r) => r.expect.status || r.expect.field).length
        summary.push(`  ${key}: ${requests.length} requests (${predicted} with a predicted answer) in ${Date.now() - started} ms, statuses ${JSON.stringify(statuses)}`)
        expect(failures).toEqual([])
      }
    )
  },
})
