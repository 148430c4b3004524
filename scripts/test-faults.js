#!/usr/bin/env node
// `npm run test:faults`: posting survives a crash and a dropped database connection.
//
// The in-repo app (`medusa start`, one process, Medusa's in-process modules) on a copy of one
// seeded database (600 shipped orders, 3 lines and 1–3 packing slips each) per phase:
//   1. reference: one uninterrupted posting of every order (POST /admin/invoicing/post), timed;
//      its invoices are what the other phases must end with, order by order;
//   2. crash: the same posting, and the app's whole process group SIGKILLed at a random moment,
//      10 times (odd kills: any moment of the posting's duration; even kills: inside one of its
//      write transactions, drawn at random). After each kill, whatever was committed is whole and
//      whatever was not left no trace. A round that finds everything invoiced (the kill before
//      came after the last commit) starts from the seeded database again. Then the same posting
//      again, to completion: it invoices exactly what was left, and the end state equals the reference;
//   3. database faults: a batch run of a schedule, with every database connection of the app
//      terminated (pg_terminate_backend) while it posts, twice. The app stays up, the run ends
//      (succeeded, or failed for a later run to finish) instead of staying stuck, nothing is
//      half-written, and a later run of the schedule leaves every shipped line invoiced once.
// It prints a table of the kills and one line per check.
//
// PostgreSQL: DATABASE_URL's server, else one on localhost:5432, else an embedded one
// (scripts/embedded-db.js); TEST_FAULTS_OWN_SERVER=1 always starts the embedded one.
// TEST_FAULTS_ORDERS=N and TEST_FAULTS_KILLS=N change the sizes.
// Exits non-zero when a check fails. Every process it started is stopped, and its databases
// dropped, on success, failure, error or Ctrl-C.
const fs = require("node:fs")
const path = require("node:path")
const { checkedScript } = require("./checked-script")
const {
  ROOT,
  sleep,
  throwIfStopping,
  onCleanup,
  postgres,
  createDatabase,
  dropDatabase,
  freePort,
  startMedusa,
  waitUntilHealthy,
  adminApi,
  prepareSeededTemplate,
} = require("./processes")
const { checker } = require("./checker")
const { invariants, everythingShippedInvoicedOnce, invoicedPerOrder, documentCounts } = require("./invoicing-invariants")

const { Client } = require(require.resolve("pg", { paths: [ROOT] }))

const ORDERS = Number(process.env.TEST_FAULTS_ORDERS || 600)
const KILLS = Number(process.env.TEST_FAULTS_KILLS || 10)
const ADMIN = { email: "faults@example.com", password: "supersecret" }
/** One invoice per order, nothing printed: the posting is all database work. */
const PARAMETERS = { summary_update: "none", print: { invoice: false } }
/** The ticker looks for lost chunks every 2 s; a chunk claimed 20 s ago without an end is lost. */
const TICKER_SECONDS = 2
const STALE_CHUNK_SECONDS = 20
const RUN_TIMEOUT_MS = (STALE_CHUNK_SECONDS * 3 + 60) * 1000
/** At least this many kills must land while the posting was writing, or the crash phase proves nothing. */
const MIN_KILLS_MID_POSTING = Math.min(3, KILLS)


const script = checkedScript("faults")
const { log } = script
const seconds = (ms) => Number((ms / 1000).toFixed(2))
const uniform = (low, high) => low + Math.random() * (high - low)

/**
 * The open write transactions of a posting: each takes a row lock on the order line balances
 * with its first statement and holds it until it commits.
 */
const POSTING_WRITING = `
  select l.virtualtransaction as transaction from pg_locks l join pg_class c on c.oid = l.relation
   where l.database = (select oid from pg_database where datname = current_database())
     and c.relname = 'invoicing_order_line' and l.mode = 'RowExclusiveLock' and l.granted`
const writingTransactions = async (db) => (await db(POSTING_WRITING)).map((r) => r.transaction)

// ---------------------------------------------------------------------------------------------
// A phase: a fresh copy of the seeded database, a client of our own on it, the app started on it.

