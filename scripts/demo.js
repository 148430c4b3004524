#!/usr/bin/env node
// `npm run demo`: a demo store with the plugin, on http://localhost:$PORT/app.
// Without DATABASE_URL it runs its own PostgreSQL in .data/pg, which keeps the data between runs.
const { spawn } = require("node:child_process")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./embedded-db")

const ROOT = path.resolve(__dirname, "..")
const PORT = process.env.PORT || "9000"
const ADMIN = { email: "admin@example.com", password: "supersecret" }
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })

let database = null
let running = null // the last Medusa command started; its process group is stopped before the database
let stopping = false

const log = (message) => console.log(`[demo] ${message}`)

async function main() {
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal))

  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    database = await startEmbeddedPostgres({
      dir: path.join(ROOT, ".data/pg"),
      port: Number(process.env.DEMO_PG_PORT || 54329),
      database: "medusa_demo",
      log,
    })
    databaseUrl = database.url
  }
  // The dashboard is served from this origin, so it must be allowed to call the admin and auth routes.
  const origin = `http://localhost:${PORT}`
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT,
    ADMIN_CORS: process.env.ADMIN_CORS || origin,
    AUTH_CORS: process.env.AUTH_CORS || origin,
  }

  log("migrating the database")
  await medusa(["db:migrate"], env)
  log("seeding the demo data (first run only; about two minutes)")
  await medusa(["exec", "./seed/run-demo-seed.ts"], env)
  if (await adminExists(databaseUrl)) {
    log(`admin user ${ADMIN.email} already exists`)
  } else {
    await medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], env)
  }

  log("starting Medusa")
  // DEMO_WATCH=false: `medusa start` (no file watcher, so edits elsewhere in the tree do not restart it; the browser tests use it).
  const server = medusa([process.env.DEMO_WATCH === "false" ? "start" : "develop"], env)
  await waitUntilHealthy(server)
  log(`ready: http://localhost:${PORT}/app  (log in as ${ADMIN.email} / ${ADMIN.password}; Ctrl-C stops)`)
  await server
  await stop()
}

/** Runs the Medusa CLI in its own process group, so that a signal reaches it only through stop(). */
function medusa(args, env) {
  const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd: ROOT, env, stdio: "inherit", detached: true })
  running = child
  const done = new Promise((resolve, reject) => {
    child.on("exit", (code, signal) => {
      if (stopping || code === 0) resolve()
      else reject(new Error(`medusa ${args[0]} failed (${signal ?? `exit code ${code}`})`))
    })
  })
  done.child = child
  return done
}

async function waitUntilHealthy(server) {
  let exited = false
  server.then(() => (exited = true), () => (exited = true))
  while (!exited && !stopping) {
    try {
      if ((await fetch(`http://localhost:${PORT}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
}

async function adminExists(databaseUrl) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from "user" where email = $1 and deleted_at is null', [ADMIN.email])
    return rowCount > 0
  } finally {
    await client.end()
  }
}

/** Medusa first (its process group, then a hard kill if it hangs), the database last. */
async function stop(signal) {
  if (stopping) return
  stopping = true
  if (signal) log(`${signal}: stopping`)
  if (running) await stopGroup(running)
  if (database) await database.stop()
  log("stopped")
  process.exit(signal ? 0 : process.exitCode ?? 0)
}

/** SIGTERM to the whole group (develop forks the server), SIGKILL after 15 s; resolves when none is left. */
async function stopGroup(child) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal)
      return true
    } catch {
      return false // no process left in the group
    }
  }
  signalGroup("SIGTERM")
  const deadline = Date.now() + 15_000
  while (signalGroup(0)) {
    if (Date.now() > deadline) signalGroup("SIGKILL")
    await new Promise((r) => setTimeout(r, 200))
  }
}

main().catch(async (error) => {
  console.error(`[demo] ${error.message}`)
  process.exitCode = 1
  await stop()
})
