import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import documentOptionsLoader from "../../modules/invoicing/loaders/document-options"
import { configureDocuments, documentsConfig, resetDocumentsConfig, resolveDocumentsConfig } from "../config"
import { DocumentOptionsError, parseDocumentOptions, rendererSettings } from "../options"

let dir: string
const write = (name: string, source: string) => {
  fs.writeFileSync(path.join(dir, name), source)
  return name
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-options-"))
  resetDocumentsConfig()
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
  resetDocumentsConfig()
})

/** The error thrown by `fn`, which must throw. */
function thrown(fn: () => unknown): Error {
  try {
    fn()
  } catch (e) {
    return e as Error
  }
  throw new Error("expected an error")
}

describe("documents options schema", () => {
  it("accepts no options: default templates, renderer sized to the cores", () => {
    expect(parseDocumentOptions(undefined)).toEqual({})
    expect(rendererSettings(undefined)).toEqual({ pages: expect.any(Number), recycle_after: 1000, timeout_ms: 30000 })
    expect(rendererSettings(undefined).pages).toBeGreaterThanOrEqual(1)
  })

  it("leaves other parts of the plugin's options alone", () => {
    expect(parseDocumentOptions({ signed_links: { ttl: 3600 }, templates: {} })).toEqual({ signed_links: { ttl: 3600 }, templates: {} })
  })

  it("names the option of a bad renderer setting", () => {
    expect(thrown(() => parseDocumentOptions({ renderer: { pages: 0 } })).message).toMatch(/^Invalid invoicing plugin option "renderer.pages": /)
    expect(thrown(() => parseDocumentOptions({ renderer: { recycle_after: "10" } })).message).toMatch(/"renderer.recycle_after"/)
    expect(thrown(() => parseDocumentOptions({ renderer: { timeout_ms: 10 } })).message).toMatch(/"renderer.timeout_ms"/)
  })

  it("refuses a misspelled template kind or renderer key, naming it", () => {
    expect(thrown(() => parseDocumentOptions({ templates: { creditnote: "x.hbs" } })).message).toMatch(/"templates.creditnote"/)
    expect(thrown(() => parseDocumentOptions({ renderer: { page: 2 } })).message).toMatch(/"renderer.page"/)
  })

  it("refuses an empty template path", () => {
    expect(thrown(() => parseDocumentOptions({ templates: { invoice: " " } })).message).toMatch(/"templates.invoice"/)
  })
})

describe("template option validation at load", () => {
  it("fails for a template file that does not exist, naming the option and the path", () => {
    const error = thrown(() => resolveDocumentsConfig({ templates: { invoice: "missing/invoice.hbs" } }, dir))
    expect(error).toBeInstanceOf(DocumentOptionsError)
    expect(error.message).toBe(`Invalid invoicing plugin option "templates.invoice" (${path.join(dir, "missing/invoice.hbs")}): the file does not exist`)
  })

  it("fails for a template path that is a directory", () => {
    fs.mkdirSync(path.join(dir, "tpl"))
    expect(thrown(() => resolveDocumentsConfig({ templates: { packing_slip: "tpl" } }, dir)).message).toBe(
      `Invalid invoicing plugin option "templates.packing_slip" (${path.join(dir, "tpl")}): not a file`
    )
  })

  it("fails for a template that does not compile, naming the option", () => {
    const file = write("broken.hbs", "<p>{{#if document.number}}unclosed</p>")
    const message = thrown(() => resolveDocumentsConfig({ templates: { credit_note: file } }, dir)).message
    expect(message).toContain(`Invalid invoicing plugin option "templates.credit_note" (${path.join(dir, file)}): the template does not compile`)
  })

  it("fails for a template with triple-stash output", () => {
    const file = write("raw.hbs", "<p>{{{bill_to.name}}}</p>")
    expect(thrown(() => resolveDocumentsConfig({ templates: { invoice: file } }, dir)).message).toContain(
      '"templates.invoice"'
    )
  })

  it("fails for a template using a field the view model does not have", () => {
    const file = write("typo.hbs", "<p>{{document.nubmer}}</p>")
    const message = thrown(() => resolveDocumentsConfig({ templates: { pro_forma: file } }, dir)).message
    expect(message).toContain('"templates.pro_forma"')
    expect(message).toContain("does not render a sample pro_forma")
    expect(message).toContain('"nubmer" not defined')
  })

  it("resolves template paths against the working directory and accepts absolute ones", () => {
    const relative = write("invoice.hbs", "<p>{{document.number}}</p>")
    expect(resolveDocumentsConfig({ templates: { invoice: relative } }, dir).template_sources.invoice).toBe(path.join(dir, relative))
    const absolute = path.join(dir, "slip.hbs")
    fs.writeFileSync(absolute, "<p>{{document.number}}</p>")
    expect(resolveDocumentsConfig({ templates: { packing_slip: absolute } }, os.tmpdir()).template_sources.packing_slip).toBe(absolute)
  })

  it("fails for a chromium_path that is not an executable file, naming the option", () => {
    const notExecutable = write("chrome", "#!/bin/sh\n")
    expect(thrown(() => resolveDocumentsConfig({ chromium_path: notExecutable }, dir)).message).toBe(
      `Invalid invoicing plugin option "chromium_path" (${path.join(dir, notExecutable)}): not an executable file`
    )
  })

  it("applies nothing when an option is invalid: the previous configuration stays", () => {
    const good = write("good.hbs", "<p>{{document.number}}</p>")
    configureDocuments({ templates: { invoice: good } }, dir)
    expect(() => configureDocuments({ templates: { invoice: "nope.hbs" } }, dir)).toThrow(DocumentOptionsError)
    expect(documentsConfig().template_sources.invoice).toBe(path.join(dir, good))
  })
})

describe("invoicing module loader", () => {
  const cwd = process.cwd()
  afterEach(() => process.chdir(cwd))

  it("validates the module's (the plugin's) options at load and applies them", async () => {
    process.chdir(dir)
    write("invoice.hbs", "<p>{{document.number}}</p>")
    await documentOptionsLoader({ options: { templates: { invoice: "invoice.hbs" }, renderer: { pages: 3 } } } as any)
    expect(documentsConfig().template_sources.invoice).toBe(path.join(fs.realpathSync(dir), "invoice.hbs"))
    expect(documentsConfig().renderer.pages).toBe(3)
  })

  it("rejects, naming the option and the path, when a template option points at a missing file (the app does not start)", async () => {
    process.chdir(dir)
    await expect(documentOptionsLoader({ options: { templates: { invoice: "templates/invoice.hbs" } } } as any)).rejects.toThrow(
      `Invalid invoicing plugin option "templates.invoice" (${path.join(fs.realpathSync(dir), "templates/invoice.hbs")}): the file does not exist`
    )
  })
})
