// Databases and Medusa processes for the scripts that run the app as in production
// (`npm run test:cluster`, `npm run bench`). Everything started registers how to undo it
// (onCleanup); cleanUp() undoes it last-in first-out, exactly once, on success, failure or a
// signal (stopOnSignals).
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const net = require("node:net")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
const { Client } = require(require.resolve("pg", { paths: [ROOT] }))

const START_TIMEOUT_MS = 3 * 60_000

let stopping = null // the signal that stops the script early, once one came

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Called wherever the test would start something new or wait on: after a signal, it only cleans up. */
function throwIfStopping() {
  if (stopping) throw new Error(`stopped by ${stopping}`)
}

/** After SIGINT, SIGTERM or SIGHUP: clean up everything and exit 130. */
function stopOnSignals(log) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (stopping) return
      stopping = signal
      log(`${signal}: stopping everything`)
      cleanUp().then(() => process.exit(130))
    })
  }
}

const isStopping = () => stopping !== null

// ---------------------------------------------------------------------------------------------
// Clean-up: everything started registers how to undo it; undone last-in first-out, exactly once.

const cleanups = []
let cleaningUp = null

/** Registers an undo step; returns a function that drops it (once it is no longer needed). */
function onCleanup(label, fn) {
  const entry = { label, fn }
  cleanups.push(entry)
  return () => {
    const i = cleanups.indexOf(entry)
    if (i >= 0) cleanups.splice(i, 1)
  }
}

function cleanUp() {
  cleaningUp ??= (async () => {
    while (cleanups.length) {
      const { label, fn } = cleanups.pop()
      try {
        await fn()
      } catch (error) {
        console.error(`clean-up "${label}" failed: ${error.message}`)
      }
    }
  })()
  return cleaningUp
}


// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function canConnect(connectionString) {
  const client = new Client({ connectionString, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * A PostgreSQL server to create databases on: { urlFor(database), sql(text, params, database) }.
 * DATABASE_URL's server, else one on localhost:5432, else (or with `ownServer`) an embedded one in tmp.
 */
async function postgres(tmp, { ownServer = false, log = () => {} } = {}) {
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl && !ownServer && (await canConnect("postgres://postgres@localhost:5432/postgres"))) {
    serverUrl = "postgres://postgres@localhost:5432/postgres"
  }
  if (serverUrl && !ownServer) {
    log(`PostgreSQL: using the server at ${new URL(serverUrl).host}`)
  } else {
    const { startEmbeddedPostgres } = require("./embedded-db")
    const db = await startEmbeddedPostgres({ dir: path.join(tmp, "pg"), port: 0, persistent: false, database: "postgres" })
    onCleanup("stop PostgreSQL", () => db.stop())
    serverUrl = db.url
    log(`PostgreSQL: started an embedded server on port ${db.port}`)
  }
  const urlFor = (database) => {
    const url = new URL(serverUrl)
    url.pathname = `/${database}`
    return url.toString()
  }
  async function sql(text, params = [], database = "postgres") {
    const client = new Client({ connectionString: urlFor(database) })
    await client.connect()
    try {
      return (await client.query(text, params)).rows
    } finally {
      await client.end()
    }
  }
  return { urlFor, sql }
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`

async function createDatabase(pg, name, template) {
  throwIfStopping()
  // A template must have no other connection; an autovacuum worker may hold one for a moment.
  for (let attempt = 1; ; attempt++) {
    try {
      await pg.sql(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ""}`)
      break
    } catch (error) {
      if (attempt >= 5 || !/being accessed by other users/.test(error.message)) throw error
      await sleep(2000)
    }
  }
  return onCleanup(`drop database ${name}`, () => dropDatabase(pg, name))
}

async function dropDatabase(pg, name) {
  await pg.sql(`drop database if exists ${ident(name)} with (force)`)
}

// ---------------------------------------------------------------------------------------------
// Medusa processes

/** Runs a Medusa CLI command to completion; its output goes to `logFile`. */
function medusaCommand(args, env, logFile) {
  throwIfStopping()
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, "a")
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd: ROOT, env, stdio: ["ignore", out, out], detached: true })
    // A group id is a pid, and pids are reused: forget the group as soon as it is gone.
    const forget = onCleanup(`stop medusa ${args[0]}`, () => stopGroup(child.pid))
    child.on("exit", (code, signal) => {
      forget()
      fs.closeSync(out)
      if (code === 0) resolve(fs.readFileSync(logFile, "utf8"))
      else reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit code ${code}`}); see ${logFile}`))
    })
  })
}

