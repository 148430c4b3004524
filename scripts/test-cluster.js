#!/usr/bin/env node
// `npm run test:cluster`: batch invoicing on several Medusa processes, as in production.
//
// One `server` and two `worker` processes of the in-repo app (`medusa start`, MEDUSA_WORKER_MODE),
// sharing PostgreSQL and Redis (workflow engine, event bus, locking, cache: see medusa-config.ts),
// post a batch run over 2,000 shipped orders started through the admin API. Three phases, each on a
// fresh copy of the same seeded database:
//   1. two workers: both take chunks; every shipped line is invoiced once; numbers are gapless;
//   2. two workers, one killed with SIGKILL (its whole process group) when about half the chunks are
//      done: the ticker re-offers its chunk once it is stale, and the run completes with the same
//      guarantees;
//   3. one worker: the orders/s to compare with phase 1.
// It prints the seeding time and a table of workers, orders, seconds and orders/s.
//
// PostgreSQL: DATABASE_URL's server, else one on localhost:5432 (user postgres), else an embedded
// one (scripts/embedded-db.js). Redis: REDIS_URL, else one on localhost:6379, else a redis-server
// started on a free port (installed with apt-get when missing and we are root). A running Redis is
// shared safely: the test takes an empty logical database (1-15) and empties it again at the end.
// TEST_CLUSTER_OWN_SERVERS=1 skips the running servers and starts its own.
// TEST_CLUSTER_ORDERS=N changes the number of orders (default 2000).
//
// Exits non-zero when a check fails. Every process it started is stopped, and its databases
// dropped, on success, failure, error or Ctrl-C.
const { execFileSync, spawn } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { checkedScript } = require("./checked-script")
const { SHIPPED_AND_INVOICED } = require("./invoicing-invariants")
const {
  ROOT,
  sleep,
  throwIfStopping,
  isStopping,
  onCleanup,
  cleanUp,
  postgres,
  createDatabase,
  dropDatabase,
  freePort,
  medusaCommand,
  startMedusa,
  stopGroup,
  pidsInGroup,
  waitUntilHealthy,
  adminApi,
  prepareSeededTemplate,
} = require("./processes")

const Redis = require(require.resolve("ioredis", { paths: [ROOT] }))

const ORDERS = Number(process.env.TEST_CLUSTER_ORDERS || 2000)
const OWN_SERVERS = process.env.TEST_CLUSTER_OWN_SERVERS === "1"
const ADMIN = { email: "cluster@example.com", password: "supersecret" }
/** The ticker's period in the cluster: a lost chunk is found within seconds, not a minute. */
const TICKER_SECONDS = 5
const RUN_TIMEOUT_MS = 10 * 60_000


const script = checkedScript("cluster")
const { log } = script
const seconds = (ms) => Number((ms / 1000).toFixed(1))

// ---------------------------------------------------------------------------------------------
// Redis

async function canPing(url) {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on("error", () => {})
  try {
    await client.connect()
    return (await client.ping()) === "PONG"
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

const OWNER_KEY = "test-cluster-owner"

/** A Redis logical database of our own: { url, reset() }. */
async function redis(tmp) {
  let serverUrl = process.env.REDIS_URL
  if (!serverUrl && !OWN_SERVERS && (await canPing("redis://localhost:6379"))) serverUrl = "redis://localhost:6379"
  if (serverUrl && !OWN_SERVERS) {
    log(`Redis: using the server at ${new URL(serverUrl).host}`)
    return claimLogicalDatabase(serverUrl)
  }
  const url = await startRedisServer(tmp)
  const client = new Redis(url)
  onCleanup("close the Redis client", () => client.quit())
  return { url, reset: () => client.flushdb() }
}

/**
 * Someone else's Redis: take the first empty logical database (1-15) and mark it ours with a key,
 * so that other users of the server, or another test:cluster, are never touched. SELECT is checked
 * explicitly: given an index the server does not have, ioredis quietly stays on database 0.
 */
async function claimLogicalDatabase(serverUrl) {
  const marker = `medusa-invoicing:test-cluster:${os.hostname()}:${process.pid}`
  const client = new Redis(serverUrl, { maxRetriesPerRequest: 1 })
  onCleanup("close the Redis client", () => client.quit())
  for (let index = 1; index <= 15; index++) {
    try {
      await client.select(index)
    } catch {
      break // the server has fewer logical databases
    }
    if ((await client.dbsize()) > 0 || (await client.set(OWNER_KEY, marker, "NX")) !== "OK") continue
    // Emptied only while our marker is there: never a database someone else took meanwhile.
    const empty = async () => {
      if ((await client.get(OWNER_KEY)) === marker) await client.flushdb()
    }
    onCleanup(`empty Redis database ${index}`, empty)
    const url = new URL(serverUrl)
    url.pathname = `/${index}`
    log(`Redis: logical database ${index}`)
    return {
      url: url.toString(),
      reset: async () => {
        await empty()
        await client.set(OWNER_KEY, marker)
      },
    }
  }
  throw new Error(`no empty logical database on the Redis at ${new URL(serverUrl).host}`)
}

function redisServerBinary() {
  for (const candidate of ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]) {
    if (fs.existsSync(candidate)) return candidate
  }
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || null
  } catch {
    return null
  }
}

