import fs from "node:fs"
import path from "node:path"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { configureDocuments, resetDocumentsConfig } from "../../src/documents/config"
import { deriveSignedLinkSecret, signDocumentToken } from "../../src/domain/signed-links"
import { pendingPdfRequests } from "../../src/api/render-limit"
import { pdfPages } from "../../src/documents/__tests__/pdf-text"
import { customerHeaders } from "../helpers/customer"
import { lineIds } from "../helpers/invoicing"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"

jest.setTimeout(300_000)

/**
 * Who may reach what. The admin and store routes are read from the file system (every
 * src/api/…/route.ts and the methods it exports), so a route added later is covered without
 * touching this file.
 */

const API = path.join(__dirname, "../../src/api")
type Route = { method: string; path: string }

/** Every route under src/api/<folder>, as `/<folder>/…/:param`, with each HTTP method its file exports. */
function routesUnder(folder: string): Route[] {
  return (fs.readdirSync(path.join(API, folder), { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts")
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(API, folder, file), "utf8")
      const methods = [...source.matchAll(/export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
      const segments = [folder, ...path.dirname(file).split(path.sep)].filter((s) => s !== ".")
      const url = "/" + segments.map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/")
      return methods.map((method) => ({ method, path: url }))
    })
}

/** The route with each parameter filled from `ids`, keyed by the path segment before it (invoices, schedules, …). */
function fill(route: Route, ids: Record<string, string | undefined>, fallback: string): string {
  const segments = route.path.split("/")
  return segments.map((s, i) => (s.startsWith(":") ? ids[segments[i - 1]] ?? fallback : s)).join("/")
}

const FAKE_ID = "inv_01FAKE0000000000000000000"
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-"

/** A bearer token with the payload of a real one, signed with a secret that is not the app's. */
function forged(headers: AdminHeaders): string {
  const [, payload] = headers.headers.authorization.replace("Bearer ", "").split(".")
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  delete claims.iat
  delete claims.exp
  return `Bearer ${generateJwtToken(claims, { secret: "not-the-app-secret", expiresIn: "1d" })}`
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    let admin: AdminHeaders
    let anna: AdminHeaders
    let ben: AdminHeaders
    /** Anna's invoice and its credit note; Ben's invoice. */
    let annaInvoice: any
    let annaCredit: any
    let benInvoice: any
    let realIds: Record<string, string>

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!
    const call = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
      api.request({ method, url, headers, data: body, responseType: "arraybuffer", validateStatus: () => true }).then((res) => {
        const bytes = Buffer.from(res.data ?? [])
        const json = String(res.headers["content-type"] ?? "").includes("json") ? JSON.parse(bytes.toString("utf8")) : null
        return { status: res.status, headers: res.headers, bytes, json }
      })
    const withKey = (headers: Record<string, string> = {}) => ({ ...headers, "x-publishable-api-key": store.publishable_key })

    async function invoicedOrder(name: string) {
      const container = getContainer()
      const variant = store.variants.find((v) => v.sku === "BOOK-PB")!.id
      const orderId = await placeOrder(container, store, { customer_id: customer(name).id, items: [{ variant_id: variant, quantity: 2 }] })
      await shipOrder(container, orderId, [[{ line_item_id: (await lineIds(container, orderId))["BOOK-PB"], quantity: 2 }]])
      const { data, status } = await api.post("/admin/invoicing/post", { order_ids: [orderId], parameters: {} }, admin)
      expect([status, data.invoices.length]).toEqual([200, 1])
      return data.invoices[0]
    }

    beforeAll(async () => {
      ;({ store, headers: admin } = await storeWithAdmin(getContainer()))
      anna = await customerHeaders(getContainer(), customer("anna"), store.publishable_key)
      ben = await customerHeaders(getContainer(), customer("ben"), store.publishable_key)
      annaInvoice = await invoicedOrder("anna")
      benInvoice = await invoicedOrder("ben")
      const credit = await api.post(`/admin/invoices/${annaInvoice.id}/credit-notes`, { reason: "Returned" }, admin)
      annaCredit = credit.data.credit_note ?? credit.data.invoice
      expect(annaCredit?.id).toEqual(expect.any(String))
      const schedule = await api.post(
        "/admin/invoicing/schedules",
        { name: "Nightly", recurrence: { unit: "days", interval: 1, starts_at: "2026-01-01T06:00", time_zone: "Europe/Paris" } },
        admin
      )
      const series = (await api.get("/admin/invoicing/number-series", admin)).data.number_series
      realIds = {
        invoices: annaInvoice.id,
        "packing-slips": annaInvoice.packing_slips[0].id,
        accounts: customer("anna").id,
        schedules: schedule.data.schedule.id,
        "number-series": series[0].code,
      }
    })

    describe("admin routes", () => {
      const adminRoutes = routesUnder("admin")

      it("are all found on disk, with their methods", () => {
        expect(adminRoutes.length).toBeGreaterThanOrEqual(20)
        expect(adminRoutes).toEqual(
          expect.arrayContaining([
            { method: "GET", path: "/admin/invoices/:id/pdf" },
            { method: "POST", path: "/admin/invoicing/post" },
            { method: "DELETE", path: "/admin/invoicing/schedules/:id" },
          ])
        )
      })

      it("every admin route refuses a request without credentials, with a garbage or forged token, a garbage API key, or a customer's token (401), for real and unknown ids", async () => {
        const credentials: Record<string, Record<string, string>> = {
          none: {},
          "garbage bearer": { authorization: "Bearer not.a.token" },
          "admin token signed with another secret": { authorization: forged(admin) },
          "garbage API key": { authorization: `Basic ${Buffer.from("sk_garbage:").toString("base64")}` },
          "customer token": anna.headers,
        }
        const answers: string[] = []
        for (const route of adminRoutes) {
          for (const url of new Set([fill(route, realIds, FAKE_ID), fill(route, {}, FAKE_ID)])) {
            for (const [who, headers] of Object.entries(credentials)) {
              const res = await call(route.method, url, headers, route.method === "GET" ? undefined : {})
              answers.push(`${route.method} ${url} (${who}): ${res.status}${isPdf(res.bytes) ? " PDF" : ""}`)
            }
          }
        }
        expect(answers.filter((a) => !a.endsWith(": 401"))).toEqual([])
      })

      it("an admin's token passes the same gate on every admin route (so the 401s above are the gate's)", async () => {
        const statuses = []
        for (const route of adminRoutes) {
          const res = await call(route.method, fill(route, {}, FAKE_ID), admin.headers, route.method === "GET" ? undefined : {})
          statuses.push(`${route.method} ${route.path}: ${res.status}`)
        }
        expect(statuses.filter((s) => /: (401|403)$/.test(s))).toEqual([])
      })
    })

    describe("store routes", () => {
      const storeRoutes = routesUnder("store")

      it("every store route refuses a request without a customer: anonymous, garbage or forged token, or an admin's token (401)", async () => {
        expect(storeRoutes).toEqual(expect.arrayContaining([{ method: "GET", path: "/store/invoices/:id/pdf" }]))
        const credentials: Record<string, Record<string, string>> = {
          anonymous: {},
          "garbage bearer": { authorization: "Bearer not.a.token" },
          "customer token signed with another secret": { authorization: forged(anna) },
          "admin token": admin.headers,
        }
        const answers: string[] = []
        for (const route of storeRoutes) {
          const url = fill(route, { invoices: annaInvoice.id }, FAKE_ID)
          for (const [who, headers] of Object.entries(credentials)) {
            const res = await call(route.method, url, withKey(headers))
            answers.push(`${route.method} ${url} (${who}): ${res.status}${isPdf(res.bytes) ? " PDF" : ""}`)
          }
        }
        expect(answers.filter((a) => !a.endsWith(": 401"))).toEqual([])
      })

      it("a customer never sees another customer's invoice or credit note: not listed, and 404 exactly as an unknown id, with no PDF", async () => {
        const listed = (await call("GET", "/store/invoices?limit=100", ben.headers)).json.invoices.map((i: any) => i.id)
        expect(listed).toEqual([benInvoice.id])
        for (const foreign of [annaInvoice.id, annaCredit.id]) {
          for (const suffix of ["", "/pdf"]) {
            const res = await call("GET", `/store/invoices/${foreign}${suffix}`, ben.headers)
            const unknown = await call("GET", `/store/invoices/${FAKE_ID}${suffix}`, ben.headers)
            expect([res.status, res.json?.type, isPdf(res.bytes)]).toEqual([404, "not_found", false])
            expect(res.json.message).toBe(unknown.json.message.replace(FAKE_ID, foreign))
          }
        }
        // Anna does see both: the 404s above are about whose documents they are.
        const annas = (await call("GET", "/store/invoices?limit=100", anna.headers)).json.invoices.map((i: any) => i.id)
        expect(annas.sort()).toEqual([annaInvoice.id, annaCredit.id].sort())
      })
    })

    describe("signed document links", () => {
      const secret = () => deriveSignedLinkSecret(getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string)
      const link = (invoiceId: string, copy: number, expiresAt = new Date(Date.now() + 600_000)) =>
        signDocumentToken(secret(), { invoice_id: invoiceId, copy }, expiresAt)
      const open = (token: string, query = "") => call("GET", `/invoicing/documents/${token}${query}`, {})
      /** The token's payload fields (version, invoice id, copy, expiry), edited, with its signature kept. */
      const edited = (token: string, edit: (fields: string[]) => string[]) => {
        const [payload, signature] = token.split(".")
        return `${Buffer.from(edit(Buffer.from(payload, "base64url").toString("utf8").split(".")).join(".")).toString("base64url")}.${signature}`
      }

      it("a link is refused (4xx, no PDF) when its payload or signature was changed, when it expired, or when two valid links are spliced; a valid one serves its document", async () => {
        const annas = link(annaInvoice.id, 0)
        const bens = link(benInvoice.id, 0)
        const [payload, signature] = annas.split(".")
        const refused = {
          "payload: another invoice": edited(annas, ([v, , c, e]) => [v, benInvoice.id, c, e]),
          "payload: another copy": edited(annas, ([v, i, , e]) => [v, i, "2", e]),
          "payload: a later expiry": edited(annas, ([v, i, c, e]) => [v, i, c, String(Number(e) + 86_400)]),
          "signature changed": `${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`,
          expired: link(annaInvoice.id, 0, new Date(Date.now() - 1000)),
          "Anna's payload with Ben's signature": `${payload}.${bens.split(".")[1]}`,
          "Ben's payload with Anna's signature": `${bens.split(".")[0]}.${signature}`,
        }
        for (const [what, token] of Object.entries(refused)) {
          const res = await open(token)
          expect([what, res.status >= 400 && res.status < 500, isPdf(res.bytes)]).toEqual([what, true, false])
        }
        const ok = await open(annas)
        expect([ok.status, isPdf(ok.bytes), ok.headers["content-disposition"]]).toEqual([200, true, `attachment; filename="${annaInvoice.number}.pdf"`])
      })

      it("a valid link opens only the document and copy it was signed for, whatever the query asks", async () => {
        const copyOne = await open(link(annaInvoice.id, 1))
        const asked = await open(link(annaInvoice.id, 1), `?copy=2&id=${benInvoice.id}&invoice_id=${benInvoice.id}`)
        expect([asked.status, asked.headers["content-disposition"]]).toEqual([200, `attachment; filename="${annaInvoice.number}-copy-1.pdf"`])
        expect(asked.bytes.equals(copyOne.bytes)).toBe(true)
      })
    })

    describe("limits", () => {
      const slipPdf = () => `/admin/invoicing/packing-slips/${annaInvoice.packing_slips[0].id}/pdf`

      it("one client firing 50 PDF downloads at once gets some refused with 429 and Retry-After; the accepted ones are whole PDFs and the server stays healthy", async () => {
        // The places this client holds, sampled while the flood runs: never more than its limit of 4.
        let peak = 0
        const sampler = setInterval(() => (peak = Math.max(peak, pendingPdfRequests().total)), 2)
        const answers = await Promise.all(Array.from({ length: 50 }, () => call("GET", slipPdf(), admin.headers))).finally(() => clearInterval(sampler))
        expect(peak).toBe(4)
        const accepted = answers.filter((a) => a.status === 200)
        const refused = answers.filter((a) => a.status === 429)
        expect(accepted.length + refused.length).toBe(50)
        expect(refused.length).toBeGreaterThan(0)
        expect(accepted.length).toBeGreaterThan(0)
        for (const r of refused) {
          expect([r.headers["retry-after"], r.json.type, isPdf(r.bytes)]).toEqual(["2", "too_many_requests", false])
        }
        const texts = await pdfPages(accepted.map((a) => a.bytes))
        texts.forEach(([text]) => expect(text).toContain(annaInvoice.packing_slips[0].number))

        // Healthy: every place was given back, and the next requests are served.
        expect(pendingPdfRequests()).toEqual({ total: 0, clients: 0 })
        expect((await call("GET", "/admin/invoices", admin.headers)).status).toBe(200)
        expect(isPdf((await call("GET", slipPdf(), admin.headers)).bytes)).toBe(true)
      })

      it("while one client floods the renderer, another client's download is still served", async () => {
        const [flood, own] = await Promise.all([
          Promise.all(Array.from({ length: 30 }, () => call("GET", slipPdf(), admin.headers))),
          call("GET", `/store/invoices/${benInvoice.id}/pdf`, ben.headers),
        ])
        expect(flood.some((a) => a.status === 429)).toBe(true)
        expect([own.status, isPdf(own.bytes)]).toEqual([200, true])
      })

      it("past pdf_requests.max_pending for all clients together, downloads are refused with 429 until places free up", async () => {
        configureDocuments({ pdf_requests: { max_pending: 2, max_pending_per_client: 50 } })
        try {
          const answers = await Promise.all([
            ...Array.from({ length: 6 }, () => call("GET", slipPdf(), admin.headers)),
            ...Array.from({ length: 6 }, () => call("GET", `/store/invoices/${benInvoice.id}/pdf`, ben.headers)),
          ])
          const refused = answers.filter((a) => a.status === 429)
          expect(refused.length).toBeGreaterThan(0)
          expect(refused[0].json.message).toMatch(/^The PDF renderer is busy \(2 downloads pending\)/)
          expect(answers.filter((a) => a.status === 200).every((a) => isPdf(a.bytes))).toBe(true)
          expect((await call("GET", slipPdf(), admin.headers)).status).toBe(200)
        } finally {
          resetDocumentsConfig()
        }
      })

      it("a JSON body over its route's limit is refused with 413 and writes nothing", async () => {
        const before = (await call("GET", "/admin/invoicing/settings", admin.headers)).json
        const logo = `data:image/png;base64,${"A".repeat(2_200_000)}`
        const tooLarge = await call("POST", "/admin/invoicing/settings", admin.headers, { seller: { name: "Big", address_lines: [], logo_data_uri: logo } })
        expect(tooLarge.status).toBe(413)
        expect((await call("GET", "/admin/invoicing/settings", admin.headers)).json).toEqual(before)

        // Routes without a raised limit keep Express' 100 kB.
        const payment = await call("POST", `/admin/invoices/${benInvoice.id}/payments`, admin.headers, { amount: 1, note: "x".repeat(150_000) })
        expect(payment.status).toBe(413)
        const invoice = (await call("GET", `/admin/invoices/${benInvoice.id}`, admin.headers)).json.invoice
        expect(invoice.amount_paid).toBe(0)
      })

      it("a body as large as the route's validator allows is accepted: a 1 MB logo is saved", async () => {
        const logo = `data:image/png;base64,${"A".repeat(1_000_000)}`
        const saved = await call("POST", "/admin/invoicing/settings", admin.headers, { seller: { name: "Big logo", address_lines: [], logo_data_uri: logo } })
        expect(saved.status).toBe(200)
        const settings = (await call("GET", "/admin/invoicing/settings", admin.headers)).json
        expect(JSON.stringify(settings)).toContain(logo)
      })
    })
  },
})
