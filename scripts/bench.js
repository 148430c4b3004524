#!/usr/bin/env node
// `npm run bench`: the speed and memory figures of posting, in one run on a fresh embedded
// PostgreSQL, printed as one table and written to bench-results/bench.json:
//   1. posting the oldest 1,000 and 10,000 of 10,000 seeded shipped orders (3 lines each, 1–3
//      packing slips, 200 invoice accounts), with summary update none and invoice_account, no
//      PDFs, each on a fresh copy of the seeded database in its own `medusa exec` process:
//      seconds, invoices/s, lines/s, peak RSS, SQL statements per invoice; the 10,000-order
//      postings again with their packing slips numbered at shipment, as in a running shop;
//   2. the floor on the same data (bench/floor.js): plain SQL reading what posting reads and
//      bulk-inserting what it wrote; posting time ÷ floor time;
//   3. scaling: time(10,000) ÷ time(1,000);
//   4. a proposal of 500 orders through the HTTP API: median and p95 of 20 calls;
//   5. 32 concurrent clients for 30 s on the invoice list (in full, and with the fields the admin's
//      list asks for), invoice detail and PDF routes, and on the settings route (one small read) as
//      the floor of Medusa's own request handling, with the CPU one request cost PostgreSQL, the
//      Medusa server and the load client (one machine); the settings route and the admin's list
//      once more as the admin dashboard sends them, logged in by session cookie, not bearer token;
//   6. the PDF renderer's figures (bench/pdf.ts).
// `npm run bench -- --orders N`: one size only (N orders seeded and posted; no scaling).
// `npm run bench -- --pdf`: the PDF benchmark alone (see bench/pdf.ts for its options).
// A benchmark that prints figures, not a timed test: compare figures of one run.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const {
  ROOT,
  stopOnSignals,
  onCleanup,
  cleanUp,
  postgres,
  createDatabase,
  dropDatabase,
  freePort,
  medusaCommand,
  startMedusa,
  waitUntilHealthy,
  adminApi,
} = require("./processes")
const { measureFloor } = require("../bench/floor")
const { applyLoad, timeCalls } = require("../bench/api-load")
const { postmasterOf } = require("../bench/process-cpu")
const { inviteAdmins, sessionHeaders } = require("./load/admins")
require("ts-node/register/transpile-only")
const { ADMIN_LIST_FIELDS } = require("../src/admin/lib/invoice-list-fields")

const ADMIN = { email: "bench@example.com", password: "supersecret" }
const INVOICE_ACCOUNTS = 200
const SUMMARY_UPDATES = ["none", "invoice_account"]
const PROPOSAL = { orders: 500, calls: 20 }
const LOAD = { clients: 32, seconds: 30 }
// The largest posting again with Node's old space set: 384 MB as README advises for a worker that
// posts large runs; 1,024 MB is what Node sets itself on a host with 4 GB of memory (a quarter of it),
// where V8 lets the heap grow less past the live data than with the 2 GB or more of larger hosts.
const HEAP_CAPS_MB = [384, 1024]

const log = (message) => console.log(`[bench] ${message}`)
const round = (x, digits = 2) => Number(x.toFixed(digits))

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}

/** The one line a bench script prints, prefixed `prefix`, parsed. */
function figuresIn(output, prefix) {
  const line = output.split("\n").reverse().find((l) => l.startsWith(`${prefix} `))
  if (!line) throw new Error(`no "${prefix}" line in the output`)
  return JSON.parse(line.slice(prefix.length + 1))
}

/** `--pdf`: the documents benchmark (bench/pdf.ts, no database); it writes bench-results/pdf.json. */
function benchPdf(args) {
  const run = spawnSync(process.execPath, ["--expose-gc", "-r", "ts-node/register", "bench/pdf.ts", ...args], { cwd: ROOT, stdio: "inherit" })
  if (run.status !== 0) throw new Error(`bench/pdf.ts failed with ${run.status}`)
  return JSON.parse(fs.readFileSync(path.join(ROOT, "bench-results", "pdf.json"), "utf8"))
}

