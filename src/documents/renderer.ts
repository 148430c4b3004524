import puppeteer, { type Browser, type HTTPRequest, type Page } from "puppeteer-core"
import { type ResolvedChromium, resolveChromium } from "./chromium"
import type { RendererSettings } from "./options"

/**
 * HTML → PDF with one Chromium per process and a pool of reused pages.
 *
 * Why this shape (measured on a 2-core machine, see the README's benchmark): launching a
 * browser per document costs most of a second; a new page per document ~20–30 ms; a reused
 * page only the layout and the PDF. So: one browser, launched lazily on the first render;
 * `pages` tabs reused (about one per core: page.pdf() keeps a core busy); the browser
 * recycled after `recycle_after` documents (long-lived Chromium creeps in memory) and
 * relaunched when it crashes or disconnects — a render caught in that is retried once on
 * the new browser, then fails with a clear error.
 *
 * Isolation: JavaScript is off on every page and every request that is not a `data:` URL
 * is aborted, so a template (a merchant's override included) cannot reach the network or
 * the file system: images and fonts must be inline. `waitUntil: "load"`, never
 * networkidle: with requests aborted there is nothing to wait for, and networkidle never
 * settles on a reused page.
 */

/**
 * Chromium flags. `--no-sandbox`: we run as root in containers, where the sandbox cannot
 * start. The next ones stop Chromium's own background traffic (updates, sync, QUIC probes,
 * field trials) — on a closed network those connections are refused and only slow things
 * down. `--host-resolver-rules=MAP * ~NOTFOUND` makes every host unresolvable, IP literals
 * included: request interception aborts requests, but Chromium still opens a TCP
 * connection ahead of an <iframe>'s navigation (measured), which this prevents.
 * `--disable-dev-shm-usage` avoids crashes on Docker's 64 MB /dev/shm.
 */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--disable-dev-shm-usage",
])

export class PdfRenderError extends Error {
  readonly cause?: unknown
  constructor(message: string, options?: { cause?: unknown }) {
    super(message)
    this.name = "PdfRenderError"
    this.cause = options?.cause
  }
}

type Generation = {
  id: number
  browser: Browser
  idle: Page[]
  /** Renders handed to this browser (finished or in flight): it is retired at `recycle_after`. */
  assigned: number
  busy: number
  retired: boolean
  dead: boolean
  pid: number | null
}

export type PdfRendererOptions = RendererSettings & {
  /** The plugin option `chromium_path`; the other sources are looked up by resolveChromium. */
  chromium_path?: string | null
  /** Tests and the benchmark inject their own lookup. */
  resolveChromium?: () => Promise<ResolvedChromium>
}

export type PdfRendererStats = {
  /** Browsers launched so far (the first launch included). */
  launches: number
  /** Browsers found dead (crashed, killed, disconnected). */
  crashes: number
  /** Browsers closed after `recycle_after` documents. */
  recycled: number
  rendered: number
  retries: number
}

/** Whether an error means the page or the browser went away (worth one retry on a fresh one). */
function isTargetGone(error: unknown): boolean {
  const e = error as { name?: string; message?: string }
  return (
    e?.name === "TargetCloseError" ||
    e?.name === "ProtocolError" ||
    /Target closed|Session closed|Connection closed|Protocol error|detached|crashed|browser has disconnected|Browser closed/i.test(e?.message ?? "")
  )
}

export class PdfRenderer {
  readonly settings: RendererSettings
  readonly stats: PdfRendererStats = { launches: 0, crashes: 0, recycled: 0, rendered: 0, retries: 0 }
  private readonly lookup: () => Promise<ResolvedChromium>
  private chromium: Promise<ResolvedChromium> | null = null
  private current: Promise<Generation> | null = null
  private readonly generations = new Set<Generation>()
  private nextId = 1
  private free: number
  private readonly waiting: (() => void)[] = []
  private closed = false

  constructor(options: PdfRendererOptions) {
    this.settings = { pages: options.pages, recycle_after: options.recycle_after, timeout_ms: options.timeout_ms }
    this.free = options.pages
    this.lookup = options.resolveChromium ?? (() => resolveChromium({ optionPath: options.chromium_path ?? null }))
  }

  /** The running browser's process id (null before the first render): for monitoring and tests. */
  async browserPid(): Promise<number | null> {
    if (!this.current) return null
    const generation = await this.current.catch(() => null)
    return generation?.pid ?? null
  }

  /** Renders running on a browser right now: for monitoring and tests. */
  get inFlight(): number {
    return [...this.generations].reduce((n, g) => n + g.busy, 0)
  }

  /** Renders one HTML document to an A4 PDF. */
  async renderPdf(html: string): Promise<Buffer> {
    if (typeof html !== "string") throw new PdfRenderError("renderPdf expects an HTML string")
    await this.acquireSlot()
    try {
      try {
        return await this.renderOnce(html)
      } catch (error) {
        if (this.closed || !isTargetGone(error)) throw this.describe(error)
        // The browser (or this page) died under us: one more try on a fresh page/browser.
        this.stats.retries++
        try {
          return await this.renderOnce(html)
        } catch (again) {
          throw this.describe(again, "after the browser was relaunched")
        }
      }
    } finally {
      this.releaseSlot()
    }
  }

