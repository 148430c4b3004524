#!/usr/bin/env node
// Browser tests of the admin pages (playwright-core + a system Chromium) against a running demo:
// ADMIN_BASE_URL=http://localhost:9000 node admin-tests/run.js   (npm run test:admin starts one itself).
// Each test saves a screenshot to docs/screenshots/. Tests run in order and share one logged-in page.
const fs = require("node:fs")
const path = require("node:path")
const { chromium } = require("playwright-core")

const BASE = (process.env.ADMIN_BASE_URL || "http://localhost:9000").replace(/\/$/, "")
const SHOTS = path.resolve(__dirname, "../docs/screenshots")
const ADMIN = { email: "admin@example.com", password: "supersecret" }
const CHROMIUM = process.env.CHROMIUM_PATH || ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => fs.existsSync(p))

const tests = []
const test = (name, fn) => tests.push({ name, fn })
const ctx = {} // shared between tests: token, ids, invoice numbers

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`)
}

async function api(pathname, init = {}) {
  const r = await fetch(`${BASE}${pathname}`, {
    ...init,
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.token}`, ...(init.headers || {}) },
  })
  const json = await r.json()
  if (!r.ok) throw new Error(`${pathname}: ${r.status} ${json.message}`)
  return json
}

const VIEWPORT = { width: 1440, height: 900 }
const MAIL_DIR = process.env.INVOICING_MAIL_DIR // where the demo's notification provider writes e-mails (set by scripts/test-admin.js)

/** A GET of the admin API as raw bytes, for PDFs. */
async function apiBytes(pathname) {
  const r = await fetch(`${BASE}${pathname}`, { headers: { authorization: `Bearer ${ctx.token}` } })
  assert(r.ok, `${pathname}: ${r.status}`)
  return { type: r.headers.get("content-type") || "", bytes: Buffer.from(await r.arrayBuffer()) }
}

const isPdf = (bytes) => bytes.subarray(0, 5).toString("latin1") === "%PDF-"

// Medusa's dashboard scrolls inside its main column, so a full-page screenshot would stop at the window's
// bottom: the window is made as tall as the longest scrolled content first. With `element`, only that is shot.
async function shot(page, name, element) {
  const height = await page.evaluate(() => {
    let hidden = 0
    // An open dialog covers the page: only its own content counts.
    for (const el of (document.querySelector('[role="dialog"]') ?? document).querySelectorAll("*")) {
      const { overflowY } = getComputedStyle(el)
      if ((overflowY === "auto" || overflowY === "scroll") && el.clientHeight > 0) hidden = Math.max(hidden, el.scrollHeight - el.clientHeight)
    }
    return window.innerHeight + hidden
  })
  if (height > VIEWPORT.height) {
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(height, 5000) })
    await page.waitForTimeout(300)
  }
  const file = path.join(SHOTS, `${name}.png`)
  await (element ? element.screenshot({ path: file }) : page.screenshot({ path: file, fullPage: true }))
  await page.setViewportSize(VIEWPORT)
}

const openSlips = (o) => o.packing_slips.filter((s) => s.lines.some((l) => l.quantity > l.invoiced_quantity))

/** The order numbers ("#12") of the orders tab's current page. */
const orderNumbersShown = (page) => page.locator("table tbody tr td:nth-child(2)").allInnerTexts()

/** The orders tab's row of an order ("#2", not "#23"). */
const orderRow = (page, displayId) => page.locator("table tbody tr").filter({ has: page.getByText(`#${displayId}`, { exact: true }) }).first()

/** Selects orders in the orders tab by searching each one (the selection is kept across searches). */
async function selectOrders(page, orders) {
  const search = page.getByPlaceholder("Order number or e-mail")
  for (const o of orders) {
    await search.fill(String(o.display_id))
    const row = orderRow(page, o.display_id)
    await row.waitFor({ timeout: 30_000 })
    await page.waitForTimeout(400) // the search is debounced
    await orderRow(page, o.display_id).getByRole("checkbox").click()
  }
}