/** Migrates and seeds the template every posting starts from; the oldest orders first. */
async function seedTemplate(ctx, orders) {
  await createDatabase(ctx.pg, ctx.template)
  const env = { ...ctx.env, DATABASE_URL: ctx.pg.urlFor(ctx.template) }
  const logFile = path.join(ctx.tmp, "seed.log")
  await medusaCommand(["db:migrate"], env, logFile)
  const seeded = figuresIn(await medusaCommand(["exec", "./scripts/test-cluster-seed.ts", String(orders), String(INVOICE_ACCOUNTS)], env, logFile), "SEED")
  await medusaCommand(["user", "-e", ADMIN.email, "-p", ADMIN.password], env, logFile)
  // Fresh tables have no planner statistics until autovacuum gets to them, and their plans can be
  // many times slower (reading 1,000 orders: 12 s instead of 0.5 s): measure with the statistics
  // a live shop has. Each copy of the template inherits them.
  await ctx.pg.sql("analyze", [], ctx.template)
  const rows = await ctx.pg.sql(`select id from "order" where deleted_at is null order by created_at, id`, [], ctx.template)
  log(`seeded ${seeded.orders} shipped orders over ${INVOICE_ACCOUNTS} invoice accounts in ${seeded.seconds.toFixed(0)} s`)
  return rows.map((r) => r.id)
}

/**
 * A second template: the seeded orders with their packing slips numbered, as the shipment
 * subscriber numbers them in a running shop when each shipment is created. Posting from it
 * measures what a running shop waits for; from the seed alone, posting also numbers every slip,
 * as it does once for the shipments of before the plugin was installed.
 */
async function numberAtShipment(ctx) {
  const name = `${ctx.template}_numbered`
  await createDatabase(ctx.pg, name, ctx.template)
  const env = { ...ctx.env, DATABASE_URL: ctx.pg.urlFor(name) }
  const numbered = figuresIn(await medusaCommand(["exec", "./bench/number-packing-slips.ts"], env, path.join(ctx.tmp, "seed.log")), "NUMBERED")
  await ctx.pg.sql("analyze", [], name)
  log(`numbered ${numbered.packing_slips} packing slips of ${numbered.orders} orders, as at shipment`)
  return name
}

/**
 * Posts the oldest `size` orders on a fresh copy of the template, then the floor on another.
 * `heapCapMb`: Node's old-space limit for the posting process (none: Node's default).
 * `slipsNumbered`: start from the template whose packing slips were numbered at shipment.
 */
async function benchPosting(ctx, size, summaryUpdate, orderIds, { heapCapMb = null, slipsNumbered = false } = {}) {
  const db = `bench_${size}_${summaryUpdate}${heapCapMb ? `_cap${heapCapMb}` : ""}${slipsNumbered ? "_numbered" : ""}`
  const template = slipsNumbered ? ctx.numberedTemplate : ctx.template
  await createDatabase(ctx.pg, db, template)
  const nodeOptions = ["--expose-gc", ...(heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [])].join(" ")
  const env = { ...ctx.env, DATABASE_URL: ctx.pg.urlFor(db), NODE_OPTIONS: nodeOptions }
  const posting = {
    ...figuresIn(await medusaCommand(["exec", "./bench/post-orders.ts", String(size), summaryUpdate], env, path.join(ctx.tmp, `${db}.log`)), "BENCH"),
    heap_cap_mb: heapCapMb,
    packing_slips: slipsNumbered ? "numbered at shipment" : "numbered by posting",
  }
  const fresh = `${db}_floor`
  await createDatabase(ctx.pg, fresh, template)
  const floor = await measureFloor({ postedUrl: ctx.pg.urlFor(db), freshUrl: ctx.pg.urlFor(fresh), orderIds: orderIds.slice(0, size) })
  await dropDatabase(ctx.pg, fresh)
  log(`${size} orders, ${summaryUpdate}, packing slips ${posting.packing_slips}: ${posting.seconds} s, ${posting.lines_per_second} lines/s; floor ${floor.seconds.toFixed(2)} s`)
  return { db, posting, floor: { ...floor, seconds: round(floor.seconds, 3) } }
}

