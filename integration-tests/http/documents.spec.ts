import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, setupStore, shipOrder, type StoreFixture } from "../../seed/store"
import { configureDocuments, resetDocumentsConfig } from "../../src/documents/config"
import { deriveSignedLinkSecret, signDocumentToken } from "../../src/domain/signed-links"
import { adminHeaders } from "../helpers/admin"
import { customerHeaders, storeHeaders } from "../helpers/customer"
import { lineIds } from "../helpers/invoicing"
import { pdfText } from "../../src/documents/__tests__/pdf-text"

// E-mails go to this folder (see medusa-config.ts); set before the runner boots the app.
const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-documents-mail-"))
process.env.INVOICING_MAIL_DIR = MAIL_DIR

jest.setTimeout(300_000)

/** The messages written so far, oldest first, with their attachments' bytes. */
function sentMail(): any[] {
  return fs
    .readdirSync(MAIL_DIR)
    .sort()
    .map((folder) => {
      const message = JSON.parse(fs.readFileSync(path.join(MAIL_DIR, folder, "message.json"), "utf8"))
      const files = message.attachments.map((a: any) => fs.readFileSync(path.join(MAIL_DIR, folder, a.file)))
      return { ...message, files }
    })
}

/** Whether the bytes are a PDF file. */
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-"

/** Money as documents print it: the currency's digits, en-US grouping, the code. */
const money = (amount: number, currency: string) =>
  `${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency.toUpperCase()}`

/** A signed link's token with its payload rewritten and its signature kept, as someone editing the link would. */
function rewritePayload(token: string, edit: (fields: string[]) => string[]) {
  const [payload, signature] = token.split(".")
  const fields = Buffer.from(payload, "base64url").toString("utf8").split(".")
  return `${Buffer.from(edit(fields).join(".")).toString("base64url")}.${signature}`
}

