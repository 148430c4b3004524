#!/usr/bin/env node
// `npm run bench -- --orders N`: on a fresh embedded PostgreSQL, migrates the in-repo app,
// seeds N shipped orders and posts them (summary update none), then prints the figures.
// `npm run bench -- --pdf`: the PDF renderer's benchmark instead (see benchPdf).
// A benchmark that prints figures, not a timed test.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./embedded-db")

const ROOT = path.resolve(__dirname, "..")

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}

function medusa(args, env) {
  const run = spawnSync("npx", ["medusa", ...args], { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
  if (run.status !== 0) {
    process.stdout.write(run.stdout ?? "")
    throw new Error(`medusa ${args.join(" ")} failed with ${run.status}`)
  }
  return run.stdout
}

/**
 * `--pdf`: the documents benchmark (bench/pdf.ts, no database), pooled renderer against a
 * new browser per document; it prints its figures and writes bench-results/pdf.json.
 */
function benchPdf() {
  const args = process.argv.slice(2).filter((a) => a !== "--pdf")
  const run = spawnSync(process.execPath, ["--expose-gc", "-r", "ts-node/register", "bench/pdf.ts", ...args], { cwd: ROOT, stdio: "inherit" })
  process.exit(run.status ?? 1)
}

async function main() {
  if (process.argv.includes("--pdf")) return benchPdf()
  const orders = Number(option("orders", "1000"))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-invoicing-bench-"))
  fs.chmodSync(dir, 0o755)
  const db = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: 0, persistent: false, database: "bench" })
  try {
    const env = { ...process.env, DATABASE_URL: db.url, NODE_ENV: "development", LOG_LEVEL: "error" }
    medusa(["db:migrate"], env)
    const output = medusa(["exec", "./bench/post-shipped-orders.ts", String(orders)], env)
    const line = output.split("\n").find((l) => l.startsWith("BENCH "))
    if (!line) {
      process.stdout.write(output)
      throw new Error("the benchmark printed no figures")
    }
    const figures = JSON.parse(line.slice(6))
    console.table([figures])
    fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true })
    fs.writeFileSync(path.join(ROOT, "bench-results", `post-${orders}.json`), JSON.stringify(figures, null, 2))
  } finally {
    await db.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