/** The proposal and the load figures, through a `medusa start` server on a posted database. */
async function benchApi(ctx, db, uninvoicedIds) {
  // The invoices just posted as a live shop's autovacuum keeps them: with statistics (without, a
  // list page sorted its whole table instead of walking the number index: twice the database
  // time), and vacuumed, as autovacuum does an insert-only table from PostgreSQL 13 (the
  // visibility map lets a list page skip rows and count in its indexes alone).
  await ctx.pg.sql("vacuum analyze", [], db)
  const port = await freePort()
  const server = startMedusa({ name: "api-server", role: "shared", port, env: { ...ctx.env, DATABASE_URL: ctx.pg.urlFor(db) }, logDir: ctx.tmp })
  await waitUntilHealthy([server])
  try {
    const base = `http://localhost:${port}`
    const api = adminApi(base, ADMIN)
    await api.login()
    const proposalIds = uninvoicedIds.slice(0, PROPOSAL.orders)
    const proposal = await timeCalls(async () => {
      const { groups } = await api.post("/admin/invoicing/proposals", { order_ids: proposalIds, parameters: {} })
      if (groups.length === 0) throw new Error("the proposal proposed nothing")
    }, PROPOSAL.calls)
    const invoiceIds = (await ctx.pg.sql(`select id from invoicing_invoice order by number`, [], db)).map((r) => r.id)
    const pick = () => invoiceIds[Math.floor(Math.random() * invoiceIds.length)]
    const randomOffset = () => Math.floor(Math.random() * Math.max(invoiceIds.length - 20, 1))
    // 32 people, not one login shared 32 times: PDF downloads are limited per user (README, "Limits").
    const headers = await inviteAdmins(api, base, LOAD.clients)
    const sessions = await Promise.all(headers.map((h) => sessionHeaders(base, h)))
    const settings = () => `${base}/admin/invoicing/settings`
    const listPage = () => `${base}/admin/invoices?limit=20&offset=${randomOffset()}`
    const adminList = () => `${listPage()}&fields=${ADMIN_LIST_FIELDS.join(",")}`
    // Each route as an API client sends it (bearer token); the settings route and the admin's list
    // once more as the admin dashboard sends them (its session cookie, not a token).
    const routes = [
      // One small read behind Medusa's own request handling (authentication, validation): the
      // floor the invoicing routes are compared with.
      ["GET /admin/invoicing/settings", settings, headers],
      ["GET /admin/invoicing/settings, session cookie", settings, sessions],
      ["GET /admin/invoices", listPage, headers],
      // The same page as the admin's invoice list asks for it: only the fields it shows.
      ["GET /admin/invoices?fields=(the admin list's)", adminList, headers],
      ["GET /admin/invoices?fields=(the admin list's), session cookie", adminList, sessions],
      ["GET /admin/invoices/:id", () => `${base}/admin/invoices/${pick()}`, headers],
      ["GET /admin/invoices/:id/pdf", () => `${base}/admin/invoices/${pick()}/pdf`, headers],
    ]
    const postmaster = await postmasterOf(ctx.pg.urlFor(db))
    const processes = { server: () => [...server.pids], postgres: () => (postmaster ? [postmaster] : []) }
    const load = {}
    for (const [route, url, sent] of routes) {
      load[route] = await applyLoad({ url, headers: sent, processes, ...LOAD })
      log(`${route}: ${load[route].requests_per_second} req/s, p95 ${load[route].p95_ms} ms, ${load[route].errors} errors`)
    }
    return { proposal: { orders: proposalIds.length, ...proposal }, load }
  } finally {
    await server.stop()
  }
}