async function openPhase(ctx, key) {
  const database = `${ctx.template}_${key}`
  let client = null
  let forgetClient = () => {}
  let forgetDatabase = () => {}
  /** A fresh copy of the seeded database, and our client on it. */
  const create = async () => {
    forgetDatabase = await createDatabase(ctx.pg, database, ctx.template)
    client = new Client({ connectionString: ctx.pg.urlFor(database) })
    client.on("error", () => {}) // a query of ours then fails and says why
    await client.connect()
    forgetClient = onCleanup(`close the client of ${database}`, () => client.end())
  }
  const drop = async () => {
    forgetClient()
    await client.end().catch(() => {})
    await dropDatabase(ctx.pg, database)
    forgetDatabase()
  }
  await create()
  const logDir = path.join(ctx.tmp, key)
  fs.mkdirSync(logDir, { recursive: true })
  const env = { ...ctx.env, DATABASE_URL: ctx.pg.urlFor(database) }
  let starts = 0
  const db = async (text, params) => (await client.query(text, params)).rows
  return {
    database,
    db,
    /** Starts the app (one process, its own group), waits for /health and logs in. */
    async start() {
      const app = startMedusa({ name: `${key}-${++starts}`, role: "shared", port: await freePort(), env, logDir })
      await waitUntilHealthy([app])
      const api = adminApi(`http://localhost:${app.port}`, ADMIN)
      await api.login()
      return { app, api }
    },
    /** Until the database has no connection but ours (a killed process's backends end on their own). */
    async untilAppDisconnected() {
      const deadline = Date.now() + 30_000
      while ((await db(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`))[0].n) {
        if (Date.now() > deadline) throw new Error(`${database} still has connections 30 s after the app died`)
        await sleep(100)
      }
    },
    /** The database as the seed left it again (the app must be stopped). */
    async reset() {
      await drop()
      await create()
    },
    close: drop,
  }
}

const allOrderIds = async (db) => (await db(`select id from "order" where deleted_at is null order by created_at, id`)).map((r) => r.id)

/** Sends a posting without waiting for it: { settled(), result } where result resolves to the response or { error }. */
function startPosting(api, orderIds, idempotencyKey) {
  let settled = false
  const result = api
    .post("/admin/invoicing/post", { order_ids: orderIds, parameters: PARAMETERS, idempotency_key: idempotencyKey })
    .catch((error) => ({ error }))
    .finally(() => (settled = true))
  return { settled: () => settled, result }
}

/** Resolves at the moment a posting transaction is seen writing (ms timestamp), or null when the posting ended or `deadline` passed first. */
async function whenWriting(db, posting, deadline = Infinity) {
  for (;;) {
    throwIfStopping()
    if (posting.settled() || Date.now() >= deadline) return null
    if ((await writingTransactions(db)).length) return Date.now()
    await sleep(15)
  }
}

/**
 * While the posting runs: when its packing slips were first seen numbered (ms timestamp, or null),
 * and when each of its write transactions was first and last seen writing, in the order they ran.
 */
async function watchWrites(db, posting) {
  let numbered = null
  const transactions = new Map()
  while (!posting.settled()) {
    const now = Date.now()
    for (const transaction of await writingTransactions(db)) {
      transactions.set(transaction, { first: transactions.get(transaction)?.first ?? now, last: now })
    }
    if (!numbered && (await documentCounts(db)).packing_slips > 0) numbered = Date.now()
    await sleep(15)
  }
  return { numbered, transactions: [...transactions.values()] }
}

/** Sleeps until `deadline` (ms timestamp), or until the posting ended. */
async function sleepUntil(deadline, posting) {
  while (Date.now() < deadline && !posting.settled()) await sleep(Math.min(20, deadline - Date.now()))
}

function checkAll(c, results, prefix = "") {
  for (const r of results) c.check(r.ok, `${prefix}${r.label}`, r.detail)
  return results.every((r) => r.ok)
}

function countDifferences(expected, actual) {
  let differing = 0
  for (const key of new Set([...expected.keys(), ...actual.keys()])) if (expected.get(key) !== actual.get(key)) differing++
  return differing
}

// ---------------------------------------------------------------------------------------------
// Phase 1: the reference posting

async function referencePhase(ctx) {
  log(`phase "reference": one uninterrupted posting of all ${ORDERS} orders`)
  const phase = await openPhase(ctx, "reference")
  const c = checker()
  try {
    const { app, api } = await phase.start()
    const orderIds = await allOrderIds(phase.db)
    const started = Date.now()
    const posting = startPosting(api, orderIds, "reference")
    const writes = await watchWrites(phase.db, posting)
    const response = await posting.result
    const ended = Date.now()
    await app.stop()
    if (response.error) throw response.error
    c.check(
      response.invoices.length === ORDERS && response.skipped.length === 0,
      "the posting invoiced every order, one invoice each",
      `${response.invoices.length} invoices, ${response.skipped.length} skipped`
    )
    checkAll(c, [...(await invariants(phase.db)), await everythingShippedInvoicedOnce(phase.db)])
    // A posting's write transactions run one after another: the first began the writing, the last ended it.
    const firstWrite = writes.transactions[0]?.first ?? null
    const lastWrite = writes.transactions.at(-1)?.last ?? null
    c.check(firstWrite !== null, "a posting transaction was seen writing", firstWrite ? `from ${seconds(firstWrite - started)} s` : "never")
    const reference = {
      seconds: (ended - started) / 1000,
      /** Before the first invoice transaction: numbering packing slips, reading and proposing. */
      readSeconds: ((firstWrite ?? ended) - started) / 1000,
      numberingSeconds: ((writes.numbered ?? started) - started) / 1000,
      /** From the first invoice transaction to the last one seen (its commit is within a poll of it). */
      writeSeconds: ((lastWrite ?? ended) - (firstWrite ?? ended)) / 1000,
      /** Its write transactions, and how long the shortest was seen writing. */
      transactions: writes.transactions.length,
      shortestTransactionSeconds: Math.min(...writes.transactions.map((t) => t.last - t.first)) / 1000,
      invoices: (await documentCounts(phase.db)).invoices,
      perOrder: await invoicedPerOrder(phase.db),
    }
    log(
      `  posted ${reference.invoices} invoices in ${reference.seconds.toFixed(2)} s: ` +
        `reading ${reference.readSeconds.toFixed(2)} s, then writing ${reference.writeSeconds.toFixed(2)} s ` +
        `in ${reference.transactions} transactions (the shortest seen for ${reference.shortestTransactionSeconds.toFixed(2)} s)`
    )
    return { reference, results: c.results }
  } finally {
    await phase.close()
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 2: SIGKILL during the posting, again and again

/**
 * Waits for the kill's moment: at `readingUntil` (ms timestamp) if the posting is still reading
 * then, else `writingFor` seconds after it started writing. Reading takes longer or shorter from
 * run to run, so a moment of the writing is counted from when this posting starts writing; and a
 * kill while it writes lands inside a transaction (between two, it waits for the next), so that
 * the kills interrupt the posting rather than come after its last commit.
 */
async function untilKillMoment(db, posting, { readingUntil, writingFor }) {
  const writing = await whenWriting(db, posting, readingUntil)
  if (!writing) return // still reading at that moment (or the posting ended)
  await sleepUntil(writing + writingFor * 1000, posting)
  await whenWriting(db, posting)
}

/**
 * Waits until the posting's `nth` write transaction has been writing for `into` seconds (or, had
 * it committed by then, until the next one is seen writing). Counting transactions rather than
 * seconds keeps the kill inside the writing however much faster or slower this posting writes
 * than the reference did.
 */
async function untilInsideTransaction(db, posting, { nth, into }) {
  const seen = new Set()
  for (;;) {
    throwIfStopping()
    if (posting.settled()) return
    for (const transaction of await writingTransactions(db)) seen.add(transaction)
    if (seen.size >= nth) break
    await sleep(5)
  }
  await sleepUntil(Date.now() + into * 1000, posting)
  await whenWriting(db, posting)
}

/**
 * One round: start the app, send the posting, SIGKILL the app's whole process group at a random
 * moment, and check the database once the app's connections are gone. Odd rounds: any moment
 * from 0.2 s to the expected last commit, drawn on the reference's timing scaled to what is left.
 * Even rounds: inside one of the write transactions left, drawn at random.
 */
async function killRound(phase, round, { orderIds, reference }) {
  const { app, api } = await phase.start()
  const before = await documentCounts(phase.db)
  // What is left takes less writing (the reference's, scaled to the invoices left), and no numbering once the packing slips have numbers.
  const writeSeconds = (reference.writeSeconds * (reference.invoices - before.invoices)) / reference.invoices
  const readSeconds = reference.readSeconds - (before.packing_slips > 0 ? reference.numberingSeconds : 0)
  const started = Date.now()
  const posting = startPosting(api, orderIds, "crash")
  const moment = round % 2 === 1 ? "any moment" : "while writing"
  if (moment === "any moment") {
    const offset = uniform(0.2, readSeconds + writeSeconds)
    await untilKillMoment(phase.db, posting, { readingUntil: started + offset * 1000, writingFor: Math.max(0, offset - readSeconds) })
  } else {
    const transactionsLeft = Math.max(1, Math.ceil((reference.transactions * (reference.invoices - before.invoices)) / reference.invoices))
    await untilInsideTransaction(phase.db, posting, {
      nth: Math.floor(uniform(1, transactionsLeft + 1)),
      into: uniform(0, reference.shortestTransactionSeconds / 2),
    })
  }
  const finished = posting.settled()
  const writingAtKill = (await writingTransactions(phase.db)).length > 0
  process.kill(-app.pid, "SIGKILL")
  const delay = (Date.now() - started) / 1000
  await app.stop() // resolves once nothing of the group is left
  await posting.result
  await phase.untilAppDisconnected()
  const after = await documentCounts(phase.db)
  const checks = await invariants(phase.db)
  const failed = checks.filter((r) => !r.ok)
  return {
    round,
    moment,
    delay,
    finished,
    writingAtKill,
    before,
    after,
    midPosting: !finished && (writingAtKill || (after.invoices > before.invoices && after.invoices < reference.invoices)),
    checks,
    failed,
  }
}

function printKills(rounds) {
  console.log("")
  console.table(
    rounds.map((r) => ({
      kill: r.round,
      moment: r.moment,
      "delay s": Number(r.delay.toFixed(2)),
      "at the kill": r.finished ? "posting had ended" : r.writingAtKill ? "transaction writing" : "posting, not writing",
      "packing slips": `${r.before.packing_slips} → ${r.after.packing_slips}`,
      invoices: `${r.before.invoices} → ${r.after.invoices}`,
      checks: r.failed.length ? `FAIL ${r.failed.length}` : `ok ${r.checks.length}`,
    }))
  )
}

async function crashPhase(ctx, reference) {
  log(`phase "crash": the same posting, SIGKILLed ${KILLS} times, then run to completion`)
  const phase = await openPhase(ctx, "crash")
  const c = checker()
  try {
    const orderIds = await allOrderIds(phase.db)
    const rounds = []
    for (let round = 1; round <= KILLS; round++) {
      // A kill that came after the last commit left nothing to interrupt: start the next round
      // from the seeded database again, so that every round has a posting to kill.
      if ((await documentCounts(phase.db)).invoices === reference.invoices) {
        await phase.reset()
        log(`  round ${round}: everything was invoiced; the database is as seeded again`)
      }
      const r = await killRound(phase, round, { orderIds, reference })
      rounds.push(r)
      log(
        `  kill ${round} (${r.moment}) after ${r.delay.toFixed(2)} s: invoices ${r.before.invoices} → ${r.after.invoices}, ` +
          `packing slips ${r.before.packing_slips} → ${r.after.packing_slips}${r.failed.length ? `, FAILED: ${r.failed.map((f) => f.label).join("; ")}` : ""}`
      )
    }
    printKills(rounds)
    for (const r of rounds) {
      for (const f of r.failed) c.check(false, `after kill ${r.round}: ${f.label}`, f.detail)
    }
    c.check(rounds.every((r) => !r.failed.length), `after each of the ${KILLS} kills, the database holds only whole postings`)
    const mid = rounds.filter((r) => r.midPosting)
    c.check(
      mid.length >= MIN_KILLS_MID_POSTING && mid.some((r) => r.writingAtKill),
      `at least ${MIN_KILLS_MID_POSTING} kills landed mid-posting, one of them inside a writing transaction`,
      `kills ${mid.map((r) => `${r.round}${r.writingAtKill ? " (writing)" : ""}`).join(", ") || "none"}`
    )

    log("  the same posting again, to completion")
    const { app, api } = await phase.start()
    const before = await documentCounts(phase.db)
    const response = await startPosting(api, orderIds, "crash").result
    await app.stop()
    if (response.error) throw response.error
    const left = reference.invoices - before.invoices
    const failedGroups = response.skipped.filter((s) => s.group_key !== null)
    c.check(
      response.invoices.length === left && failedGroups.length === 0,
      "re-running the same posting invoices exactly what was left",
      `${left} left, ${response.invoices.length} posted, ${failedGroups.length} groups failed`
    )
    checkAll(c, [...(await invariants(phase.db)), await everythingShippedInvoicedOnce(phase.db)], "in the end: ")
    const differing = countDifferences(reference.perOrder, await invoicedPerOrder(phase.db))
    c.check(differing === 0, "every order is invoiced the same units and amounts as by the uninterrupted posting", `${differing} orders differ`)
    return { rounds, results: c.results }
  } finally {
    await phase.close()
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 3: database connections dropped during a batch run

/** A paused schedule over every shipped, not yet invoiced order: only the runs started through its /run route. */
async function createSchedule(api) {
  const { schedule } = await api.post("/admin/invoicing/schedules", {
    name: "test:faults",
    enabled: false,
    selection: { status: "shipped_not_invoiced" },
    parameters: PARAMETERS,
    recurrence: { unit: "days", interval: 1, starts_at: "2030-01-01T02:00", time_zone: "UTC" },
  })
  return schedule.id
}

const runRow = async (db, runId) =>
  (await db(`select status, posted, skipped, selected, chunks_total, chunks_done, error from invoicing_run where id = $1`, [runId]))[0]

/** Polls the run in the database (not through the app, which may be failing) until it ended or the time is up. */
async function untilRunEnds(db, runId) {
  const deadline = Date.now() + RUN_TIMEOUT_MS
  for (;;) {
    throwIfStopping()
    const run = await runRow(db, runId)
    if (!["queued", "running"].includes(run.status)) return run
    if (Date.now() > deadline) return { ...run, stuck: true }
    await sleep(500)
  }
}

/** Terminates every connection of the app to its database, from our own client; returns how many. */
async function dropAppConnections(db) {
  const rows = await db(
    `select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`
  )
  return rows.filter((r) => r.terminated).length
}

/**
 * Twice while the run is posting, as soon as a posting transaction is writing, drops every
 * connection of the app: first once the run posted some invoices, then once it posted a sixth
 * of the orders more.
 */
async function dropConnectionsMidRun(db, runId) {
  const drops = []
  let invoicesSeen = 0
  const deadline = Date.now() + RUN_TIMEOUT_MS
  while (drops.length < 2 && Date.now() < deadline) {
    throwIfStopping()
    const run = await runRow(db, runId)
    if (!["queued", "running"].includes(run.status)) break
    const { invoices } = await documentCounts(db)
    const due = drops.length === 0 ? invoices > 0 : invoices >= invoicesSeen + ORDERS / 6
    if (due && (await writingTransactions(db)).length) {
      const terminated = await dropAppConnections(db)
      drops.push({ invoices, terminated, chunksDone: run.chunks_done, chunksTotal: run.chunks_total })
      log(`  dropped ${terminated} connections of the app with ${invoices} invoices posted, ${run.chunks_done}/${run.chunks_total} chunks done`)
      invoicesSeen = invoices
    }
    await sleep(20)
  }
  return drops
}

/**
 * Makes every claim of a chunk fail with a database error, as when the connection drops right
 * then: a trigger of this test's own, on its copy of the database. It counts the claims it
 * refused in a sequence, which a rollback does not undo. Returns what undoes it.
 */
async function refuseClaims(db) {
  await db(`create sequence faults_refused_claims`)
  await db(`create function faults_refuse_claim() returns trigger language plpgsql as $$
              begin perform nextval('faults_refused_claims'); raise exception 'injected fault: the claim of chunk % failed', new.id; end $$`)
  await db(`create trigger faults_refuse_claim before update on invoicing_run_chunk
              for each row when (new.status = 'running') execute function faults_refuse_claim()`)
  return async () => {
    await db(`drop trigger faults_refuse_claim on invoicing_run_chunk`)
    await db(`drop function faults_refuse_claim()`)
    await db(`drop sequence faults_refused_claims`)
  }
}

/** Until every chunk of the run was offered once and its claim refused; returns the chunks. */
async function untilClaimsRefused(db, runId) {
  const deadline = Date.now() + 30_000
  for (;;) {
    throwIfStopping()
    const chunks = await db(`select id, status, attempts from invoicing_run_chunk where run_id = $1`, [runId])
    const [{ refused }] = await db(`select case when is_called then last_value else 0 end::int as refused from faults_refused_claims`)
    if (refused >= chunks.length) return chunks
    if (Date.now() > deadline) throw new Error(`${refused} claims of the ${chunks.length} chunks of run ${runId} refused after 30 s`)
    await sleep(100)
  }
}

async function appAnswers(app) {
  if (app.child.exitCode !== null || app.child.signalCode) return false
  try {
    return (await fetch(`http://localhost:${app.port}/health`)).ok
  } catch {
    return false
  }
}

async function faultPhase(ctx, reference) {
  log(`phase "database faults": a batch run over ${ORDERS} orders, the app's connections dropped while it posts`)
  const phase = await openPhase(ctx, "faults")
  const c = checker()
  try {
    const { app, api } = await phase.start()
    const scheduleId = await createSchedule(api)
    const allowClaims = await refuseClaims(phase.db)
    const { run: first } = await api.post(`/admin/invoicing/schedules/${scheduleId}/run`, {})
    const refused = await untilClaimsRefused(phase.db, first.id)
    await allowClaims()
    c.check(
      refused.length > 0 && refused.every((k) => k.status === "queued" && k.attempts === 0),
      "chunks whose claim failed on a database error stay queued",
      refused.map((k) => k.status).join(", ")
    )
    log(`  the claims of the run's ${refused.length} chunks failed; they must be offered again (stale after ${STALE_CHUNK_SECONDS} s)`)
    const drops = await dropConnectionsMidRun(phase.db, first.id)
    c.check(
      drops.length >= 1 && drops.every((d) => d.terminated > 0),
      "the app's database connections were dropped while the run was posting",
      drops.map((d) => `${d.terminated} connections at ${d.invoices} invoices`).join("; ") || "none"
    )
    const ended = await untilRunEnds(phase.db, first.id)
    const chunks = await phase.db(`select position, status, attempts from invoicing_run_chunk where run_id = $1 order by position`, [first.id])
    const chunkDetail = chunks.map((k) => `#${k.position} ${k.status} after ${k.attempts} attempt(s)`).join(", ")
    c.check(!ended.stuck, "the run ended instead of staying queued or running", `${ended.status}: ${chunkDetail}`)
    c.check(await appAnswers(app), "the app stayed up and answers /health")
    checkAll(c, await invariants(phase.db), "after the dropped connections: ")

    const { run: later } = await api.post(`/admin/invoicing/schedules/${scheduleId}/run`, {})
    const laterEnded = await untilRunEnds(phase.db, later.id)
    await app.stop()
    c.check(laterEnded.status === "succeeded", "a later run of the schedule succeeds", `${laterEnded.status}, ${laterEnded.selected} orders selected`)
    checkAll(c, [...(await invariants(phase.db)), await everythingShippedInvoicedOnce(phase.db)], "in the end: ")
    const differing = countDifferences(reference.perOrder, await invoicedPerOrder(phase.db))
    c.check(differing === 0, "every order is invoiced the same units and amounts as by the uninterrupted posting", `${differing} orders differ`)
    const { invoices } = await documentCounts(phase.db)
    c.check(
      ended.posted + laterEnded.posted === invoices,
      "the two runs count every invoice they posted, once",
      `first run ${ended.posted} (${ended.status}), later run ${laterEnded.posted}, ${invoices} invoices`
    )
    return { results: c.results, drops, first: ended, later: laterEnded }
  } finally {
    await phase.close()
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  const tmp = script.start()

  const ctx = {
    tmp,
    pg: await postgres(tmp, { ownServer: process.env.TEST_FAULTS_OWN_SERVER === "1", log }),
    template: `medusa_faults_${Date.now().toString(36)}_${process.pid}`,
    env: {
      ...process.env,
      NODE_ENV: "development",
      LOG_LEVEL: process.env.LOG_LEVEL || "error",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DISABLE_MEDUSA_ADMIN: "true",
      INVOICING_MAIL_DIR: path.join(tmp, "mail"),
      INVOICING_TICKER_SECONDS: String(TICKER_SECONDS),
      INVOICING_STALE_CHUNK_SECONDS: String(STALE_CHUNK_SECONDS),
    },
  }
  delete ctx.env.REDIS_URL // one process on Medusa's in-process modules, as without Redis in production
  await prepareSeededTemplate(ctx.pg, {
    name: ctx.template,
    env: ctx.env,
    logFile: path.join(tmp, "prepare.log"),
    orders: ORDERS,
    admin: ADMIN,
    log: (m) => log(m),
  })

  const outcomes = []
  const reference = await referencePhase(ctx)
  outcomes.push(reference)
  outcomes.push(await crashPhase(ctx, reference.reference))
  outcomes.push(await faultPhase(ctx, reference.reference))

  return script.finish(outcomes.flatMap((o) => o.results), started)
}

script.run(main)
