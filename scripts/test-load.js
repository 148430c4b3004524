#!/usr/bin/env node
// `npm run test:load`: admins colliding on one Medusa server (`medusa start`), as in production.
//
// 32 concurrent clients for 60 s, each an admin user of its own (scripts/load/admins.js): half post
// small selections (1–5 shipped, not yet invoiced orders each, POST /admin/invoicing/post, with
// assorted summary updates), half read invoices (the list, an invoice, now and then its PDF). A
// quarter of the selections also take an order or two that another admin picked moments ago, whose
// posting may still be running (scripts/load/order-pool.js).
// Seed size: on the 2-core development machine the posting admins used up 500–850 fresh orders in
// 60 s; on a faster machine of the same kind (2026-12-07) all 1,500 then seeded, and 1,953 of 3,000
// in another run. 4,000 leave a margin of two. Seeding them is most of the run.
//
// What counts as an error, from the product's documented behaviour (DESIGN.md §3.6, §5):
//   - any 5xx, any network error, any status a route does not document for a valid request;
//   - POST /admin/invoicing/post must answer 200 { invoices, skipped } naming every selected order
//     on an invoice or as skipped with a reason (a collision skips the group: "work for one group
//     fails alone"); a 409 { type: "conflict" } is accepted as the clean refusal of a collision;
//   - reads must answer 200: the invoice asked for, a list page, a PDF (%PDF-);
//   - a skip no collision explains: neither its order nor another order of its group (a group fails
//     as a whole) was selected by another admin too.
// Then the books (scripts/load/ledger-checks.js): no line over-invoiced against the order or the
// packing slip, balances equal to the documents, every number series gapless, totals that add up;
// every selected order invoiced in full (or, skipped wherever it was selected, not at all; never in
// part), no other order invoiced, and the database holding exactly the invoices answered.
// Finally, a meaningful number of invoices posted (MIN_INVOICES) and the seed not exhausted.
// It prints a table per route (requests, statuses, p50/p95/max latency) and the figures.
//
// PostgreSQL: DATABASE_URL's server, else one on localhost:5432 (user postgres), else an embedded
// one (scripts/embedded-db.js); TEST_LOAD_OWN_SERVER=1 always starts an embedded one. No Redis: one
// server keeps Medusa's in-process modules. TEST_LOAD_ORDERS, TEST_LOAD_CLIENTS, TEST_LOAD_SECONDS
// change the seed and the load (defaults 4000, 32, 60).
//
// Exits non-zero when a check fails. Every process it started is stopped, its database dropped and
// the PDFs the server stored deleted, on success, failure, error or Ctrl-C.
const fs = require("node:fs")
const path = require("node:path")
const { checkedScript } = require("./checked-script")
const {
  ROOT,
  onCleanup,
  postgres,
  prepareSeededTemplate,
  freePort,
  startMedusa,
  waitUntilHealthy,
  adminApi,
} = require("./processes")
const { checker } = require("./checker")
const { orderPool, OVERLAP } = require("./load/order-pool")
const { runTraffic } = require("./load/traffic")
const { inviteAdmins } = require("./load/admins")
const { checkLedger } = require("./load/ledger-checks")

const ORDERS = Number(process.env.TEST_LOAD_ORDERS || 4000)
const CLIENTS = Number(process.env.TEST_LOAD_CLIENTS || 32)
const SECONDS = Number(process.env.TEST_LOAD_SECONDS || 60)
const OWN_SERVER = process.env.TEST_LOAD_OWN_SERVER === "1"
/** Fewer invoices than this in a full run means posting hardly ran: the checks above would prove little. */
const MIN_INVOICES = Math.round(5 * SECONDS)
const ADMIN = { email: "load@example.com", password: "supersecret" }
/** The local File module (Medusa's default) stores the PDFs it is given here, relative to the server's cwd. */
const FILE_DIR = path.join(ROOT, "static")


const script = checkedScript("load")
const { log } = script
const seconds = (ms) => Number((ms / 1000).toFixed(1))

/** Migrates, seeds ORDERS shipped orders over 50 invoice accounts, adds the admin; the orders' ids. */
async function prepareDatabase(ctx) {
  await prepareSeededTemplate(ctx.pg, {
    name: ctx.database,
    env: ctx.env,
    logFile: path.join(ctx.tmp, "prepare.log"),
    orders: ORDERS,
    invoiceAccounts: 50,
    admin: ADMIN,
    log,
  })
  return (await ctx.db(`select id from "order" where deleted_at is null`)).map((r) => r.id)
}

/** The PDFs the server stored for this database's invoices live in the repository's static/: delete them. */
function deleteStoredPdfs(ctx) {
  onCleanup("delete the stored PDFs", async () => {
    const files = await ctx.db(`select file_id from invoicing_document`)
    for (const { file_id } of files) fs.rmSync(path.join(FILE_DIR, path.basename(file_id)), { force: true })
  })
}

