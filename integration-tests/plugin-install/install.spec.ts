/**
 * Installs the plugin the way a merchant's developer would, into an app that is not this repo:
 * `npm pack` of the built package → a fresh Medusa app in a temp dir that depends on the
 * tarball → `medusa db:migrate` on a fresh database → `medusa start` → an admin calls a
 * plugin route over HTTP.
 *
 * Database: the test PostgreSQL of `npm test` (DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD).
 * npm: uses the local npm cache first (--prefer-offline). Set KEEP_INSTALL_TEST_DIR=1 to keep
 * the temp app for a look afterwards.
 */
import { ChildProcess, execFile, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"

const ROOT = path.resolve(__dirname, "../..")
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
const MEDUSA_VERSION: string = PKG.devDependencies["@medusajs/medusa"]
const BUILD_DIR = path.join(ROOT, ".medusa/server")

const ADMIN = { email: "install-test@example.com", password: "install-test-secret" }
const DB = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const DB_NAME = `invoicing_install_${process.pid}_${Date.now().toString(36)}`
const DATABASE_URL =
  `postgres://${encodeURIComponent(DB.user)}:${encodeURIComponent(DB.password)}` +
  `@${DB.host}:${DB.port}/${DB_NAME}`

const SETUP_TIMEOUT = 10 * 60_000

let workDir = ""
let appDir = ""
let app: ChildProcess | null = null
let appLog = ""
let baseUrl = ""
let token = ""
let dbCreated = false

/** The environment for npm and the medusa CLI in the temp app: none of this repo's npm/jest state. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig", "npm_config_globalconfig"])
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("npm_") && !keep.has(k.toLowerCase())) continue
    // LOG_LEVEL too: the app's full log is kept and shown when something fails.
    if (["NODE_ENV", "INIT_CWD", "JEST_WORKER_ID", "DATABASE_URL", "LOG_LEVEL"].includes(k)) continue
    env[k] = v
  }
  return { ...env, ...extra }
}

function run(cmd: string, args: string[], cwd: string, env = childEnv(), timeout = 5 * 60_000) {
  return new Promise<string>((resolve, reject) => {
    execFile(cmd, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-40).join("\n")
        reject(new Error(`\`${cmd} ${args.join(" ")}\` failed in ${cwd}: ${error.message}\n${tail}`))
      } else resolve(stdout)
    })
  })
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "localhost", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function withPg<T>(database: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...DB, database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app && app.exitCode !== null) {
      throw new Error(`medusa start exited with code ${app.exitCode}:\n${appLog.split("\n").slice(-40).join("\n")}`)
    }
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the app did not answer /health within ${timeoutMs} ms:\n${appLog.split("\n").slice(-40).join("\n")}`)
}

function timed<T>(label: string, p: Promise<T>): Promise<T> {
  const started = Date.now()
  return p.then((v) => {
    process.stdout.write(`[install-test] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    return v
  })
}

beforeAll(async () => {
  // 1. The built package. An app can only load a plugin's .medusa/server, so build if it is
  //    missing or older than the sources.
  const srcDir = path.join(ROOT, "src")
  if (!fs.existsSync(path.join(BUILD_DIR, "src")) || newestMtime(srcDir) > newestMtime(BUILD_DIR)) {
    await timed("npm run build", run("npm", ["run", "build"], ROOT, childEnv()))
  }

  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-invoicing-install-"))
  const packed = await timed(
    "npm pack",
    run("npm", ["pack", "--json", "--pack-destination", workDir], ROOT, childEnv())
  )
  const tarball: string = JSON.parse(packed.slice(packed.indexOf("[")))[0].filename
  const files: string[] = JSON.parse(packed.slice(packed.indexOf("[")))[0].files.map((f: { path: string }) => f.path)
  // Only the build goes into the package: no sources, tests, seed or dev app config.
  expect(files.filter((f) => !/^(\.medusa\/server\/|package\.json$|README\.md$|LICENSE)/.test(f))).toEqual([])

  // 2. A minimal Medusa app that depends on the tarball.
  appDir = path.join(workDir, "app")
  fs.mkdirSync(appDir)
  fs.writeFileSync(
    path.join(appDir, "package.json"),
    JSON.stringify(
      {
        name: "invoicing-install-test-app",
        private: true,
        version: "0.0.0",
        dependencies: {
          "@medusajs/admin-sdk": MEDUSA_VERSION,
          "@medusajs/cli": MEDUSA_VERSION,
          "@medusajs/framework": MEDUSA_VERSION,
          "@medusajs/medusa": MEDUSA_VERSION,
          [PKG.name]: `file:../${tarball}`,
        },
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(appDir, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "install-test-jwt",
      cookieSecret: "install-test-cookie",
    },
  },
  admin: { disable: true },
  plugins: [{ resolve: ${JSON.stringify(PKG.name)}, options: {} }],
})
`
  )
  await timed(
    "npm install (temp app)",
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], appDir)
  )

  // 3. A fresh database, migrated by the app's own CLI (core modules + the plugin's module and links).
  await withPg("postgres", (c) => c.query(`create database "${DB_NAME}"`))
  dbCreated = true
  const medusa = path.join(appDir, "node_modules/.bin/medusa")
  const env = childEnv({ DATABASE_URL })
  await timed("medusa db:migrate", run(medusa, ["db:migrate"], appDir, env))
  await timed("medusa user", run(medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], appDir, env))

  // 4. Start the app and log in as the admin.
  const port = await freePort()
  baseUrl = `http://localhost:${port}`
  const started = Date.now()
  app = spawn(medusa, ["start", "-p", String(port)], { cwd: appDir, env })
  // If jest goes away without afterAll (forceExit, a crash), take the app with it.
  process.once("exit", () => app?.exitCode === null && app.kill("SIGKILL"))
  app.stdout!.on("data", (d) => (appLog += d))
  app.stderr!.on("data", (d) => (appLog += d))
  await waitForHealth(baseUrl, 120_000)
  process.stdout.write(`[install-test] medusa start: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)

  const res = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  expect(res.status).toBe(200)
  token = ((await res.json()) as { token: string }).token
  expect(token).toEqual(expect.any(String))
}, SETUP_TIMEOUT)

afterAll(async () => {
  if (app?.pid && app.exitCode === null) {
    const exited = new Promise((r) => app!.once("exit", r))
    app.kill("SIGTERM")
    const timer = setTimeout(() => app!.kill("SIGKILL"), 10_000)
    await exited
    clearTimeout(timer)
  }
  if (dbCreated) {
    await withPg("postgres", (c) => c.query(`drop database if exists "${DB_NAME}" with (force)`)).catch(() => {})
  }
  if (workDir && !process.env.KEEP_INSTALL_TEST_DIR) fs.rmSync(workDir, { recursive: true, force: true })
}, 60_000)

describe("installing the packed plugin into a fresh Medusa app", () => {
  it("db:migrate creates the plugin's tables", async () => {
    const { rows } = await withPg(DB_NAME, (c) =>
      c.query(
        `select table_name from information_schema.tables
          where table_schema = 'public' and table_name in ('invoicing_invoice', 'invoicing_packing_slip')
          order by table_name`
      )
    )
    expect(rows.map((r) => r.table_name)).toEqual(["invoicing_invoice", "invoicing_packing_slip"])
  })

  it("serves GET /admin/invoices to an admin: an empty list", async () => {
    const res = await fetch(`${baseUrl}/admin/invoices`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(expect.objectContaining({ invoices: [], count: 0 }))
  })

  it("refuses GET /admin/invoices without an admin token", async () => {
    const res = await fetch(`${baseUrl}/admin/invoices`)
    expect(res.status).toBe(401)
  })

  it("answers 404 for a route the plugin does not define", async () => {
    const res = await fetch(`${baseUrl}/admin/invoicing-no-such-route`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(404)
  })
})