/**
 * Clicks a button that opens a PDF in a new tab; returns the PDF the page received. The response passes
 * through a route so its bytes can be read (the browser hands them to the page as a blob).
 */
async function pdfFromButton(page, button, urlPart) {
  const matches = (url) => url.href.includes(urlPart)
  let received = null
  await page.route(matches, async (route) => {
    const response = await route.fetch()
    const bytes = await response.body()
    received = { status: response.status(), type: response.headers()["content-type"] || "", bytes }
    await route.fulfill({ response, body: bytes })
  })
  try {
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.waitForResponse((r) => matches(new URL(r.url())), { timeout: 60_000 }),
      button.click(),
    ])
    await popup.close().catch(() => {})
  } finally {
    await page.unroute(matches)
  }
  const { status, type, bytes } = received
  return { bytes, pdf: status === 200 && type.includes("application/pdf") && isPdf(bytes), seen: `${status} ${type}, ${bytes.length} bytes starting ${JSON.stringify(bytes.subarray(0, 8).toString("latin1"))}` }
}

const seriesRow = (page, code) => page.locator(`[data-testid="series"][data-code="${code}"]`)
const mailFolders = () => (fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR) : [])

test("log in", async (page) => {
  const r = await fetch(`${BASE}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })
  ctx.token = (await r.json()).token
  assert(ctx.token, "an admin token")
  await page.goto(`${BASE}/app/login`)
  await page.locator('input[name="email"]').fill(ADMIN.email)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.getByRole("button", { name: "Continue" }).click()
  await page.waitForURL((u) => !u.pathname.endsWith("/login"), { timeout: 60_000 })
  await page.goto(`${BASE}/app/invoicing`)
  await page.getByRole("heading", { name: "Invoicing" }).first().waitFor({ timeout: 120_000 })
  await page.locator("table tbody tr").first().waitFor({ timeout: 60_000 })
  await shot(page, "01-shipped-not-invoiced")
})

test("seller details saved in Settings are kept: they are there again after a reload", async (page) => {
  const seller = {
    name: "Maison Verte SARL",
    address: ["12 rue des Lilas", "75011 Paris", "France"],
    vat: "FR12345678901",
    email: "billing@maison-verte.example",
    phone: "+33 1 23 45 67 89",
    footer: "IBAN FR76 3000 6000 0112 3456 7890 189 · Payment within 30 days",
  }
  await page.goto(`${BASE}/app/invoicing?tab=settings`)
  await page.locator('input[name="seller-name"]').waitFor({ timeout: 60_000 })
  await page.locator('input[name="seller-name"]').fill(seller.name)
  await page.locator('textarea[name="seller-address"]').fill(seller.address.join("\n"))
  await page.locator('input[name="seller-vat"]').fill(seller.vat)
  await page.locator('input[name="seller-email"]').fill(seller.email)
  await page.locator('input[name="seller-phone"]').fill(seller.phone)
  await page.locator('input[name="seller-footer"]').fill(seller.footer)
  await page.getByTestId("save-settings").click()
  await page.getByText("Settings saved").first().waitFor({ timeout: 30_000 })
  await page.reload()
  await page.locator('input[name="seller-name"]').waitFor({ timeout: 60_000 })
  assert((await page.locator('input[name="seller-name"]').inputValue()) === seller.name, "the name after a reload")
  assert((await page.locator('textarea[name="seller-address"]').inputValue()) === seller.address.join("\n"), "the address after a reload")
  assert((await page.locator('input[name="seller-vat"]').inputValue()) === seller.vat, "the VAT number after a reload")
  assert((await page.locator('input[name="seller-footer"]').inputValue()) === seller.footer, "the footer after a reload")
  const { settings } = await api("/admin/invoicing/settings")
  assert(
    settings.seller?.name === seller.name && settings.seller.address_lines.join("|") === seller.address.join("|") && settings.seller.email === seller.email && settings.seller.phone === seller.phone,
    `the API holds the seller details: ${JSON.stringify(settings.seller)}`
  )
  await shot(page, "14-settings-seller-saved")
})

test("invoice an order with two packing slips from its order page", async (page) => {
  const { orders } = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=200")
  ctx.account = (await api("/admin/invoices?limit=1")) && null
  const accounts = new Map()
  for (const o of orders) accounts.set(o.invoice_account_id, (accounts.get(o.invoice_account_id) || 0) + 1)
  // Keep the account with the most orders for the Arrange test.
  ctx.accountId = [...accounts].sort((a, b) => b[1] - a[1])[0][0]
  const order = orders.find((o) => openSlips(o).length === 2 && o.invoice_account_id !== ctx.accountId)
  assert(order, "an order with two open packing slips")
  await page.goto(`${BASE}/app/orders/${order.id}`)
  const widget = page.getByTestId("order-invoicing")
  await widget.getByTestId("packing-slip").nth(1).waitFor({ timeout: 60_000 })
  await widget.getByTestId("order-invoice").click()
  const dialog = page.getByTestId("posting-dialog")
  await dialog.getByTestId("proposed-group").first().waitFor({ timeout: 60_000 })
  assert((await dialog.getByTestId("group-packing-slip").first().innerText()) === "multiple", "the proposal shows packing slip `multiple`")
  await shot(page, "02-posting-dialog-order")
  await dialog.getByTestId("post").click()
  const link = dialog.getByTestId("new-invoice").first()
  await link.waitFor({ timeout: 60_000 })
  ctx.invoiceNumber = await link.innerText()
  assert(/^INV-\d+$/.test(ctx.invoiceNumber), `a new invoice number (${ctx.invoiceNumber})`)
  assert((await dialog.getByTestId("result-packing-slip").first().innerText()) === "multiple", "the posted invoice shows `multiple`")
  await shot(page, "03-posted-from-order")
  await page.keyboard.press("Escape")
  await page.getByTestId("posting-dialog").waitFor({ state: "hidden" })
  await page.getByTestId("order-invoice-row").first().waitFor({ timeout: 30_000 })
  assert((await page.getByTestId("order-invoice-row").first().innerText()).includes(ctx.invoiceNumber), "the order widget lists the invoice")
  await shot(page, "04-order-widget", page.getByTestId("order-invoicing"))
  const { invoices } = await api(`/admin/invoices?order_id=${order.id}`)
  ctx.invoiceId = invoices.find((i) => i.number === ctx.invoiceNumber).id
})

test("select three orders of one invoice account, Arrange by invoice account, post one invoice", async (page) => {
  const { orders } = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=200")
  const three = orders.filter((o) => o.invoice_account_id === ctx.accountId && o.currency_code === orders.find((x) => x.invoice_account_id === ctx.accountId).currency_code).slice(0, 3)
  assert(three.length === 3, `three orders of account ${ctx.accountId}`)
  await page.goto(`${BASE}/app/invoicing`)
  await selectOrders(page, three)
  await page.getByTestId("invoice-selected").click()
  const dialog = page.getByTestId("posting-dialog")
  await dialog.getByTestId("proposed-group").first().waitFor({ timeout: 60_000 })
  await dialog.getByTestId("summary-update").click()
  await page.getByRole("option", { name: "Invoice account" }).click()
  await dialog.getByTestId("arrange").click()
  await dialog.getByText("1 proposed invoice(s)").waitFor({ timeout: 60_000 })
  await dialog.locator('[data-testid="post"]:not([disabled])').waitFor({ timeout: 60_000 })
  assert((await dialog.getByTestId("proposed-group").count()) === 1, "one proposed invoice")
  await shot(page, "05-arrange-invoice-account")
  await dialog.getByTestId("post").click()
  await dialog.getByTestId("new-invoice").first().waitFor({ timeout: 60_000 })
  assert((await dialog.getByTestId("new-invoice").count()) === 1, "one invoice posted")
  await shot(page, "06-posted-combined")
  await page.keyboard.press("Escape")
})

test("posting a proposal whose order was invoiced meanwhile shows the 409 and its changes", async (page) => {
  const { orders } = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=200")
  const order = orders.find((o) => o.invoice_account_id !== ctx.accountId)
  assert(order, "an order to invoice")
  await page.goto(`${BASE}/app/orders/${order.id}`)
  await page.getByTestId("order-invoicing").getByTestId("packing-slip").first().waitFor({ timeout: 60_000 })
  await page.getByTestId("order-invoice").click()
  const dialog = page.getByTestId("posting-dialog")
  await dialog.getByTestId("proposed-group").first().waitFor({ timeout: 60_000 })
  await api("/admin/invoicing/post", { method: "POST", body: JSON.stringify({ order_ids: [order.id], parameters: {} }) }) // someone else posts it
  await dialog.getByTestId("post").click()
  const error = dialog.getByTestId("post-error")
  await error.waitFor({ timeout: 30_000 })
  const text = await error.innerText()
  assert(/changed/i.test(text) && text.includes(`#${order.display_id}`), `the 409 message and the change of order #${order.display_id}: ${text}`)
  await shot(page, "13-post-409-changes")
  await page.keyboard.press("Escape")
  await page.getByTestId("posting-dialog").waitFor({ state: "hidden" })
})

test("the orders list pages: the next page shows the next orders", async (page) => {
  const first = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=20&offset=0")
  const second = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=20&offset=20")
  assert(first.count > 20, `the demo has more than one page of orders shipped not invoiced (${first.count})`)
  await page.goto(`${BASE}/app/invoicing`)
  await page.locator("table tbody tr").first().waitFor({ timeout: 60_000 })
  const pageOne = await orderNumbersShown(page)
  assert(pageOne.join() === first.orders.map((o) => `#${o.display_id}`).join(), `page 1 shows the first 20 orders: ${pageOne.join(" ")}`)
  await page.getByRole("button", { name: "Next", exact: true }).click()
  await page.locator("table tbody tr td:nth-child(2)").getByText(`#${second.orders[0].display_id}`, { exact: true }).waitFor({ timeout: 30_000 })
  const pageTwo = await orderNumbersShown(page)
  assert(pageTwo.join() === second.orders.map((o) => `#${o.display_id}`).join(), `page 2 shows the next orders: ${pageTwo.join(" ")}`)
  assert(!pageTwo.some((n) => pageOne.includes(n)), "no order is on both pages")
  await page.getByText(`of ${first.count} results`).waitFor()
  await shot(page, "15-orders-page-2")
})

test("a pro forma gives a PDF and consumes nothing: no number taken, the order still shipped not invoiced", async (page) => {
  const { orders } = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=200")
  const order = orders.find((o) => o.invoice_account_id !== ctx.accountId)
  assert(order, "an order to invoice")
  const seriesBefore = (await api("/admin/invoicing/number-series")).number_series.find((s) => s.code === "invoice")
  await page.goto(`${BASE}/app/invoicing`)
  await selectOrders(page, [order])
  await page.getByTestId("invoice-selected").click()
  const dialog = page.getByTestId("posting-dialog")
  await dialog.getByTestId("proposed-group").first().waitFor({ timeout: 60_000 })
  await dialog.getByTestId("pro-forma").click()
  await dialog.getByText("1 pro forma(s)").waitFor({ timeout: 60_000 })
  assert((await dialog.getByTestId("new-invoice").count()) === 0, "a pro forma has no invoice number")
  const pdf = await pdfFromButton(page, dialog.getByTestId("pro-forma-pdf").first(), "/admin/invoicing/pro-forma/pdf")
  assert(pdf.pdf, `the pro forma is a PDF (${pdf.seen})`)
  await shot(page, "16-pro-forma")
  await page.keyboard.press("Escape")
  await page.getByTestId("posting-dialog").waitFor({ state: "hidden" })
  // Nothing consumed: the order is still listed with the same packing slips open, and no number was taken.
  await page.getByPlaceholder("Order number or e-mail").fill(String(order.display_id))
  await orderRow(page, order.display_id).waitFor({ timeout: 30_000 })
  const after = (await api(`/admin/invoicing/orders?status=shipped_not_invoiced&q=${order.display_id}`)).orders.find((o) => o.id === order.id)
  assert(after && JSON.stringify(openSlips(after)) === JSON.stringify(openSlips(order)), "the order is still shipped not invoiced, unchanged")
  assert((await api(`/admin/invoices?order_id=${order.id}`)).invoices.length === 0, "no invoice of the order")
  const seriesAfter = (await api("/admin/invoicing/number-series")).number_series.find((s) => s.code === "invoice")
  assert(seriesAfter.next_value === seriesBefore.next_value, `the invoice series did not move (${seriesBefore.next_value} → ${seriesAfter.next_value})`)
})

test("a number series can be set until it issues its first number; a used series is read-only", async (page) => {
  await page.goto(`${BASE}/app/invoicing?tab=settings`)
  const invoices = seriesRow(page, "invoice")
  await invoices.waitFor({ timeout: 60_000 })
  // Invoices were posted by the tests above: the invoice series is fixed.
  assert((await invoices.getByTestId("series-state").innerText()) === "In use", "the invoice series is in use")
  assert((await invoices.locator("input").count()) === 0, "the invoice series has no inputs")
  assert((await invoices.getByTestId("series-read-only").innerText()).includes("Read-only"), "the invoice series says why it is read-only")
  const refused = await fetch(`${BASE}/admin/invoicing/number-series/invoice`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.token}` },
    body: JSON.stringify({ prefix: "X-" }),
  })
  assert(refused.status === 400 && /prefix/.test((await refused.json()).message), "the API refuses to change a used series, naming the field")

  const credit = seriesRow(page, "credit_note")
  assert((await credit.getByTestId("series-state").innerText()) === "Not used yet", "the credit note series is not used yet")
  const before = await credit.getByTestId("series-example").innerText()
  // A prefix that could print the invoices' numbers is refused by the API; its message is shown on the row.
  await credit.locator('input[name="series-prefix"]').fill("INV-")
  await credit.getByTestId("series-save").click()
  const error = page.getByTestId("number-series").getByTestId("error")
  await error.waitFor({ timeout: 30_000 })
  assert(/^prefix: .*invoice series/.test(await error.innerText()), `the API's refusal is shown: ${await error.innerText()}`)
  const series = { prefix: "CR-2026-", padding: 4, next_value: 501 }
  ctx.creditNoteNumber = `${series.prefix}${String(series.next_value).padStart(series.padding, "0")}`
  await credit.locator('input[name="series-prefix"]').fill(series.prefix)
  await credit.locator('input[name="series-padding"]').fill(String(series.padding))
  await credit.locator('input[name="series-next"]').fill(String(series.next_value))
  await credit.getByTestId("series-save").click()
  await credit.getByTestId("series-example").getByText(ctx.creditNoteNumber, { exact: true }).waitFor({ timeout: 30_000 })
  assert(before !== ctx.creditNoteNumber, `the example changed (${before} → ${ctx.creditNoteNumber})`)
  const saved = (await api("/admin/invoicing/number-series")).number_series.find((s) => s.code === "credit_note")
  assert(
    saved.prefix === series.prefix && saved.padding === series.padding && saved.next_value === series.next_value && saved.example === ctx.creditNoteNumber,
    `the API holds the credit note series: ${JSON.stringify(saved)}`
  )
  await page.reload()
  await seriesRow(page, "credit_note").waitFor({ timeout: 60_000 })
  assert((await seriesRow(page, "credit_note").locator('input[name="series-prefix"]').inputValue()) === series.prefix, "the prefix after a reload")
  await page.getByTestId("number-series").scrollIntoViewIfNeeded()
  await shot(page, "17-number-series")
})

test("record a payment", async (page) => {
  await page.goto(`${BASE}/app/invoicing/${ctx.invoiceId}`)
  await page.getByTestId("invoice-number").waitFor({ timeout: 60_000 })
  await page.locator('input[name="payment-amount"]').fill("10")
  await page.getByTestId("record-payment").click()
  await page.getByTestId("payment").first().waitFor({ timeout: 30_000 })
  const { invoice } = await api(`/admin/invoices/${ctx.invoiceId}`)
  assert(invoice.amount_paid === 10 && invoice.payment_status === "partially_paid", "the invoice is partially paid")
  await shot(page, "07-invoice-payment")
})

test("create a credit note", async (page) => {
  await page.getByTestId("credit-line").first().getByRole("checkbox").click()
  await page.locator('input[name="credit-reason"]').fill("Returned damaged")
  await page.getByTestId("create-credit-note").click()
  await page.getByTestId("credit-note").first().waitFor({ timeout: 30_000 })
  const number = await page.getByTestId("credit-note").first().locator("a").innerText()
  assert(number === ctx.creditNoteNumber, `the credit note takes the first number of its series as set in Settings (${number}, expected ${ctx.creditNoteNumber})`)
  await shot(page, "08-invoice-credit-note")
})

test("the invoice page downloads the stored original and a copy as PDF", async (page) => {
  await page.goto(`${BASE}/app/invoicing/${ctx.invoiceId}`)
  await page.getByTestId("invoice-number").waitFor({ timeout: 60_000 })
  const original = await pdfFromButton(page, page.getByTestId("pdf-original"), `/admin/invoices/${ctx.invoiceId}/pdf`)
  assert(original.pdf, `the original is a PDF (${original.seen})`)
  const copy = await pdfFromButton(page, page.getByTestId("pdf-copy-1"), `/admin/invoices/${ctx.invoiceId}/pdf?copy=1`)
  assert(copy.pdf, `copy 1 is a PDF (${copy.seen})`)
  assert(!copy.bytes.equals(original.bytes), "the copy is another document than the original (marked COPY 1)")
  // A posted document is stored on its first download: the next download is the same file.
  const again = await apiBytes(`/admin/invoices/${ctx.invoiceId}/pdf`)
  assert(again.bytes.equals(original.bytes), "the original downloads the same stored file again")
  await page.reload()
  await page.getByTestId("invoice-number").waitFor({ timeout: 60_000 })
  const label = await page.getByTestId("pdf-original").innerText()
  assert(/stored/.test(label), `the page shows the original as stored once downloaded (${label})`)
  await page.getByTestId("pdf-original").scrollIntoViewIfNeeded()
  await shot(page, "18-invoice-documents")
})

test("Send again e-mails the original to the invoice account", async (page) => {
  await page.goto(`${BASE}/app/invoicing/${ctx.invoiceId}`)
  await page.getByTestId("invoice-number").waitFor({ timeout: 60_000 })
  const before = new Set(mailFolders())
  await page.getByTestId("send-again").click()
  const toast = page.getByText(/^Sent to \S+@\S+/).first()
  await toast.waitFor({ timeout: 60_000 })
  const to = (await toast.innerText()).replace(/^Sent to /, "").trim()
  await shot(page, "19-send-again")
  if (!MAIL_DIR) return // a demo started elsewhere: its mail folder is unknown
  let message = null
  for (let i = 0; i < 60 && !message; i++) {
    const folder = mailFolders().find((f) => !before.has(f) && fs.existsSync(path.join(MAIL_DIR, f, "message.json")))
    if (folder) message = { folder, ...JSON.parse(fs.readFileSync(path.join(MAIL_DIR, folder, "message.json"), "utf8")) }
    else await page.waitForTimeout(500)
  }
  assert(message, `a new e-mail in ${MAIL_DIR}`)
  assert(message.to === to, `the e-mail goes to ${to} (${message.to})`)
  const attachment = message.attachments.find((a) => a.content_type === "application/pdf" || /\.pdf$/.test(a.filename))
  assert(attachment && isPdf(fs.readFileSync(path.join(MAIL_DIR, message.folder, attachment.file))), "the e-mail carries the invoice PDF")
})

test("create a daily schedule and run it now; progress reaches 100 %", async (page) => {
  await page.goto(`${BASE}/app/invoicing?tab=batch`)
  await page.getByTestId("new-schedule").click()
  await page.locator('input[name="schedule-name"]').fill("Nightly, everything shipped")
  await page.getByTestId("save-schedule").click()
  const schedule = page.getByTestId("schedule").filter({ hasText: "Nightly, everything shipped" })
  await schedule.waitFor({ timeout: 30_000 })
  assert((await schedule.innerText()).includes("every day"), "a daily schedule")
  await schedule.getByTestId("run-now").click()
  const run = page.getByTestId("run").first()
  await run.waitFor({ timeout: 30_000 })
  await page.locator('[data-testid="run"][data-status="succeeded"], [data-testid="run"][data-status="partially_failed"]').first().waitFor({ timeout: 180_000 })
  assert((await run.getByTestId("run-progress").getAttribute("data-progress")) === "100", "progress 100 %")
  await run.getByRole("button", { name: "Details" }).click()
  await run.getByText(/^INV-\d+ · \d+ orders?$/).first().waitFor({ timeout: 30_000 })
  await shot(page, "09-batch-run")
})

test("a paused schedule has no next run; resuming plans the next one", async (page) => {
  const { schedules } = await api("/admin/invoicing/schedules")
  const { id } = schedules.find((s) => s.name === "Nightly, everything shipped")
  await page.goto(`${BASE}/app/invoicing?tab=batch`)
  const schedule = page.getByTestId("schedule").filter({ hasText: "Nightly, everything shipped" })
  await schedule.waitFor({ timeout: 60_000 })
  await schedule.getByTestId("schedule-enabled").click()
  await schedule.getByTestId("schedule-state").getByText("Paused", { exact: true }).waitFor({ timeout: 30_000 })
  await schedule.getByTestId("next-run").getByText("paused", { exact: true }).waitFor({ timeout: 30_000 })
  const paused = (await api(`/admin/invoicing/schedules/${id}`)).schedule
  assert(paused.enabled === false && paused.next_run_at === null, `the API holds the schedule paused: ${paused.enabled} ${paused.next_run_at}`)
  await shot(page, "20-schedule-paused")
  await schedule.getByTestId("schedule-enabled").click()
  await schedule.getByTestId("schedule-state").getByText("Enabled", { exact: true }).waitFor({ timeout: 30_000 })
  await schedule.getByTestId("next-run").getByText(/\d{4}, \d{2}:\d{2}/).waitFor({ timeout: 30_000 })
  const resumed = (await api(`/admin/invoicing/schedules/${id}`)).schedule
  assert(resumed.enabled && new Date(resumed.next_run_at) > new Date(), `resumed, the next run is ahead: ${resumed.next_run_at}`)
  await shot(page, "21-schedule-resumed")
})

test("customer page: the open balance as money, and the invoice account a customer is billed to by name", async (page) => {
  await page.goto(`${BASE}/app/customers/${ctx.accountId}`)
  const widget = page.getByTestId("customer-invoicing")
  await widget.getByTestId("balance").first().waitFor({ timeout: 60_000 })
  const { balances } = await api(`/admin/invoicing/accounts/${ctx.accountId}`)
  const open = await widget.getByTestId("open-balance").first().innerText()
  assert(balances[0].open_balance > 0 && open === `€${balances[0].open_balance.toLocaleString("en-US", { minimumFractionDigits: 2 })}`, `the open balance as money (${open})`)
  await shot(page, "12-customer-widget", widget)
  // A customer billed to another names the invoice account their invoices go to.
  const { customers } = await api("/admin/customers?limit=50&fields=id")
  let billed = null
  for (const c of customers) {
    const { invoicing_profile: p } = await api(`/admin/invoicing/accounts/${c.id}`)
    if (p.billed_to !== c.id) billed = p
  }
  assert(billed, "a demo customer billed to another")
  const [invoice] = (await api(`/admin/invoices?invoice_account_id=${billed.billed_to}&limit=1`)).invoices
  await page.goto(`${BASE}/app/customers/${billed.customer_id}`)
  const billedTo = page.getByTestId("billed-to")
  await billedTo.getByText(invoice.invoice_account_name, { exact: true }).waitFor({ timeout: 60_000 })
})

test("an invoicing profile edited on the customer page is saved", async (page) => {
  const { orders } = await api("/admin/invoicing/orders?status=uninvoiced&limit=200")
  const order = orders.find((o) => o.customer_id && o.customer_id !== ctx.accountId && o.invoice_account_id === o.customer_id)
  assert(order, "a customer billed to themselves")
  const customerId = order.customer_id
  const profile = { payment_terms_days: "45", credit_limit: "2500", credit_limit_currency_code: "eur" }
  await page.goto(`${BASE}/app/customers/${customerId}`)
  const widget = page.getByTestId("customer-invoicing")
  await widget.locator('input[name="payment_terms_days"]').waitFor({ timeout: 60_000 })
  for (const [name, value] of Object.entries(profile)) await widget.locator(`input[name="${name}"]`).fill(value)
  await widget.getByTestId("save-profile").click()
  await page.getByText("Invoicing profile saved").first().waitFor({ timeout: 30_000 })
  await page.reload()
  await widget.locator('input[name="payment_terms_days"]').waitFor({ timeout: 60_000 })
  for (const [name, value] of Object.entries(profile)) {
    assert((await widget.locator(`input[name="${name}"]`).inputValue()) === value, `${name} is ${value} after a reload`)
  }
  const { invoicing_profile: p } = await api(`/admin/invoicing/accounts/${customerId}`)
  assert(p.payment_terms_days === 45 && p.credit_limit === 2500 && p.credit_limit_currency_code === "eur", `the API holds the profile: ${JSON.stringify(p)}`)
  await shot(page, "22-customer-profile-saved", widget)
})

test("invoices list and settings", async (page) => {
  await page.goto(`${BASE}/app/invoicing?tab=invoices`)
  await page.locator("table tbody tr").first().waitFor({ timeout: 30_000 })
  await shot(page, "10-invoices")
  await page.getByPlaceholder("Number").fill(ctx.invoiceNumber)
  await page.locator("table tbody tr", { hasText: ctx.invoiceNumber }).first().waitFor({ timeout: 30_000 })
  await page.goto(`${BASE}/app/invoicing?tab=settings`)
  await page.getByText("Print management defaults").waitFor({ timeout: 30_000 })
  await shot(page, "11-settings")
})

async function main() {
  assert(CHROMIUM, "a Chromium (set CHROMIUM_PATH)")
  fs.mkdirSync(SHOTS, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  const page = await browser.newPage({ viewport: VIEWPORT })
  page.setDefaultTimeout(30_000)
  let failed = 0
  let ran = 0
  const started = Date.now()
  for (const t of tests) {
    const t0 = Date.now()
    ran++
    try {
      await t.fn(page)
      console.log(`  ✓ ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
    } catch (error) {
      failed++
      console.log(`  ✗ ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n    ${error.message.split("\n").join("\n    ")}`)
      await page.screenshot({ path: path.join(SHOTS, `failed-${tests.indexOf(t) + 1}.png`), fullPage: true }).catch(() => {})
      if (tests.indexOf(t) === 0) break // nothing else can run without a login
    }
  }
  await browser.close()
  console.log(`${ran - failed} passed, ${failed} failed, ${tests.length - ran} not run, ${((Date.now() - started) / 1000).toFixed(1)} s`)
  process.exitCode = failed ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