function printAndSave(results) {
  console.log("")
  console.log("Posting (no PDFs), each on a fresh copy of the seeded database:")
  console.table(
    results.postings.map(({ posting: p, floor }) => ({
      orders: p.orders,
      "summary update": p.summary_update,
      "packing slips": p.packing_slips,
      "heap cap MB": p.heap_cap_mb ?? "",
      invoices: p.invoices,
      lines: p.lines,
      seconds: p.seconds,
      "invoices/s": p.invoices_per_second,
      "lines/s": p.lines_per_second,
      "Node CPU s": p.node_cpu_seconds,
      "peak RSS MB": p.peak_rss_mb,
      "SQL/invoice": p.statements_per_invoice,
      "floor s": round(floor.seconds),
      "÷ floor": round(p.seconds / floor.seconds, 1),
    }))
  )
  if (results.scaling.length) console.table(results.scaling)
  if (results.proposal) console.table([{ "proposal of": `${results.proposal.orders} orders`, calls: results.proposal.calls, "median ms": results.proposal.median_ms, "p95 ms": results.proposal.p95_ms }])
  if (results.load) {
    console.log(`API under load (${LOAD.clients} clients, ${LOAD.seconds} s each):`)
    const cpu = (l, key) => l.cpu_ms_per_request?.[key] ?? ""
    console.table(
      Object.entries(results.load).map(([route, l]) => ({
        route,
        "req/s": l.requests_per_second,
        "p50 ms": l.p50_ms,
        "p95 ms": l.p95_ms,
        errors: l.errors,
        "CPU ms/request: PostgreSQL": cpu(l, "postgres"),
        server: cpu(l, "server"),
        "load client": cpu(l, "client"),
      }))
    )
  }
  if (results.pdf) {
    const { pooled_docs_per_s, per_browser_docs_per_s, ratio, node_rss_mb } = results.pdf
    console.table([{ "pooled docs/s": pooled_docs_per_s, "browser per document docs/s": per_browser_docs_per_s, ratio, "node RSS MB start → end": `${node_rss_mb.start} → ${node_rss_mb.end}` }])
  }
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true })
  fs.writeFileSync(path.join(ROOT, "bench-results", "bench.json"), JSON.stringify(results, null, 2))
  log("written to bench-results/bench.json")
}

async function main() {
  if (process.argv.includes("--pdf")) return void benchPdf(process.argv.slice(2).filter((a) => a !== "--pdf"))
  const sizes = option("orders") ? [Number(option("orders"))] : [1000, 10000]
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-invoicing-bench-"))
  fs.chmodSync(tmp, 0o755) // the embedded PostgreSQL runs as "postgres" and must reach tmp/pg
  onCleanup("remove the temporary folder", () => fs.rmSync(tmp, { recursive: true, force: true }))
  stopOnSignals(log)
  const env = { ...process.env, NODE_ENV: "development", LOG_LEVEL: "error", MEDUSA_DISABLE_TELEMETRY: "true", DISABLE_MEDUSA_ADMIN: "true" }
  delete env.REDIS_URL
  const ctx = { tmp, env, template: "bench_seed", pg: await postgres(tmp, { ownServer: true, log }) }

  // Enough orders that some stay uninvoiced after the smallest posting, for the proposal.
  const orderIds = await seedTemplate(ctx, Math.max(...sizes, sizes[0] + PROPOSAL.orders))
  ctx.numberedTemplate = await numberAtShipment(ctx)
  const results = { machine: { cpus: os.cpus().length, node: process.version }, postings: [], scaling: [] }
  for (const size of sizes) {
    for (const mode of SUMMARY_UPDATES) {
      const { db, posting, floor } = await benchPosting(ctx, size, mode, orderIds)
      results.postings.push({ posting, floor })
      if (size === sizes[0] && mode === "none") ctx.apiDb = db
      else await dropDatabase(ctx.pg, db)
    }
  }
  // Scaling compares these postings, each size posted once per summary update, before the runs below.
  for (const mode of SUMMARY_UPDATES) {
    const [small, large] = sizes.map((size) => results.postings.find((r) => r.posting.orders === size && r.posting.summary_update === mode))
    if (large) results.scaling.push({ "summary update": mode, [`time(${sizes[1]}) ÷ time(${sizes[0]})`]: round(large.posting.seconds / small.posting.seconds, 1) })
  }
  // The largest posting again: with Node's old space set, and as a running shop posts, its
  // packing slips numbered when they shipped.
  const largerRuns = [
    ...HEAP_CAPS_MB.map((heapCapMb) => ({ summaryUpdate: "none", heapCapMb })),
    ...SUMMARY_UPDATES.map((summaryUpdate) => ({ summaryUpdate, slipsNumbered: true })),
  ]
  for (const { summaryUpdate, ...options } of largerRuns) {
    const { db, posting, floor } = await benchPosting(ctx, sizes[sizes.length - 1], summaryUpdate, orderIds, options)
    results.postings.push({ posting, floor })
    await dropDatabase(ctx.pg, db)
  }
  Object.assign(results, await benchApi(ctx, ctx.apiDb, orderIds.slice(sizes[0])))
  results.pdf = benchPdf([])
  printAndSave(results)
}

main()
  .then(() => cleanUp())
  .catch(async (error) => {
    console.error(error)
    await cleanUp()
    process.exit(1)
  })