/** Installs Debian's redis-server when it is missing and we may, then starts one on a free port. */
async function startRedisServer(tmp) {
  let binary = redisServerBinary()
  if (!binary && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    log("Redis: installing Debian's redis-server")
    const apt = (args) => execFileSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
    apt(["update", "-qq"])
    apt(["install", "-y", "-qq", "--no-install-recommends", "redis-server"])
    binary = redisServerBinary()
  }
  if (!binary) throw new Error("no Redis: set REDIS_URL, run one on localhost:6379, or install redis-server")
  const port = await freePort()
  const dir = path.join(tmp, "redis")
  fs.mkdirSync(dir, { recursive: true })
  const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
    stdio: ["ignore", fs.openSync(path.join(tmp, "redis.log"), "a"), "inherit"],
    detached: true,
  })
  onCleanup("stop Redis", () => stopGroup(child.pid))
  const url = `redis://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  while (!(await canPing(url))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("redis-server did not start (see redis.log)")
    await sleep(200)
  }
  log(`Redis: started redis-server on port ${port}`)
  return url
}


/** One server and `workers` workers on one database and one Redis. */
async function startCluster({ workers, env, logDir }) {
  const server = startMedusa({ name: "server", role: "server", port: await freePort(), env, logDir })
  const workerProcesses = []
  for (let i = 1; i <= workers; i++) {
    workerProcesses.push(startMedusa({ name: `worker-${i}`, role: "worker", port: await freePort(), env, logDir }))
  }
  const all = [server, ...workerProcesses]
  await waitUntilHealthy(all)
  return { server, workers: workerProcesses, all, stop: () => Promise.all(all.map((p) => p.stop())) }
}
/** A paused schedule over every shipped, not yet invoiced order, run now through its /run route. */
async function startRun(api) {
  const { schedule } = await api.post("/admin/invoicing/schedules", {
    name: "test:cluster",
    enabled: false, // only the explicit run below, never the ticker
    selection: { status: "shipped_not_invoiced" },
    parameters: { summary_update: "none", print: { invoice: false } },
    recurrence: { unit: "days", interval: 1, starts_at: "2030-01-01T02:00", time_zone: "UTC" },
  })
  const { run } = await api.post(`/admin/invoicing/schedules/${schedule.id}/run`, {})
  return run.id
}

/** Polls the run until it is done; `onProgress(run)` sees every poll (the kill test uses it). */
async function waitForRun(api, runId, onProgress) {
  const deadline = Date.now() + RUN_TIMEOUT_MS
  let lastDone = -1
  for (;;) {
    throwIfStopping()
    const { run } = await api.get(`/admin/invoicing/runs/${runId}`)
    if (run.chunks.done !== lastDone) {
      lastDone = run.chunks.done
      log(`  run ${run.status}: ${run.chunks.done}/${run.chunks.total} chunks, ${run.posted} invoices`)
    }
    if (!["queued", "running"].includes(run.status)) return run
    if (onProgress) await onProgress(run)
    if (Date.now() > deadline) throw new Error(`run ${runId} not done after ${RUN_TIMEOUT_MS / 1000} s`)
    await sleep(2000)
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

function checker() {
  const results = []
  return {
    results,
    check(ok, label, detail = "") {
      results.push({ ok: Boolean(ok), label })
      console.log(`  ${ok ? "ok  " : "FAIL"} ${label}${detail ? ` (${detail})` : ""}`)
    },
  }
}

/** Who claimed which chunk, from invoicing_run_chunk.worker ("hostname:pid"). */
async function chunkClaims(db, runId) {
  const rows = await db(`select id, position, status, attempts, worker from invoicing_run_chunk where run_id = $1 order by position`, [runId])
  return rows.map((r) => ({ ...r, pid: Number(String(r.worker ?? "").split(":").pop()) }))
}

const ownerOf = (processes, pid) => processes.find((p) => p.pids.has(pid))

/** The run's status and the claims: every chunk posted by a worker, each worker (or the ones named) posting. */
async function checkRunAndClaims(c, db, run, cluster, { expectWorkersPosting = cluster.workers } = {}) {
  c.check(run.status === "succeeded", "the run succeeded", `status ${run.status}`)
  c.check(run.selected === ORDERS && run.skipped === 0, `it selected the ${ORDERS} orders and skipped none`, `selected ${run.selected}, skipped ${run.skipped}`)
  const claims = await chunkClaims(db, run.id)
  c.check(claims.every((k) => k.status === "succeeded"), "every chunk succeeded")
  const owners = claims.map((k) => ownerOf(cluster.all, k.pid)?.name ?? `unknown pid ${k.pid}`)
  const perOwner = owners.reduce((m, o) => m.set(o, (m.get(o) ?? 0) + 1), new Map())
  const spread = [...perOwner].map(([o, n]) => `${o}: ${n}`).join(", ")
  c.check(!perOwner.has("server") && owners.every((o) => o.startsWith("worker-")), "only workers posted chunks, not the server", spread)
  for (const w of expectWorkersPosting) c.check(perOwner.get(w.name) > 0, `${w.name} posted chunks`, spread)
  return claims
}

/**
 * Every shipped order line invoiced exactly once (per line: invoiced quantity = shipped quantity),
 * each packing slip on one invoice, an order on several invoices only when split by packing slip,
 * no shipping charge twice, and invoice numbers INV-000001..N without a hole.
 */
async function checkInvoices(c, db, run) {
  const [lines] = await db(`
    ${SHIPPED_AND_INVOICED}
    select count(*) filter (where s.quantity = i.quantity)::int as exact,
           count(*) filter (where i.quantity is null)::int as not_invoiced,
           count(*) filter (where i.quantity > s.quantity or s.quantity is null)::int as over_invoiced,
           count(*) filter (where i.quantity < s.quantity)::int as under_invoiced
      from shipped s full join invoiced i using (line_item_id)`)
  c.check(
    lines.exact > 0 && lines.not_invoiced + lines.over_invoiced + lines.under_invoiced === 0,
    "every shipped order line invoiced exactly its shipped quantity",
    `${lines.exact} exact, ${lines.not_invoiced} not invoiced, ${lines.over_invoiced} over, ${lines.under_invoiced} under`
  )

  const [orders] = await db(`
    with per_order as (
      select order_id, count(distinct invoice_id) as invoices, count(distinct packing_slip_id) as slips
        from invoicing_invoice_line group by order_id
    ), per_slip as (
      select packing_slip_id, count(distinct invoice_id) as invoices from invoicing_invoice_line group by packing_slip_id
    )
    select (select count(*) from per_order)::int as orders,
           (select count(*) from per_order where invoices > slips)::int as split_without_slip,
           (select count(*) from per_slip where invoices <> 1 or packing_slip_id is null)::int as slips_not_once,
           (select count(*) from (select shipping_method_id from invoicing_invoice_charge group by shipping_method_id having count(*) > 1) x)::int as charges_twice`)
  c.check(orders.orders === ORDERS, `all ${ORDERS} orders invoiced`, `${orders.orders}`)
  c.check(
    orders.split_without_slip + orders.slips_not_once + orders.charges_twice === 0,
    "each packing slip on one invoice, no order on two invoices but by packing slip, no charge twice",
    `${orders.split_without_slip} orders split otherwise, ${orders.slips_not_once} slips not once, ${orders.charges_twice} charges twice`
  )

  const numbers = (await db(`select number from invoicing_invoice where kind = 'invoice' order by number`)).map((r) => r.number)
  const expected = numbers.map((_, i) => `INV-${String(i + 1).padStart(6, "0")}`)
  const hole = numbers.findIndex((n, i) => n !== expected[i])
  c.check(hole === -1 && numbers.length > 0, "invoice numbers gapless", `${numbers[0]}..${numbers.at(-1)}${hole === -1 ? "" : `, ${expected[hole]} is ${numbers[hole]}`}`)
  c.check(numbers.length === run.posted, "the run counts every invoice posted", `${run.posted} counted, ${numbers.length} posted`)
}

// ---------------------------------------------------------------------------------------------
// Phases

/**
 * Once about half the chunks are done, SIGKILLs the whole process group of a worker that is posting
 * a chunk right now, then records the chunks it left "running" (read after its connections closed).
 */
function killHalfway(db, cluster, kill) {
  return async (run) => {
    if (kill.victim || run.chunks.done < run.chunks.total / 2) return
    const running = (await chunkClaims(db, run.id)).filter((k) => k.status === "running")
    const victim = cluster.workers.find((w) => running.some((k) => w.pids.has(k.pid)))
    if (!victim) return // between two chunks: try at the next poll
    process.kill(-victim.pid, "SIGKILL")
    kill.victim = victim
    kill.at = Date.now()
    await sleep(1000) // PostgreSQL rolls back what the dead connections had open
    kill.lost = (await chunkClaims(db, run.id)).filter((k) => k.status === "running" && victim.pids.has(k.pid))
    log(`  SIGKILL to ${victim.name} (process group ${victim.pid}); it left chunk(s) ${kill.lost.map((k) => k.position).join(", ") || "none"} running`)
  }
}

async function runPhase(ctx, phase) {
  log(`phase "${phase.title}": ${phase.workers} worker(s)`)
  const database = `${ctx.template}_${phase.key}`
  await createDatabase(ctx.pg, database, ctx.template)
  await ctx.redis.reset()
  const db = (text, params) => ctx.pg.sql(text, params, database)
  const env = { ...ctx.env, DATABASE_URL: ctx.pg.urlFor(database), REDIS_URL: ctx.redis.url, ...phase.env }
  const logDir = path.join(ctx.tmp, phase.key)
  fs.mkdirSync(logDir, { recursive: true })

  const startedAt = Date.now()
  const cluster = await startCluster({ workers: phase.workers, env, logDir }) // on failure main() cleans up
  log(`  started in ${seconds(Date.now() - startedAt)} s: ${cluster.all.map((p) => `${p.name} pid ${p.pid}`).join(", ")}`)
  const c = checker()
  try {
    const api = adminApi(`http://localhost:${cluster.server.port}`, ADMIN)
    await api.login()
    const kill = {}
    const runId = await startRun(api)
    const run = await waitForRun(api, runId, phase.kill ? killHalfway(db, cluster, kill) : null)
    const runSeconds = (new Date(run.finished_at) - new Date(run.started_at)) / 1000

    if (phase.kill) {
      c.check(kill.lost?.length > 0, "a worker was killed about halfway, leaving a chunk it was posting", kill.victim?.name ?? "no kill")
      const survivors = cluster.workers.filter((w) => w !== kill.victim)
      await checkRunAndClaims(c, db, run, cluster, { expectWorkersPosting: survivors })
      const final = await chunkClaims(db, run.id)
      for (const lost of kill.lost ?? []) {
        const retaken = final.find((k) => k.id === lost.id)
        const by = ownerOf(cluster.all, retaken.pid)
        c.check(
          retaken.status === "succeeded" && by && by !== kill.victim && retaken.attempts > lost.attempts,
          `the killed worker's chunk ${lost.position} was offered again and posted by another worker`,
          `${retaken.attempts} attempts, last by ${by?.name ?? retaken.worker}; run done ${seconds(Date.parse(run.finished_at) - kill.at)} s after the kill`
        )
      }
    } else {
      await checkRunAndClaims(c, db, run, cluster)
    }
    await checkInvoices(c, db, run)
    const chunkSeconds = await longestChunkSeconds(db, run.id)
    log(`  ${run.selected} orders, ${run.posted} invoices in ${runSeconds} s: ${(run.selected / runSeconds).toFixed(1)} orders/s (longest chunk ${chunkSeconds} s)`)
    return { phase, run, runSeconds, chunkSeconds, results: c.results }
  } catch (error) {
    if (isStopping()) throw error
    c.check(false, `phase "${phase.title}" completed`, error.message)
    return { phase, results: c.results, error }
  } finally {
    await cluster.stop()
    await dropDatabase(ctx.pg, database)
  }
}

