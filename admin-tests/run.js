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

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
const openSlips = (o) => o.packing_slips.filter((s) => s.lines.some((l) => l.quantity > l.invoiced_quantity))

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
  await page.getByTestId("order-invoicing").scrollIntoViewIfNeeded()
  assert((await page.getByTestId("order-invoice-row").first().innerText()).includes(ctx.invoiceNumber), "the order widget lists the invoice")
  await shot(page, "04-order-widget")
  const { invoices } = await api(`/admin/invoices?order_id=${order.id}`)
  ctx.invoiceId = invoices.find((i) => i.number === ctx.invoiceNumber).id
})

test("select three orders of one invoice account, Arrange by invoice account, post one invoice", async (page) => {
  const { orders } = await api("/admin/invoicing/orders?status=shipped_not_invoiced&limit=200")
  const three = orders.filter((o) => o.invoice_account_id === ctx.accountId && o.currency_code === orders.find((x) => x.invoice_account_id === ctx.accountId).currency_code).slice(0, 3)
  assert(three.length === 3, `three orders of account ${ctx.accountId}`)
  await page.goto(`${BASE}/app/invoicing`)
  const search = page.getByPlaceholder("Order number or e-mail")
  for (const o of three) {
    await search.fill(String(o.display_id))
    const row = page.locator("table tbody tr", { hasText: `#${o.display_id}` }).first()
    await row.waitFor({ timeout: 30_000 })
    await page.waitForTimeout(400) // the search is debounced
    await page.locator("table tbody tr", { hasText: `#${o.display_id}` }).first().getByRole("checkbox").click()
  }
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
  assert(/^CN-\d+$/.test(await page.getByTestId("credit-note").first().locator("a").innerText()), "a credit note number")
  await shot(page, "08-invoice-credit-note")
})

test("create a daily schedule and run it now; progress reaches 100 %", async (page) => {
  await page.goto(`${BASE}/app/invoicing?tab=batch`)
  await page.getByTestId("new-schedule").click()
  await page.locator('input[name="schedule-name"]').fill("Nightly, everything shipped")
  await page.getByTestId("save-schedule").click()
  const schedule = page.getByTestId("schedule").filter({ hasText: "Nightly, everything shipped" })
  await schedule.waitFor({ timeout: 30_000 })
  assert((await schedule.innerText()).includes("every 1 days"), "a daily schedule")
  await schedule.getByTestId("run-now").click()
  const run = page.getByTestId("run").first()
  await run.waitFor({ timeout: 30_000 })
  await page.locator('[data-testid="run"][data-status="succeeded"], [data-testid="run"][data-status="partially_failed"]').first().waitFor({ timeout: 180_000 })
  assert((await run.getByTestId("run-progress").getAttribute("data-progress")) === "100", "progress 100 %")
  await run.getByRole("button", { name: "Details" }).click()
  await run.getByText(/order\(s\): INV-/).first().waitFor({ timeout: 30_000 })
  await shot(page, "09-batch-run")
})

test("customer page: invoicing profile and balances", async (page) => {
  await page.goto(`${BASE}/app/customers/${ctx.accountId}`)
  const widget = page.getByTestId("customer-invoicing")
  await widget.getByTestId("balance").first().waitFor({ timeout: 60_000 })
  assert((await widget.getByTestId("balance").first().innerText()).includes("open"), "an open balance")
  await widget.scrollIntoViewIfNeeded()
  await shot(page, "12-customer-widget")
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
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