type Download = { status: number; type: string; disposition: string | undefined; cache: string | undefined; body: Buffer; json: any }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    let headers: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await setupStore(getContainer())
      headers = await adminHeaders(getContainer())
      const { status } = await api.post(
        "/admin/invoicing/settings",
        { seller: { name: "Maison Lumière", address_lines: ["1 Rue de la Paix", "75002 Paris"], vat_number: "FR12345678901" } },
        headers
      )
      expect(status).toBe(200)
    })
    beforeEach(() => {
      for (const entry of fs.readdirSync(MAIL_DIR)) fs.rmSync(path.join(MAIL_DIR, entry), { recursive: true })
    })

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!
    const sku = (s: string) => store.variants.find((v) => v.sku === s)!.id

    async function file(method: "get" | "post", url: string, config: Record<string, any> = {}, body?: unknown): Promise<Download> {
      const options = { ...config, responseType: "arraybuffer" as const, validateStatus: () => true }
      const res = method === "get" ? await api.get(url, options) : await api.post(url, body, options)
      const bytes = Buffer.from(res.data)
      const type = String(res.headers["content-type"] ?? "")
      return {
        status: res.status,
        type,
        disposition: res.headers["content-disposition"],
        cache: res.headers["cache-control"],
        body: bytes,
        json: type.includes("json") ? JSON.parse(bytes.toString("utf8")) : null,
      }
    }
    const download = (url: string, config: Record<string, any> = headers) => file("get", url, config)
    const send = (invoiceId: string, body: unknown) => api.post(`/admin/invoices/${invoiceId}/send`, body, headers).catch((e) => e.response)

    /** A shirt and three paperbacks for the customer, shipped on the given packing slips (one each by default). */
    async function shippedOrder(name: string, slips: "one" | "two" = "two") {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: customer(name).id,
        items: [
          { variant_id: sku("SHIRT-M"), quantity: 1 },
          { variant_id: sku("BOOK-PB"), quantity: 3 },
        ],
      })
      const lines = await lineIds(container, orderId)
      const shirt = { line_item_id: lines["SHIRT-M"], quantity: 1 }
      const books = { line_item_id: lines["BOOK-PB"], quantity: 3 }
      await shipOrder(container, orderId, slips === "two" ? [[shirt], [books]] : [[shirt, books]])
      return orderId
    }

    async function invoiced(name: string, slips: "one" | "two" = "two") {
      const orderId = await shippedOrder(name, slips)
      const { data, status } = await api.post("/admin/invoicing/post", { order_ids: [orderId], parameters: {} }, headers)
      expect([status, data.invoices.length]).toEqual([200, 1])
      return { orderId, invoice: data.invoices[0] }
    }

    it("the admin PDF of a posted invoice prints its number, lines, totals and `multiple` for an order shipped on two packing slips", async () => {
      const { invoice } = await invoiced("anna")
      expect(invoice.packing_slip_number).toBe("multiple")
      expect(invoice.packing_slips).toHaveLength(2)

      const pdf = await download(`/admin/invoices/${invoice.id}/pdf`)
      expect(pdf.status).toBe(200)
      expect(pdf.type).toBe("application/pdf")
      expect(pdf.disposition).toBe(`attachment; filename="${invoice.number}.pdf"`)
      expect(pdf.cache).toBe("private, no-store")
      expect(isPdf(pdf.body)).toBe(true)

      const text = await pdfText(pdf.body)
      const cur = invoice.currency_code
      expect(text).toContain(invoice.number)
      expect(text).toContain("multiple")
      expect(text).toContain("Maison Lumière")
      expect(text).toContain("Atelier Martin")
      for (const slip of invoice.packing_slips) expect(text).toContain(slip.number)
      expect(invoice.lines).toHaveLength(2)
      for (const line of invoice.lines) {
        expect(text).toContain(line.title)
        expect(text).toContain(line.variant_sku)
        // Quantity, unit price, tax rate and the net amount (after discount) of the line.
        const net = (Math.round(line.subtotal * 100) - Math.round(line.discount_total * 100)) / 100
        expect(text).toContain(`${line.packing_slip_number} ${line.quantity} ${money(line.unit_price, cur)} ${line.tax_rate}% ${money(net, cur)}`)
      }
      expect(text).toContain(`Items ${money(invoice.item_subtotal, cur)}`)
      expect(text).toContain(`Charges ${money(invoice.charges_total, cur)}`)
      expect(text).toContain(`Tax ${money(invoice.tax_total, cur)}`)
      expect(text).toContain(`Total ${money(invoice.total, cur)}`)
      expect(text).not.toMatch(/COPY \d/)

      // The second download is the stored document, not a new rendering.
      expect((await download(`/admin/invoices/${invoice.id}/pdf`)).body.equals(pdf.body)).toBe(true)
    })

    it("?copy=N prints COPY N and is stored too; copy is a whole number from 0 to 50, and an unknown invoice is 404", async () => {
      const { invoice } = await invoiced("anna", "one")
      expect(invoice.packing_slip_number).toBe(invoice.packing_slips[0].number)

      const copy = await download(`/admin/invoices/${invoice.id}/pdf?copy=2`)
      expect([copy.status, copy.type, copy.disposition]).toEqual([200, "application/pdf", `attachment; filename="${invoice.number}-copy-2.pdf"`])
      const text = await pdfText(copy.body)
      expect(text).toContain("COPY 2")
      expect(text).toContain(invoice.number)
      expect(text).toContain(invoice.packing_slips[0].number)
      expect((await download(`/admin/invoices/${invoice.id}/pdf?copy=2`)).body.equals(copy.body)).toBe(true)
      const original = await download(`/admin/invoices/${invoice.id}/pdf?copy=0`)
      expect([original.status, original.disposition]).toEqual([200, `attachment; filename="${invoice.number}.pdf"`])
      expect(await pdfText(original.body)).not.toContain("COPY")

      for (const bad of ["51", "-1", "1.5", "two"]) {
        const refused = await download(`/admin/invoices/${invoice.id}/pdf?copy=${bad}`)
        expect([refused.status, refused.json?.type]).toEqual([400, "invalid_data"])
        expect(refused.json.message).toMatch(/copy/)
      }
      const unknown = await download(`/admin/invoices/inv_01UNKNOWN00000000000000000/pdf`)
      expect([unknown.status, unknown.json?.type]).toEqual([404, "not_found"])
    })

    it("the stored PDF is returned byte for byte after the seller details and the template change; new copies show the changes", async () => {
      const { invoice } = await invoiced("ben")
      const original = (await download(`/admin/invoices/${invoice.id}/pdf`)).body
      const copy1 = (await download(`/admin/invoices/${invoice.id}/pdf?copy=1`)).body
      expect(await pdfText(original)).toContain("Maison Lumière")

      const seller = { name: "Lumière & Fils SARL", address_lines: ["9 Quai Voltaire", "75007 Paris"] }
      expect((await api.post("/admin/invoicing/settings", { seller }, headers)).status).toBe(200)
      const template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-template-")), "invoice.hbs")
      fs.writeFileSync(
        template,
        "<!doctype html><html><body><h1>Custom layout {{document.number}}</h1><p>{{seller.name}}</p>{{#if document.copy_label}}<p>{{document.copy_label}}</p>{{/if}}</body></html>"
      )
      // What the module loader does at startup with the plugin option `templates.invoice`.
      configureDocuments({ templates_dir: path.dirname(template), templates: { invoice: template } })
      try {
        const again = await download(`/admin/invoices/${invoice.id}/pdf`)
        expect(again.body.equals(original)).toBe(true)
        expect((await download(`/admin/invoices/${invoice.id}/pdf?copy=1`)).body.equals(copy1)).toBe(true)

        // A copy never printed before is rendered now, with today's template and seller.
        const fresh = await pdfText((await download(`/admin/invoices/${invoice.id}/pdf?copy=3`)).body)
        expect(fresh).toContain(`Custom layout ${invoice.number}`)
        expect(fresh).toContain("Lumière & Fils SARL")
        expect(fresh).toContain("COPY 3")
      } finally {
        // The database is restored before each test; the process-wide template configuration is not.
        resetDocumentsConfig()
      }
    })

    it("send e-mails the original with the PDF attached and a signed link; the same idempotency key twice mails once", async () => {
      const { invoice } = await invoiced("chloe")
      const original = (await download(`/admin/invoices/${invoice.id}/pdf`)).body

      const first = await send(invoice.id, { idempotency_key: "resend-1" })
      expect([first.status, first.data]).toEqual([200, { sent: { to: customer("chloe").email } }])
      const retry = await send(invoice.id, { idempotency_key: "resend-1" })
      expect([retry.status, retry.data]).toEqual([200, { sent: { to: customer("chloe").email } }])

      const mail = sentMail()
      expect(mail).toHaveLength(1)
      expect(mail[0]).toMatchObject({ to: customer("chloe").email, channel: "email", content: { subject: `Invoice ${invoice.number}` } })
      expect(mail[0].attachments).toEqual([{ filename: `${invoice.number}.pdf`, content_type: "application/pdf", file: "attachment-1.pdf" }])
      expect(mail[0].files[0].equals(original)).toBe(true)
      const url: string = mail[0].data.download_url
      expect(url).toMatch(/^http:\/\/localhost:9000\/invoicing\/documents\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
      expect(mail[0].content.text).toContain(url)
      expect(mail[0].data).toMatchObject({ invoice_id: invoice.id, number: invoice.number })
      // Valid for the default lifetime: seven days.
      const expires = new Date(mail[0].data.download_url_expires_at).getTime()
      expect(Math.abs(expires - (Date.now() + 7 * 86_400_000))).toBeLessThan(120_000)

      // Another key, or none, is another e-mail.
      expect((await send(invoice.id, { idempotency_key: "resend-2" })).status).toBe(200)
      expect((await send(invoice.id, {})).status).toBe(200)
      expect((await send(invoice.id, {})).status).toBe(200)
      expect(sentMail()).toHaveLength(4)

      const unknown = await send("inv_01UNKNOWN00000000000000000", {})
      expect([unknown.status, unknown.data.type]).toEqual([404, "not_found"])
      const badKey = await send(invoice.id, { idempotency_key: "" })
      expect([badKey.status, badKey.data.type]).toEqual([400, "invalid_data"])
      expect(badKey.data.message).toMatch(/idempotency_key/)
      expect(sentMail()).toHaveLength(4)
    })

    it("the signed link downloads that PDF without logging in; tampered, expired, malformed links and links rewritten to another document are refused", async () => {
      const { invoice } = await invoiced("david")
      const { invoice: other } = await invoiced("emma")
      const original = (await download(`/admin/invoices/${invoice.id}/pdf`)).body
      await download(`/admin/invoices/${invoice.id}/pdf?copy=1`)
      expect((await send(invoice.id, { idempotency_key: "link" })).status).toBe(200)
      const link = new URL(sentMail()[0].data.download_url)
      const token = link.pathname.split("/").pop()!

      // No session, no token, no publishable key: the link is the credential.
      const ok = await download(link.pathname, {})
      expect([ok.status, ok.type, ok.disposition]).toEqual([200, "application/pdf", `attachment; filename="${invoice.number}.pdf"`])
      expect(ok.body.equals(original)).toBe(true)

      const refused = async (t: string, message: RegExp) => {
        const res = await download(`/invoicing/documents/${t}`, {})
        expect(res.status).toBe(403)
        expect(res.type).toMatch(/application\/json/)
        expect(isPdf(res.body)).toBe(false)
        expect(res.json.message).toMatch(message)
      }
      const badSignature = /^This download link is not valid: its signature does not match\.$/
      await refused(rewritePayload(token, ([v, , c, e]) => [v, other.id, c, e]), badSignature)
      await refused(rewritePayload(token, ([v, i, , e]) => [v, i, "1", e]), badSignature)
      await refused(rewritePayload(token, ([v, i, c, e]) => [v, i, c, String(Number(e) + 365 * 86_400)]), badSignature)
      const [payload, signature] = token.split(".")
      await refused(`${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`, badSignature)

      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      // The link settings (lifetime, public URL) are read from the invoicing module's declaration: it is found under its name.
      expect(config.modules?.invoicing).toMatchObject({ options: expect.any(Object) })
      const { http } = config.projectConfig
      const secret = deriveSignedLinkSecret(http.jwtSecret as string)
      const expired = signDocumentToken(secret, { invoice_id: invoice.id, copy: 0 }, new Date(Date.now() - 1000))
      await refused(expired, /^This download link expired on .+; ask for the document to be sent again\.$/)
      // Signed with the app secret itself rather than the derived one: refused.
      await refused(signDocumentToken(Buffer.from(http.jwtSecret as string), { invoice_id: invoice.id, copy: 0 }, new Date(Date.now() + 60_000)), badSignature)
      for (const malformed of ["not-a-token", `${payload}.`, `${token}.x`, "x".repeat(600)]) {
        await refused(encodeURIComponent(malformed), /^This download link is not valid: it is incomplete or damaged\.$/)
      }

      // A link made for copy 1 serves copy 1, and only that.
      const copyLink = signDocumentToken(secret, { invoice_id: invoice.id, copy: 1 }, new Date(Date.now() + 60_000))
      const copy = await download(`/invoicing/documents/${copyLink}`, {})
      expect([copy.status, copy.disposition]).toEqual([200, `attachment; filename="${invoice.number}-copy-1.pdf"`])
      expect(await pdfText(copy.body)).toContain("COPY 1")
    })

    it("a customer lists and downloads only the documents billed to them; another customer's id answers 404 as an unknown one does", async () => {
      const { invoice: annaInvoice } = await invoiced("anna", "one")
      const { invoice: annaSecond } = await invoiced("anna", "two")
      const { invoice: benInvoice } = await invoiced("ben", "one")
      const anna = await customerHeaders(getContainer(), customer("anna"), store.publishable_key)
      const ben = await customerHeaders(getContainer(), customer("ben"), store.publishable_key)

      const billedTo = async (id: string) =>
        (await api.get(`/admin/invoices?invoice_account_id=${id}&limit=100`, headers)).data.invoices.map((i: any) => i.id).sort()
      const annas = await billedTo(customer("anna").id)
      expect(annas).toEqual([annaInvoice.id, annaSecond.id].sort())

      const { data: list } = await api.get("/store/invoices?limit=100", anna)
      expect(list.count).toBe(annas.length)
      expect(list.invoices.map((i: any) => i.id).sort()).toEqual(annas)
      expect(list.invoices.map((i: any) => i.id)).not.toContain(benInvoice.id)
      // Newest first, paged.
      expect(list.invoices.map((i: any) => i.number)).toEqual([annaSecond.number, annaInvoice.number])
      const page = await api.get("/store/invoices?limit=1&offset=1", anna)
      expect([page.data.count, page.data.limit, page.data.offset]).toEqual([2, 1, 1])
      expect(page.data.invoices.map((i: any) => i.id)).toEqual([annaInvoice.id])

      const { data: one } = await api.get(`/store/invoices/${annaInvoice.id}`, anna)
      expect(one.invoice).toMatchObject({
        id: annaInvoice.id,
        number: annaInvoice.number,
        total: annaInvoice.total,
        currency_code: annaInvoice.currency_code,
        payment_status: "open",
      })
      expect(one.invoice.lines.map((l: any) => l.title).sort()).toEqual(annaInvoice.lines.map((l: any) => l.title).sort())
      // The back office's grouping is not the customer's business.
      expect(one.invoice).not.toHaveProperty("group_key")
      expect(one.invoice).not.toHaveProperty("invoice_account_id")

      const pdf = await download(`/store/invoices/${annaInvoice.id}/pdf`, anna)
      expect([pdf.status, pdf.type, pdf.disposition]).toEqual([200, "application/pdf", `attachment; filename="${annaInvoice.number}.pdf"`])
      expect(pdf.body.equals((await download(`/admin/invoices/${annaInvoice.id}/pdf`)).body)).toBe(true)

      // Ben's invoice, to Anna, is exactly an unknown invoice: 404, same message shape, nothing served.
      const unknownId = "inv_01UNKNOWN00000000000000000"
      for (const [url, unknownUrl] of [
        [`/store/invoices/${benInvoice.id}`, `/store/invoices/${unknownId}`],
        [`/store/invoices/${benInvoice.id}/pdf`, `/store/invoices/${unknownId}/pdf`],
      ]) {
        const foreign = await download(url, anna)
        const unknown = await download(unknownUrl, anna)
        expect([foreign.status, foreign.json?.type]).toEqual([404, "not_found"])
        expect(foreign.json.message).toBe(unknown.json.message.replace(unknownId, benInvoice.id))
        expect(isPdf(foreign.body)).toBe(false)
      }
      // Ben sees his own.
      expect((await download(`/store/invoices/${benInvoice.id}/pdf`, ben)).status).toBe(200)
      expect((await api.get("/store/invoices", ben)).data.invoices.map((i: any) => i.id)).toContain(benInvoice.id)

      // Not logged in: 401; an admin token is not a customer's.
      for (const url of ["/store/invoices", `/store/invoices/${annaInvoice.id}`, `/store/invoices/${annaInvoice.id}/pdf`]) {
        expect((await download(url, storeHeaders(store.publishable_key))).status).toBe(401)
        expect((await download(url, { headers: { ...headers.headers, "x-publishable-api-key": store.publishable_key } })).status).toBe(401)
      }
      const badPage = await download("/store/invoices?limit=1000", anna)
      expect([badPage.status, badPage.json?.type]).toEqual([400, "invalid_data"])
    })

    it("a packing slip's PDF prints its number, order, ship-to and the goods it shipped; an unknown packing slip is 404", async () => {
      const { invoice } = await invoiced("anna")
      const displayId = invoice.orders[0].display_id
      expect(invoice.packing_slips).toHaveLength(2)
      // The shirt went out on one packing slip and the books on the other.
      for (const [shipped, other] of [["SHIRT-M", "BOOK-PB"], ["BOOK-PB", "SHIRT-M"]]) {
        const line = invoice.lines.find((l: any) => l.variant_sku === shipped)
        const slip = invoice.packing_slips.find((p: any) => p.number === line.packing_slip_number)
        const otherSlip = invoice.packing_slips.find((p: any) => p.number !== line.packing_slip_number)
        const pdf = await download(`/admin/invoicing/packing-slips/${slip.id}/pdf`)
        expect([pdf.status, pdf.type, pdf.disposition]).toEqual([200, "application/pdf", `attachment; filename="${slip.number}.pdf"`])
        const text = await pdfText(pdf.body)
        expect(text).toContain(slip.number)
        expect(text).not.toContain(otherSlip.number)
        expect(text).toContain(`#${displayId}`)
        expect(text).toContain("Atelier Martin")
        expect(text).toContain("8 Avenue des Tilleuls")
        expect(text).toContain(line.title)
        expect(text).toContain(shipped)
        expect(text).not.toContain(other)
        expect(text).not.toContain("EUR")
      }

      const unknown = await download(`/admin/invoicing/packing-slips/ps_01UNKNOWN00000000000000000/pdf`)
      expect([unknown.status, unknown.json?.type]).toEqual([404, "not_found"])
    })

    it("a pro forma PDF says PRO FORMA, renders the chosen proposed group, and posts, numbers and stores nothing", async () => {
      const { invoice: earlier } = await invoiced("emma", "one")
      const orders = [await shippedOrder("chloe"), await shippedOrder("david")]
      const { data: proposal } = await api.post("/admin/invoicing/proposals", { order_ids: orders, parameters: {} }, headers)
      expect(proposal.groups).toHaveLength(2)
      const invoicesBefore = (await api.get("/admin/invoices?limit=1", headers)).data
      const pro = (body: unknown) => file("post", "/admin/invoicing/pro-forma/pdf", headers, body)

      const first = await pro({ order_ids: orders, parameters: {} })
      expect([first.status, first.type]).toEqual([200, "application/pdf"])
      expect(first.disposition).toMatch(/^attachment; filename="pro-forma-[\w-]+\.pdf"$/)
      const firstText = await pdfText(first.body)
      const [g0, g1] = proposal.groups
      expect(firstText).toContain("PRO FORMA")
      expect(firstText).toContain(g0.bill_to.name)
      expect(firstText).not.toContain(g1.bill_to.name)
      expect(firstText).toContain("multiple")
      expect(firstText).toContain(money(g0.total, g0.currency_code))
      for (const line of g0.lines) expect(firstText).toContain(line.title)
      expect(firstText).not.toMatch(/INV-\d/)

      const second = await pro({ order_ids: orders, parameters: {}, group_key: g1.group_key })
      expect(second.status).toBe(200)
      const secondText = await pdfText(second.body)
      expect(secondText).toContain("PRO FORMA")
      expect(secondText).toContain(g1.bill_to.name)
      expect(secondText).not.toContain(g0.bill_to.name)

      const unknownGroup = await pro({ order_ids: orders, parameters: {}, group_key: "no-such-group" })
      expect([unknownGroup.status, unknownGroup.json?.type]).toEqual([404, "not_found"])
      expect(unknownGroup.json.message).toMatch(/group_key/)
      const badBody = await pro({ order_ids: [], parameters: {} })
      expect([badBody.status, badBody.json?.type]).toEqual([400, "invalid_data"])
      expect(badBody.json.message).toMatch(/order_ids/)

      // Nothing was posted: the same invoices, and the next posting takes the next number.
      const invoicesAfter = (await api.get("/admin/invoices?limit=1", headers)).data
      expect(invoicesAfter.count).toBe(invoicesBefore.count)
      const { data: posted } = await api.post("/admin/invoicing/post", { order_ids: orders, parameters: {} }, headers)
      expect(invoicesBefore.invoices[0].number).toBe(earlier.number)
      const next = Number(earlier.number.replace(/\D/g, "")) + 1
      expect(posted.invoices.map((i: any) => Number(i.number.replace(/\D/g, "")))).toEqual([next, next + 1])
    })
  },
})
