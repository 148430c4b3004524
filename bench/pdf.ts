/**
 * `npm run bench -- --pdf [--pooled N] [--per-browser M]`: renders N one-page invoices with
 * the pooled renderer (one browser, reused pages, recycled after `recycle_after` documents)
 * and M with a new browser per document, in the same run and at the same concurrency (the
 * pool's page count), then prints documents/s for both, their ratio and the memory at the
 * start and end, and writes bench-results/pdf.json. No database: plain node + ts-node.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { resolveChromium } from "../src/documents/chromium"
import { rendererSettings } from "../src/documents/options"
import { renderDocumentHtml } from "../src/documents/render"
import { PdfRenderer } from "../src/documents/renderer"
import { SAMPLE_INVOICE, SAMPLE_SELLER } from "../src/documents/samples"

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/**
 * Memory of a process and all its descendants (Chromium is one browser process and its
 * renderer, GPU and utility children), in MB, from Linux /proc: RSS summed (counts pages
 * shared between Chromium's processes once per process, so it overstates) and PSS summed
 * (shares them out: the real footprint).
 */
function treeMemoryMb(rootPid: number | null): { rss: number; pss: number } | null {
  if (!rootPid || !fs.existsSync("/proc")) return null
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"))?.[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      /* the process ended while we looked */
    }
  }
  let rss = 0
  let pss = 0
  const stack = [rootPid]
  while (stack.length) {
    const pid = stack.pop()!
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8")
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
    } catch {
      /* ended */
    }
    stack.push(...(children.get(pid) ?? []))
  }
  return { rss: Math.round(rss / 1024), pss: Math.round(pss / 1024) }
}

/** This process's RSS after a full GC (run with --expose-gc), so garbage not yet collected does not count. */
function nodeRssMb(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return mb(process.memoryUsage().rss)
}

/** The sample invoice with its own number, rendered to HTML the way a real document is. */
const invoiceHtml = (i: number) =>
  renderDocumentHtml("invoice", { ...SAMPLE_INVOICE, number: `INV-${String(i).padStart(6, "0")}` }, SAMPLE_SELLER)

/** Runs `count` jobs with `concurrency` workers. */
async function run(count: number, concurrency: number, job: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++)
    })
  )
}

async function main() {
  const pooledCount = option("pooled", 2000)
  const perBrowserCount = option("per-browser", 50)
  const settings = rendererSettings(undefined)
  const chromium = await resolveChromium()
  const nodeRssStart = nodeRssMb()

  // Pooled: the renderer the plugin uses, with its default settings.
  const pool = new PdfRenderer({ ...settings, resolveChromium: async () => chromium })
  const launchStart = performance.now()
  await pool.renderPdf(invoiceHtml(0)) // launches the browser: a once-per-process cost
  const launchMs = Math.round(performance.now() - launchStart)
  await run(settings.pages * 2, settings.pages, async (i) => void (await pool.renderPdf(invoiceHtml(i)))) // all pages open
  const browserStart = treeMemoryMb(await pool.browserPid())
  const nodeRssWarm = nodeRssMb()
  const samples: { docs: number; node_rss_mb: number; browser_rss_mb?: number; browser_pss_mb?: number }[] = []
  let bytes = 0
  const pooledStart = performance.now()
  await run(pooledCount, settings.pages * 2, async (i) => {
    const pdf = await pool.renderPdf(invoiceHtml(i))
    bytes += pdf.length
    if ((i + 1) % 250 === 0) {
      const browser = treeMemoryMb(await pool.browserPid())
      samples.push({ docs: i + 1, node_rss_mb: nodeRssMb(), browser_rss_mb: browser?.rss, browser_pss_mb: browser?.pss })
    }
  })
  const pooledSeconds = (performance.now() - pooledStart) / 1000
  const browserEnd = treeMemoryMb(await pool.browserPid())
  const nodeRssEnd = nodeRssMb()
  const stats = { ...pool.stats }
  await pool.close()

  // A new browser per document (what most invoice plugins do), same concurrency.
  const perBrowserStart = performance.now()
  await run(perBrowserCount, settings.pages, async (i) => {
    const single = new PdfRenderer({ ...settings, pages: 1, resolveChromium: async () => chromium })
    try {
      await single.renderPdf(invoiceHtml(i))
    } finally {
      await single.close()
    }
  })
  const perBrowserSeconds = (performance.now() - perBrowserStart) / 1000

  const pooledRate = pooledCount / pooledSeconds
  const perBrowserRate = perBrowserCount / perBrowserSeconds
  const figures = {
    cores: os.availableParallelism?.() ?? os.cpus().length,
    chromium: `${chromium.source}: ${chromium.executablePath}`,
    pages: settings.pages,
    recycle_after: settings.recycle_after,
    pooled_documents: pooledCount,
    pooled_seconds: Number(pooledSeconds.toFixed(2)),
    pooled_docs_per_s: Number(pooledRate.toFixed(1)),
    pooled_avg_pdf_kb: Math.round(bytes / pooledCount / 1024),
    browser_launches: stats.launches,
    browsers_recycled: stats.recycled,
    first_launch_ms: launchMs,
    per_browser_documents: perBrowserCount,
    per_browser_seconds: Number(perBrowserSeconds.toFixed(2)),
    per_browser_docs_per_s: Number(perBrowserRate.toFixed(2)),
    ratio: Number((pooledRate / perBrowserRate).toFixed(1)),
    node_rss_mb: { start: nodeRssStart, warm: nodeRssWarm, end: nodeRssEnd },
    browser_rss_mb: { start: browserStart?.rss ?? null, end: browserEnd?.rss ?? null },
    browser_pss_mb: { start: browserStart?.pss ?? null, end: browserEnd?.pss ?? null },
    rss_samples: samples,
  }
  const { rss_samples, node_rss_mb, browser_rss_mb, browser_pss_mb, ...flat } = figures
  console.table([
    {
      ...flat,
      node_rss_start_mb: node_rss_mb.start,
      node_rss_warm_mb: node_rss_mb.warm,
      node_rss_end_mb: node_rss_mb.end,
      browser_rss_start_mb: browser_rss_mb.start,
      browser_rss_end_mb: browser_rss_mb.end,
      browser_pss_start_mb: browser_pss_mb.start,
      browser_pss_end_mb: browser_pss_mb.end,
    },
  ])
  console.table(rss_samples)
  console.log(
    `pooled: ${flat.pooled_docs_per_s} documents/s; new browser per document: ${flat.per_browser_docs_per_s} documents/s; ratio ${flat.ratio}×; ` +
      `RSS node ${node_rss_mb.start} (before launch), ${node_rss_mb.warm} (pool warm) → ${node_rss_mb.end} MB (after GC), browser ${browser_rss_mb.start} → ${browser_rss_mb.end} MB ` +
      `(PSS ${browser_pss_mb.start} → ${browser_pss_mb.end} MB)`
  )
  const out = path.join(__dirname, "..", "bench-results")
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, "pdf.json"), JSON.stringify(figures, null, 2))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