  /** Closes every browser; later renders fail. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true
    this.current = null
    const browsers = [...this.generations].map((g) => g.browser)
    this.generations.clear()
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)))
    // Wake anyone queued so they see `closed` and fail instead of hanging.
    this.waiting.splice(0).forEach((wake) => wake())
  }

  private describe(error: unknown, when = ""): Error {
    if (error instanceof PdfRenderError) return error
    const message = (error as Error)?.message ?? String(error)
    return new PdfRenderError(`The PDF could not be rendered${when ? ` ${when}` : ""}: ${message}`, { cause: error })
  }

  /** One of `pages` slots; renders beyond that queue in arrival order. */
  private async acquireSlot(): Promise<void> {
    if (this.closed) throw new PdfRenderError("The PDF renderer has been closed")
    if (this.free > 0) {
      this.free--
      return
    }
    // A finishing render hands its slot straight to the first in the queue (no overtaking).
    await new Promise<void>((resolve) => this.waiting.push(resolve))
    if (this.closed) throw new PdfRenderError("The PDF renderer has been closed")
  }

  private releaseSlot() {
    const next = this.waiting.shift()
    if (next) next()
    else this.free++
  }

  private async renderOnce(html: string): Promise<Buffer> {
    const generation = await this.generation()
    generation.busy++
    let page: Page | null = null
    let healthy = false
    try {
      page = generation.idle.pop() ?? (await this.newPage(generation))
      await page.setContent(html, { waitUntil: "load", timeout: this.settings.timeout_ms })
      // tagged: false and waitForFonts: false each save ~10 % per document (measured): no
      // accessibility tree to build, and no extra round trip for document.fonts.ready — the
      // templates use system fonts, and "load" has already waited for anything inline.
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        tagged: false,
        waitForFonts: false,
        timeout: this.settings.timeout_ms,
      })
      healthy = true
      this.stats.rendered++
      return Buffer.from(pdf)
    } finally {
      generation.busy--
      if (page) {
        // A page that failed (timeout, crash) is not trusted again.
        if (healthy && !generation.retired && !generation.dead && !page.isClosed()) generation.idle.push(page)
        else void page.close().catch(() => undefined)
      }
      this.closeIfDone(generation)
    }
  }

  private async newPage(generation: Generation): Promise<Page> {
    const page = await generation.browser.newPage()
    page.setDefaultTimeout(this.settings.timeout_ms)
    await page.setJavaScriptEnabled(false)
    await page.setRequestInterception(true)
    page.on("request", (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        // The document leaving itself (<meta http-equiv="refresh">, a data: link): setContent
        // never navigates, so this is always one. A 204 keeps the page where it is; an aborted
        // navigation would swap in an error page mid-print ("Printing failed", "Execution
        // context was destroyed").
        void request.respond({ status: 204 }).catch(() => undefined)
      } else if (request.url().startsWith("data:")) void request.continue().catch(() => undefined)
      else void request.abort("blockedbyclient").catch(() => undefined)
    })
    return page
  }

  /** The browser to render on: launched lazily, replaced when dead or worn out. */
  private async generation(): Promise<Generation> {
    for (;;) {
      if (this.closed) throw new PdfRenderError("The PDF renderer has been closed")
      const pending = (this.current ??= this.launch())
      let generation: Generation
      try {
        generation = await pending
      } catch (error) {
        if (this.current === pending) this.current = null
        throw error
      }
      if (generation.dead) {
        if (this.current === pending) this.current = null
        continue
      }
      if (generation.assigned >= this.settings.recycle_after) {
        if (this.current === pending) this.current = null
        if (!generation.retired) {
          generation.retired = true
          this.stats.recycled++
          this.closeIfDone(generation)
        }
        continue
      }
      // Counted here, before any await, so concurrent renders never overshoot recycle_after.
      generation.assigned++
      return generation
    }
  }

  private async launch(): Promise<Generation> {
    this.chromium ??= this.lookup().catch((error) => {
      this.chromium = null // a browser installed later is picked up by the next render
      throw error
    })
    const chromium = await this.chromium
    const browser = await puppeteer.launch({
      executablePath: chromium.executablePath,
      headless: chromium.headless,
      args: [...CHROMIUM_ARGS],
      pipe: true,
      timeout: this.settings.timeout_ms,
      protocolTimeout: this.settings.timeout_ms,
      // Signals belong to the host app (Medusa shuts down gracefully and closes us); puppeteer
      // still kills the browser on process exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    this.stats.launches++
    const generation: Generation = {
      id: this.nextId++,
      browser,
      idle: [],
      assigned: 0,
      busy: 0,
      retired: false,
      dead: false,
      pid: browser.process()?.pid ?? null,
    }
    browser.once("disconnected", () => {
      if (!generation.retired && !this.closed) this.stats.crashes++
      generation.dead = true
      generation.idle = []
      this.generations.delete(generation)
    })
    if (this.closed) {
      await browser.close().catch(() => undefined)
      throw new PdfRenderError("The PDF renderer has been closed")
    }
    this.generations.add(generation)
    return generation
  }

  /** A retired browser closes once its last render is done. */
  private closeIfDone(generation: Generation) {
    if (generation.retired && generation.busy === 0 && !generation.dead) {
      generation.dead = true
      this.generations.delete(generation)
      void generation.browser.close().catch(() => undefined)
    }
  }
}
