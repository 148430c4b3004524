import fs from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import puppeteer from "puppeteer-core"
import { resolveChromium } from "../chromium"
import { configureDocuments, resetDocumentsConfig } from "../config"
import { closePdfRenderer, getPdfRenderer, renderDocumentHtml, renderDocumentPdf } from "../render"
import { PdfRenderer } from "../renderer"
import { SAMPLE_CREDIT_NOTE, SAMPLE_INVOICE, SAMPLE_PACKING_SLIP, SAMPLE_PRO_FORMA, SAMPLE_SELLER } from "../samples"
import type { InvoiceDocumentData } from "../types"
import { pdfPages, pdfText } from "./pdf-text"

/**
 * Real PDFs from a real Chromium (whichever the renderer finds: CHROMIUM_PATH, the system
 * one that .ci/run installs, or @sparticuz/chromium), read back with pdfjs-dist.
 */
jest.setTimeout(120_000)

const HOSTILE_TITLE = "Widget <script>alert(1)</script> {{document.number}} </td></tr> end"
const HOSTILE_NAME = "Mallory </td><script>x()</script> {{#each lines}}{{title}}{{/each}}"

/** Whether a process runs (a zombie — killed, not yet reaped — does not). */
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))
  } catch {
    return true // no /proc (not Linux): kill(0) said it exists
  }
}