/**
 * Starts `medusa start` in its own process group, so that it (and anything it forks) can be
 * stopped, or killed, as one.
 */
function startMedusa({ name, role, port, env, logDir }) {
  throwIfStopping()
  const logFile = path.join(logDir, `${name}.log`)
  const out = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, [MEDUSA_CLI, "start", "--port", String(port)], {
    cwd: ROOT,
    env: { ...env, MEDUSA_WORKER_MODE: role, PORT: String(port) },
    stdio: ["ignore", out, out],
    detached: true,
  })
  fs.closeSync(out)
  const forget = onCleanup(`stop ${name}`, () => stopGroup(child.pid))
  const stop = async () => {
    await stopGroup(child.pid)
    forget()
  }
  return { name, role, port, pid: child.pid, logFile, child, pids: new Set([child.pid]), stop }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the whole group, SIGKILL after 15 s; resolves when none of it is left. */
async function stopGroup(pgid) {
  const signal = (s) => {
    try {
      process.kill(-pgid, s)
    } catch {
      /* nothing left */
    }
  }
  signal("SIGTERM")
  const deadline = Date.now() + 15_000
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) signal("SIGKILL")
    await sleep(200)
  }
}

/** Every pid in a process group (Linux: field 5 of /proc/<pid>/stat). Medusa may fork; the claim records the pid that runs. */
function pidsInGroup(pgid) {
  const pids = new Set()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) === pgid) pids.add(Number(entry))
    } catch {
      /* gone meanwhile */
    }
  }
  return pids
}

async function waitUntilHealthy(processes) {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (const p of processes) {
    for (;;) {
      throwIfStopping()
      if (p.child.exitCode !== null || p.child.signalCode) throw new Error(`${p.name} exited while starting; see ${p.logFile}`)
      if (Date.now() > deadline) throw new Error(`${p.name} did not answer /health within ${START_TIMEOUT_MS / 1000} s; see ${p.logFile}`)
      try {
        if ((await fetch(`http://localhost:${p.port}/health`)).ok) break
      } catch {
        /* not listening yet */
      }
      await sleep(500)
    }
    for (const pid of pidsInGroup(p.pid)) p.pids.add(pid)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * A database to copy per phase: migrated, seeded with `orders` shipped orders
 * (scripts/test-cluster-seed.ts, optionally over `invoiceAccounts` new invoice accounts) and an
 * admin user. `env` must not name a REDIS_URL: the seed runs on Medusa's in-process modules and
 * leaves nothing queued. Returns the seed's { orders, seconds }.
 */
async function prepareSeededTemplate(pg, { name, env, logFile, orders, invoiceAccounts, admin, log = () => {} }) {
  await createDatabase(pg, name)
  const dbEnv = { ...env, DATABASE_URL: pg.urlFor(name) }
  let started = Date.now()
  await medusaCommand(["db:migrate"], dbEnv, logFile)
  log(`migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  started = Date.now()
  const args = ["exec", "./scripts/test-cluster-seed.ts", String(orders), ...(invoiceAccounts ? [String(invoiceAccounts)] : [])]
  const output = await medusaCommand(args, dbEnv, logFile)
  const seeded = JSON.parse(output.split("\n").find((l) => l.startsWith("SEED ")).slice(5))
  log(`seeded ${seeded.orders} shipped orders in ${((Date.now() - started) / 1000).toFixed(1)} s (store set-up included)`)
  if (seeded.orders !== orders) throw new Error(`the seed made ${seeded.orders} orders, not ${orders}`)
  await medusaCommand(["user", "-e", admin.email, "-p", admin.password], dbEnv, logFile)
  return seeded
}

// ---------------------------------------------------------------------------------------------
// The admin API

/** Calls the admin API as `credentials` ({ email, password }) once login() has run; a non-2xx answer throws. */
function adminApi(baseUrl, credentials) {
  let token = null
  async function call(method, route, body) {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await response.json().catch(() => null)
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(data)}`)
    return data
  }
  return {
    async login() {
      token = (await call("POST", "/auth/user/emailpass", credentials)).token
    },
    /** The headers of an authenticated request, for callers that send their own. */
    headers: () => ({ authorization: `Bearer ${token}` }),
    get: (route) => call("GET", route),
    post: (route, body) => call("POST", route, body),
  }
}


module.exports = {
  ROOT,
  sleep,
  throwIfStopping,
  stopOnSignals,
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
}
