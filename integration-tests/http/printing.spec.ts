import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, shipOrder, type StoreFixture } from "../../seed/store"
import { type AdminHeaders, storeWithAdmin } from "../helpers/store-suite"
import { eventually, lineIds } from "../helpers/invoicing"

// E-mails go to this folder (see medusa-config.ts); set before the runner boots the app.
const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-mail-"))
process.env.INVOICING_MAIL_DIR = MAIL_DIR

jest.setTimeout(240_000)

/** The messages written so far, oldest first, with their attachments' bytes. */
function sentMail() {
  return fs
    .readdirSync(MAIL_DIR)
    .sort()
    .map((folder) => {
      const message = JSON.parse(fs.readFileSync(path.join(MAIL_DIR, folder, "message.json"), "utf8"))
      const files = message.attachments.map((a: any) => fs.readFileSync(path.join(MAIL_DIR, folder, a.file)))
      return { ...message, files }
    })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: StoreFixture
    let headers: AdminHeaders
    beforeAll(async () => ({ store, headers } = await storeWithAdmin(getContainer())))
    beforeEach(() => {
      for (const entry of fs.readdirSync(MAIL_DIR)) fs.rmSync(path.join(MAIL_DIR, entry), { recursive: true })
    })

    const customer = (name: string) => store.customers.find((c) => c.email.startsWith(`${name}.`))!
    const send = (p: string, body: unknown) => api.post(p, body, headers).catch((e) => e.response)
    const storedDocuments = async () =>
      (await dbConnection.raw(`select i.number, d.copy from invoicing_document d join invoicing_invoice i on i.id = d.invoice_id order by 1, 2`)).rows.map(
        (r: any) => `${r.number}#${r.copy}`
      )

    async function shippedOrder(name: string) {
      const container = getContainer()
      const variant = store.variants.find((v) => v.sku === "SCARF-GREY")!.id
      const orderId = await placeOrder(container, store, { customer_id: customer(name).id, items: [{ variant_id: variant, quantity: 1 }] })
      const line = (await lineIds(container, orderId))["SCARF-GREY"]
      await shipOrder(container, orderId, [[{ line_item_id: line, quantity: 1 }]])
      return orderId
    }

    it("settings keep the seller details and print management defaults, and refuse a logo that is not a data URI", async () => {
      const { data: defaults } = await api.get("/admin/invoicing/settings", headers)
      expect(defaults.settings).toEqual({ seller: null, copies: 0, store_documents: true, email_invoices: false })
      const seller = { name: "Maison Lumière", address_lines: ["1 Rue de la Paix", "75002 Paris"], vat_number: "FR123", logo_data_uri: "data:image/png;base64,iVBORw0KGgo=" }
      const { data } = await send("/admin/invoicing/settings", { seller, copies: 1, email_invoices: true })
      expect(data.settings).toEqual({ seller: { ...seller }, copies: 1, store_documents: true, email_invoices: true })
      const remote = await send("/admin/invoicing/settings", { seller: { ...seller, logo_data_uri: "https://example.com/logo.png" } })
      expect([remote.status, remote.data.message]).toEqual([400, expect.stringMatching(/logo_data_uri/)])
      expect((await api.get("/admin/invoicing/settings", headers)).data.settings.seller.logo_data_uri).toBe(seller.logo_data_uri)
    })

    it("posting with print management stores the original and its copies and e-mails the original, after the posting in number order", async () => {
      await send("/admin/invoicing/settings", { seller: { name: "Maison Lumière", address_lines: [] }, copies: 1, email_invoices: true })
      // Ben's profile prints no copy and is not e-mailed.
      await send(`/admin/invoicing/accounts/${customer("ben").id}`, { copies: 0, email_invoices: false })
      const orders = [await shippedOrder("anna"), await shippedOrder("ben"), await shippedOrder("chloe")]
      const print = { invoice: true, use_print_management: true, mode: "after" }
      const { data } = await send("/admin/invoicing/post", { order_ids: orders, parameters: { print } })
      expect(data.invoices.map((i: any) => i.number)).toEqual(["INV-000001", "INV-000002", "INV-000003"])

      await eventually(async () => (await storedDocuments()).length === 5 && sentMail().length === 2, 60_000)
      expect(await storedDocuments()).toEqual(["INV-000001#0", "INV-000001#1", "INV-000002#0", "INV-000003#0", "INV-000003#1"])
      // The invoice page lists the stored documents: the original and its copy.
      const { data: shown } = await api.get(`/admin/invoices/${data.invoices[0].id}`, headers)
      expect(shown.documents.map((d: any) => d.copy)).toEqual([0, 1])
      const mail = sentMail()
      expect(mail.map((m) => [m.to, m.content.subject])).toEqual([
        [customer("anna").email, "Invoice INV-000001"],
        [customer("chloe").email, "Invoice INV-000003"],
      ])
      expect(mail[0].attachments).toEqual([{ filename: "INV-000001.pdf", content_type: "application/pdf", file: "attachment-1.pdf" }])
      expect(mail[0].files[0].subarray(0, 5).toString()).toBe("%PDF-")
    })

    it("posting without print.invoice, or a pro forma, renders, stores and sends nothing", async () => {
      await send("/admin/invoicing/settings", { email_invoices: true, copies: 2 })
      const order = await shippedOrder("anna")
      const print = { invoice: true, use_print_management: true, mode: "current" }
      await send("/admin/invoicing/post", { order_ids: [order], parameters: { print, posting: false } })
      await send("/admin/invoicing/post", { order_ids: [order], parameters: { print: { ...print, invoice: false } } })
      // A later posting that does print proves the subscriber ran; the earlier ones left nothing behind.
      const other = await shippedOrder("chloe")
      await send("/admin/invoicing/post", { order_ids: [other], parameters: { print } })
      await eventually(async () => sentMail().length === 1, 60_000)
      expect(await storedDocuments()).toEqual(["INV-000002#0", "INV-000002#1", "INV-000002#2"])
      expect(sentMail().map((m) => m.content.subject)).toEqual(["Invoice INV-000002"])
    })
  },
})