async function waitFor(condition: () => boolean, what: string, ms = 15_000) {
  const until = Date.now() + ms
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

let tmp: string
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-pdf-"))
})
afterAll(async () => {
  await closePdfRenderer()
  resetDocumentsConfig()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe("invoice PDFs", () => {
  afterEach(() => resetDocumentsConfig())

  it("show the number, every line, the totals and `multiple` for an invoice of several packing slips", async () => {
    const pdf = await renderDocumentPdf("invoice", SAMPLE_INVOICE, SAMPLE_SELLER)
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    const [pages] = await pdfPages([pdf])
    expect(pages).toHaveLength(1) // a few lines fit on one A4 page
    const text = pages[0]
    for (const expected of [
      "INV-000042",
      "multiple",
      "Oak desk, 160 × 80 cm",
      "Desk lamp",
      "Office chair",
      "Printed catalogue 2027",
      "PS-000101",
      "PS-000102",
      "810.00 EUR",
      "1,868.00 EUR",
      "354.92 EUR",
      "2,267.86 EUR",
      "Acme Retail Ltd",
      "Northwind Supplies GmbH",
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain("COPY")
  })

  it("print a product title and a customer name containing <script>, {{ and </td> as literal text", async () => {
    const data: InvoiceDocumentData = {
      ...SAMPLE_INVOICE,
      bill_to: { name: HOSTILE_NAME, email: null, address: null },
      lines: [{ ...SAMPLE_INVOICE.lines[0], title: HOSTILE_TITLE }],
    }
    const text = await pdfText(await renderDocumentPdf("invoice", data, SAMPLE_SELLER))
    expect(text).toContain(HOSTILE_TITLE)
    expect(text).toContain(HOSTILE_NAME)
  })

  it('say "COPY 2" on the second copy', async () => {
    const [[original], [copy]] = await pdfPages([
      await renderDocumentPdf("invoice", SAMPLE_INVOICE, SAMPLE_SELLER, { copy: null }),
      await renderDocumentPdf("invoice", SAMPLE_INVOICE, SAMPLE_SELLER, { copy: 2 }),
    ])
    expect(copy).toContain("COPY 2")
    expect(original).not.toContain("COPY")
  })

  it("say PRO FORMA on a pro forma, which has no number", async () => {
    const text = await pdfText(await renderDocumentPdf("pro_forma", SAMPLE_PRO_FORMA, SAMPLE_SELLER))
    expect(text).toContain("PRO FORMA")
    expect(text).toContain("Pro forma invoice")
    expect(text).toContain("2,267.86 EUR")
    expect(text).not.toContain("INV-")
  })

  it("print a credit note and a packing slip", async () => {
    const [[credit], [slip]] = await pdfPages([
      await renderDocumentPdf("credit_note", SAMPLE_CREDIT_NOTE, SAMPLE_SELLER),
      await renderDocumentPdf("packing_slip", SAMPLE_PACKING_SLIP, SAMPLE_SELLER),
    ])
    expect(credit).toContain("CN-000007")
    expect(credit).toContain("-2,267.86 EUR")
    expect(credit).toContain("INV-000042")
    expect(slip).toContain("PS-000101")
    expect(slip).toContain("Jane Doe")
    expect(slip).not.toContain("EUR")
  })
})

describe("renderer isolation", () => {
  let server: http.Server
  let port: number
  let requests: string[]
  let connections: number

  beforeAll(async () => {
    requests = []
    connections = 0
    server = http.createServer((req, res) => {
      requests.push(req.url ?? "")
      res.writeHead(200, { "content-type": req.url?.endsWith(".css") ? "text/css" : "image/png" })
      res.end(req.url?.endsWith(".css") ? "body { color: red }" : Buffer.alloc(0))
    })
    server.on("connection", () => connections++)
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    resetDocumentsConfig()
  })
  beforeEach(() => {
    requests = []
    connections = 0
  })

  const externalTemplate = () => `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
<style>@import url("http://127.0.0.1:${port}/import.css"); body { background: url("http://127.0.0.1:${port}/bg.png") }</style>
</head><body>
<img src="http://127.0.0.1:${port}/x.png">
<iframe src="http://127.0.0.1:${port}/frame.html"></iframe>
<p>Invoice {{document.number}}</p>
</body></html>`

  it("makes no network request (nor connection) for a template with an external image, stylesheet or frame", async () => {
    // Control: the same HTML in a plain Chromium page does fetch from the server, so a
    // request would be seen here.
    const chromium = await resolveChromium()
    const browser = await puppeteer.launch({ executablePath: chromium.executablePath, headless: chromium.headless, args: ["--no-sandbox"], pipe: true })
    try {
      const page = await browser.newPage()
      await page.setContent(externalTemplate().replace("{{document.number}}", "control"), { waitUntil: "load" })
    } finally {
      await browser.close()
    }
    expect(requests).toEqual(expect.arrayContaining(["/x.png", "/style.css"]))
    requests = []
    connections = 0

    fs.writeFileSync(path.join(tmp, "external.hbs"), externalTemplate())
    configureDocuments({ templates: { invoice: "external.hbs" } }, tmp)
    const pdf = await renderDocumentPdf("invoice", SAMPLE_INVOICE, SAMPLE_SELLER)
    expect(await pdfText(pdf)).toContain("Invoice INV-000042")
    await new Promise((r) => setTimeout(r, 300)) // anything late would arrive by now
    expect(requests).toEqual([])
    expect(connections).toBe(0)
  })

  it("still shows inline data: images (the logo) while blocking everything else", async () => {
    const html = renderDocumentHtml("invoice", SAMPLE_INVOICE, SAMPLE_SELLER)
    const renderer = getPdfRenderer()
    const pdf = await renderer.renderPdf(html.replace("</body>", `<img src="http://127.0.0.1:${port}/late.png"></body>`))
    expect(await pdfText(pdf)).toContain("INV-000042")
    expect(pdf.includes("/Subtype /Image")).toBe(true) // the logo, inline
    expect(requests).toEqual([])
    expect(connections).toBe(0)
  })

  it("runs no JavaScript from a template", async () => {
    fs.writeFileSync(
      path.join(tmp, "script.hbs"),
      `<html><body><p id="p">Static {{document.number}}</p><script>document.getElementById("p").textContent = "SCRIPT RAN"</script></body></html>`
    )
    configureDocuments({ templates: { invoice: "script.hbs" } }, tmp)
    const text = await pdfText(await renderDocumentPdf("invoice", SAMPLE_INVOICE, SAMPLE_SELLER))
    expect(text).toContain("Static INV-000042")
    expect(text).not.toContain("SCRIPT RAN")
  })
})

describe("renderer lifecycle", () => {
  const html = renderDocumentHtml("invoice", SAMPLE_INVOICE, SAMPLE_SELLER)
  let renderer: PdfRenderer | null = null
  afterEach(async () => {
    await renderer?.close()
    renderer = null
  })

  it("relaunches a browser that was killed and renders again", async () => {
    renderer = new PdfRenderer({ pages: 2, recycle_after: 1000, timeout_ms: 30_000 })
    expect(await pdfText(await renderer.renderPdf(html))).toContain("INV-000042")
    const pid = (await renderer.browserPid())!
    process.kill(pid, "SIGKILL")
    await waitFor(() => !isAlive(pid) && renderer!.stats.crashes === 1, "the killed browser to be noticed")
    expect(await pdfText(await renderer.renderPdf(html))).toContain("INV-000042")
    expect(renderer.stats).toMatchObject({ launches: 2, crashes: 1 })
    expect(await renderer.browserPid()).not.toBe(pid)
  })

  it("retries a render in flight when its browser dies, on a relaunched browser", async () => {
    renderer = new PdfRenderer({ pages: 1, recycle_after: 1000, timeout_ms: 60_000 })
    await renderer.renderPdf(html) // launched and warm
    const pid = (await renderer.browserPid())!
    // A long document (~40 pages) keeps the render busy long enough to kill the browser under it.
    const long = renderDocumentHtml("invoice", { ...SAMPLE_INVOICE, lines: Array.from({ length: 1200 }, () => SAMPLE_INVOICE.lines[0]) }, SAMPLE_SELLER)
    const rendering = renderer.renderPdf(long)
    await waitFor(() => renderer!.inFlight === 1, "the render to start")
    await new Promise((r) => setTimeout(r, 100))
    process.kill(pid, "SIGKILL")
    const pdf = await rendering
    const pages = (await pdfPages([pdf]))[0]
    expect(pages.length).toBeGreaterThan(10)
    expect(renderer.stats).toMatchObject({ retries: 1, crashes: 1, launches: 2 })
  })

  it("recycles the browser after `recycle_after` documents and closes the old one", async () => {
    renderer = new PdfRenderer({ pages: 2, recycle_after: 3, timeout_ms: 30_000 })
    await renderer.renderPdf(html)
    const first = (await renderer.browserPid())!
    const pdfs = await Promise.all(Array.from({ length: 6 }, () => renderer!.renderPdf(html)))
    expect(pdfs.every((p) => p.subarray(0, 5).toString() === "%PDF-")).toBe(true)
    // 7 documents at 3 per browser: 3 browsers
    expect(renderer.stats).toMatchObject({ launches: 3, recycled: 2, crashes: 0, rendered: 7 })
    await waitFor(() => !isAlive(first), "the recycled browser to exit")
  })

  it("renders many documents concurrently through a small pool of pages", async () => {
    renderer = new PdfRenderer({ pages: 2, recycle_after: 1000, timeout_ms: 60_000 })
    const pdfs = await Promise.all(
      Array.from({ length: 12 }, (_, i) => renderer!.renderPdf(html.replaceAll("INV-000042", `INV-${String(i).padStart(6, "0")}`)))
    )
    const texts = await pdfPages(pdfs)
    texts.forEach(([text], i) => expect(text).toContain(`INV-${String(i).padStart(6, "0")}`))
    expect(renderer.stats.launches).toBe(1)
  })

  it("closes its browser on close() and refuses to render afterwards", async () => {
    renderer = new PdfRenderer({ pages: 1, recycle_after: 1000, timeout_ms: 30_000 })
    await renderer.renderPdf(html)
    const pid = (await renderer.browserPid())!
    await renderer.close()
    await waitFor(() => !isAlive(pid), "the browser to exit")
    await expect(renderer.renderPdf(html)).rejects.toThrow("The PDF renderer has been closed")
  })

  it("the process-wide renderer is one instance, closed by closePdfRenderer (Medusa's shutdown hook)", async () => {
    const shared = getPdfRenderer()
    expect(getPdfRenderer()).toBe(shared)
    await shared.renderPdf(html)
    const pid = (await shared.browserPid())!
    await closePdfRenderer()
    await waitFor(() => !isAlive(pid), "the browser to exit")
    expect(getPdfRenderer()).not.toBe(shared)
  })
})