async function longestChunkSeconds(db, runId) {
  const [row] = await db(
    `select coalesce(max(extract(epoch from updated_at - claimed_at)), 0)::float as s from invoicing_run_chunk where run_id = $1 and status = 'succeeded'`,
    [runId]
  )
  return Number(row.s.toFixed(1))
}

function printTable(outcomes) {
  const rows = outcomes
    .filter((o) => o.run)
    .map((o) => ({
      workers: o.phase.label,
      orders: o.run.selected,
      seconds: Number(o.runSeconds.toFixed(1)),
      "orders/s": Number((o.run.selected / o.runSeconds).toFixed(1)),
    }))
  console.log("")
  console.table(rows)
}

async function main() {
  const started = Date.now()
  const tmp = script.start()

  const ctx = {
    tmp,
    pg: await postgres(tmp, { ownServer: OWN_SERVERS, log }),
    redis: await redis(tmp),
    template: `medusa_cluster_${Date.now().toString(36)}_${process.pid}`,
    env: {
      ...process.env,
      NODE_ENV: "development",
      LOG_LEVEL: process.env.LOG_LEVEL || "error",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DISABLE_MEDUSA_ADMIN: "true", // no dashboard (and no Vite dev server) in these processes
      INVOICING_TICKER_SECONDS: String(TICKER_SECONDS),
    },
  }
  delete ctx.env.REDIS_URL // set per phase; the template is prepared without it
  // No REDIS_URL here: the seed runs on Medusa's in-process modules and leaves nothing queued.
  await prepareSeededTemplate(ctx.pg, {
    name: ctx.template,
    env: ctx.env,
    logFile: path.join(ctx.tmp, "prepare.log"),
    orders: ORDERS,
    admin: ADMIN,
    log,
  })

  const outcomes = []
  const two = await runPhase(ctx, { key: "two", title: "two workers", label: "2", workers: 2 })
  outcomes.push(two)
  // Stale after three times the longest chunk seen with two workers (at least 20 s): a chunk still
  // being posted is not taken for lost, and the killed one is found soon.
  const stale = Math.max(20, Math.ceil(3 * (two.chunkSeconds ?? 30)))
  log(`stale chunks after ${stale} s in the next phase (INVOICING_STALE_CHUNK_SECONDS), ticker every ${TICKER_SECONDS} s`)
  outcomes.push(
    await runPhase(ctx, {
      key: "kill",
      title: "two workers, one killed halfway",
      label: "2, one killed halfway",
      workers: 2,
      kill: true,
      env: { INVOICING_STALE_CHUNK_SECONDS: String(stale) },
    })
  )
  outcomes.push(await runPhase(ctx, { key: "one", title: "one worker", label: "1", workers: 1 }))

  printTable(outcomes)
  return script.finish(outcomes.flatMap((o) => o.results), started)
}

if (require.main === module) script.run(main)
else module.exports = { claimLogicalDatabase, cleanUp } // to try a piece by hand