/** The traffic's own checks: every answer as documented, skips explained by collisions, enough posted. */
function checkTraffic(c, traffic, pool) {
  const { errors, answers } = traffic
  c.check(errors.length === 0, "no errors: no 5xx, no network error, no undocumented answer", `${errors.length} errors`)
  for (const e of errors.slice(0, 10)) console.log(`       ${e.route} → ${e.status}: ${e.detail}`)

  // A group fails alone (DESIGN §3.6): a skip is explained when its order, or another order of its group
  // in the same answer, was selected by another admin too.
  const collided = (answer, skip) =>
    answer.skipped.some((s) => (s.order_id === skip.order_id || (skip.group_key && s.group_key === skip.group_key)) && pool.timesPicked(s.order_id) > 1)
  const skips = answers.flatMap((a) => (a.skipped ?? []).map((s) => ({ answer: a, skip: s })))
  const unexplained = skips.filter(({ answer, skip }) => !collided(answer, skip)).map(({ skip }) => skip)
  c.check(
    unexplained.length === 0,
    "an order is skipped only when a collision explains it: another admin selected it, or an order of its group",
    `${skips.length} skips, ${unexplained.length} unexplained${unexplained.length ? `: ${JSON.stringify(unexplained.slice(0, 3))}` : ""}`
  )
  const invoices = answers.reduce((n, a) => n + (a.invoices?.length ?? 0), 0)
  c.check(invoices >= MIN_INVOICES, `a meaningful number of invoices posted (at least ${MIN_INVOICES})`, `${invoices}`)
  c.check(!pool.ranOut(), `the ${ORDERS} seeded orders did not run out`, pool.ranOut() ? "raise TEST_LOAD_ORDERS" : `${pool.left()} never picked`)
}

/** The figures of the run: what the posting admins did and what came of it. */
function figures(traffic, pool) {
  const { answers } = traffic
  const reasons = new Map()
  for (const s of answers.flatMap((a) => a.skipped ?? [])) {
    const reason = s.reason.replace(/#\d+/g, "#N").replace(/\b[a-z]+_[0-9A-Z]{26}\b/g, "<id>").replace(/\d+/g, "N")
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  }
  const picked = pool.picked()
  return {
    figures: {
      "clients (posting + reading)": `${traffic.posters} + ${traffic.readers}`,
      "seconds (last answers included)": seconds(traffic.seconds * 1000),
      postings: answers.length,
      "postings/s": Number((answers.length / traffic.seconds).toFixed(1)),
      "postings answered 409": answers.filter((a) => a.status === 409).length,
      "invoices posted": answers.reduce((n, a) => n + (a.invoices?.length ?? 0), 0),
      "orders selected": picked.length,
      "orders selected by several admins": picked.filter((id) => pool.timesPicked(id) > 1).length,
      "orders skipped (collisions)": answers.reduce((n, a) => n + (a.skipped?.length ?? 0), 0),
      "fresh orders picked/s": Number((picked.length / traffic.seconds).toFixed(1)),
      "orders left unpicked": pool.left(),
    },
    reasons,
  }
}

async function main() {
  const started = Date.now()
  const tmp = script.start()

  const pg = await postgres(tmp, { ownServer: OWN_SERVER, log })
  const database = `medusa_load_${Date.now().toString(36)}_${process.pid}`
  const ctx = {
    tmp,
    pg,
    database,
    db: (text, params) => pg.sql(text, params, database),
    env: {
      ...process.env,
      NODE_ENV: "development",
      LOG_LEVEL: process.env.LOG_LEVEL || "error",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DISABLE_MEDUSA_ADMIN: "true", // no dashboard (and no Vite dev server): the API alone
    },
  }
  delete ctx.env.REDIS_URL // one server: Medusa's in-process workflow engine, event bus and locking
  const orderIds = await prepareDatabase(ctx)
  deleteStoredPdfs(ctx)

  const port = await freePort()
  let t = Date.now()
  const server = startMedusa({ name: "server", role: "shared", port, env: { ...ctx.env, DATABASE_URL: pg.urlFor(database) }, logDir: tmp })
  await waitUntilHealthy([server])
  log(`server started in ${seconds(Date.now() - t)} s (pid ${server.pid}, port ${port})`)
  const api = adminApi(`http://localhost:${port}`, ADMIN)
  await api.login()
  t = Date.now()
  const admins = await inviteAdmins(api, `http://localhost:${port}`, CLIENTS)
  log(`invited ${admins.length} admin users in ${seconds(Date.now() - t)} s`)

  log(`${CLIENTS} clients for ${SECONDS} s; ${Math.round(OVERLAP * 100)} % of the selections overlap another admin's`)
  const pool = orderPool(orderIds)
  const traffic = await runTraffic({ baseUrl: `http://localhost:${port}`, admins, pool, seconds: SECONDS })
  await server.stop() // the books are read at rest, and the server log is complete

  console.log("")
  console.table(traffic.stats.rows(traffic.seconds))
  const { figures: table, reasons } = figures(traffic, pool)
  console.table(table)
  if (reasons.size) console.table([...reasons].map(([reason, orders]) => ({ "skip reason": reason, orders })))

  const c = checker()
  checkTraffic(c, traffic, pool)
  await checkLedger(c, ctx.db, { pool, answers: traffic.answers })

  return script.finish(c.results, started, `server log kept in ${server.logFile}`)
}

script.run(main)
