#!/usr/bin/env node
// `npm run test:admin`: browser tests of the admin pages. Builds the plugin when .medusa/server is
// missing and the dashboard (into ./public/admin, what `medusa start` serves), starts the demo (scripts/demo.js) on a free port against a fresh embedded PostgreSQL in a
// temporary folder, runs admin-tests/*.test.js with playwright-core driving a system Chromium, and
// stops everything. `--serve` starts the fresh demo and keeps it running (for development).
const { spawn, spawnSync } = require("node:child_process")
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./embedded-db")

const ROOT = path.resolve(__dirname, "..")
const serveOnly = process.argv.includes("--serve")
const log = (m) => console.log(`[test:admin] ${m}`)

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, "localhost", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on("error", reject)
  })
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".medusa/server/src/admin/index.js"))) {
    log("building the plugin (npm run build)")
    const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" })
    if (r.status !== 0) throw new Error("npm run build failed")
  }
  // The dashboard with the plugin's pages, built as for production: `medusa start` serves ./public/admin.
  log("building the dashboard (medusa build --admin-only)")
  // `medusa build` also writes Medusa's generated query types to .medusa/types, which the plugin's tsconfig
  // includes (and with which `npm run build` no longer type-checks): leave that folder as it was.
  const types = path.join(ROOT, ".medusa/types")
  const typesBackup = fs.existsSync(types) ? fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-types-")) : null
  if (typesBackup) fs.cpSync(types, typesBackup, { recursive: true })
  const b = spawnSync(process.execPath, [require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] }), "build", "--admin-only"], {
    cwd: ROOT,
    stdio: "inherit",
  })
  fs.rmSync(types, { recursive: true, force: true })
  if (typesBackup) {
    fs.cpSync(typesBackup, types, { recursive: true })
    fs.rmSync(typesBackup, { recursive: true, force: true })
  }
  if (b.status !== 0) throw new Error("medusa build --admin-only failed")
  fs.rmSync(path.join(ROOT, "public/admin"), { recursive: true, force: true })
  fs.cpSync(path.join(ROOT, ".medusa/admin"), path.join(ROOT, "public/admin"), { recursive: true })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-admin-pg-"))
  const database = await startEmbeddedPostgres({ dir, port: 0, persistent: false, database: "medusa_admin_test", log })
  const port = await freePort()
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-admin-mail-"))
  const demo = spawn(process.execPath, [path.join(__dirname, "demo.js")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), INVOICING_MAIL_DIR: mailDir, DEMO_WATCH: "false",
      // Not "production": Medusa then marks the session cookie Secure, which a plain-http localhost never gets back;
      // not "development": the dashboard would be Vite's dev server instead of the built one in ./public/admin.
      NODE_ENV: "test",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const demoLog = fs.createWriteStream(path.join(os.tmpdir(), `invoicing-admin-demo-${port}.log`))
  demo.stdout.pipe(demoLog)
  demo.stderr.pipe(demoLog)
  let demoExited = false
  demo.on("exit", () => (demoExited = true))
  log(`demo starting on port ${port} (log: ${demoLog.path})`)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    if (!demoExited) {
      try {
        process.kill(demo.pid, "SIGTERM") // demo.js stops Medusa's process group itself
      } catch {}
      const deadline = Date.now() + 30_000
      while (!demoExited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      if (!demoExited) {
        try {
          process.kill(-demo.pid, "SIGKILL")
        } catch {}
      }
    }
    await database.stop()
    fs.rmSync(mailDir, { recursive: true, force: true })
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop().then(() => process.exit(1)))

  const started = Date.now()
  const base = `http://localhost:${port}`
  while (true) {
    if (demoExited) {
      await stop()
      throw new Error(`the demo exited before it was ready; see ${demoLog.path}`)
    }
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    if (Date.now() - started > 10 * 60_000) {
      await stop()
      throw new Error("the demo was not ready within 10 minutes")
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  log(`demo ready after ${Math.round((Date.now() - started) / 1000)} s: ${base}/app`)
  if (serveOnly) {
    log("--serve: Ctrl-C stops")
    await new Promise(() => {})
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, "admin-tests/run.js")], {
    cwd: ROOT,
    env: { ...process.env, ADMIN_BASE_URL: base, INVOICING_MAIL_DIR: mailDir },
    stdio: "inherit",
  })
  await stop()
  process.exitCode = r.status ?? 1
}

main().catch((error) => {
  console.error(`[test:admin] ${error.message}`)
  process.exitCode = 1
})
