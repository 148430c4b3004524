import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { resetDocumentsConfig, resolveDocumentsConfig } from "../config"
import { DocumentOptionsError, parseDocumentOptions, pdfRequestLimits } from "../options"
import { renderDocumentHtml } from "../render"
import { SAMPLE_INVOICE, SAMPLE_SELLER } from "../samples"

/**
 * Override templates are read only from the templates folder (`templates_dir`, default the
 * app's working directory): a template option can never make the server read another file.
 * Tested against the real options parser and templates loader, on real files and links.
 */

const TEMPLATE = "<p>Invoice {{document.number}}</p>"

let root: string
/** The app's folder (the working directory of these tests), with its templates folder. */
let app: string
let templates: string
/** A folder beside the app, holding a valid template that must never be read. */
let outside: string

beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-template-folder-")))
  app = path.join(root, "app")
  templates = path.join(app, "templates")
  outside = path.join(root, "elsewhere")
  fs.mkdirSync(templates, { recursive: true })
  fs.mkdirSync(outside)
  fs.writeFileSync(path.join(templates, "invoice.hbs"), TEMPLATE)
  fs.writeFileSync(path.join(outside, "secret.hbs"), TEMPLATE)
  resetDocumentsConfig()
})
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true })
  resetDocumentsConfig()
})

/** The DocumentOptionsError that loading these options throws. */
function refusal(options: unknown): DocumentOptionsError {
  try {
    resolveDocumentsConfig(options, app)
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentOptionsError)
    return e as DocumentOptionsError
  }
  throw new Error("expected the options to be refused")
}

describe("the templates folder", () => {
  it("reads an override from the templates folder, by a path inside it", () => {
    const config = resolveDocumentsConfig({ templates_dir: "templates", templates: { invoice: "invoice.hbs" } }, app)
    expect(config.template_sources.invoice).toBe(path.join(templates, "invoice.hbs"))
    expect(config.templates.invoice({ document: { number: "INV-7" } } as any)).toBe("<p>Invoice INV-7</p>")
  })

  it("refuses a template path whose ../ leads out of the templates folder", () => {
    for (const file of ["../elsewhere/secret.hbs", "../../elsewhere/secret.hbs", "sub/../../invoice.hbs"]) {
      const error = refusal({ templates_dir: "templates", templates: { invoice: file } })
      expect(error.option).toBe("templates.invoice")
      expect(error.message).toContain("outside the templates folder")
    }
  })

  it("refuses the default folder's escape too: without templates_dir, ../ out of the app's folder is refused", () => {
    const error = refusal({ templates: { credit_note: "../elsewhere/secret.hbs" } })
    expect([error.option, error.path]).toEqual(["templates.credit_note", path.join(outside, "secret.hbs")])
  })

  it("refuses an absolute path outside the templates folder, and accepts one inside it", () => {
    const error = refusal({ templates_dir: "templates", templates: { pro_forma: path.join(outside, "secret.hbs") } })
    expect(error.message).toContain("outside the templates folder")
    expect(refusal({ templates_dir: "templates", templates: { invoice: "/etc/passwd" } }).option).toBe("templates.invoice")
    const inside = path.join(templates, "invoice.hbs")
    expect(resolveDocumentsConfig({ templates_dir: "templates", templates: { invoice: inside } }, app).template_sources.invoice).toBe(inside)
  })

  it("refuses the templates folder itself as a template", () => {
    expect(refusal({ templates_dir: "templates", templates: { invoice: "." } }).message).toContain("outside the templates folder")
  })

  it("refuses a NUL byte in a template path or in templates_dir when the options are validated", () => {
    expect(() => parseDocumentOptions({ templates: { invoice: "invoice.hbs\0.txt" } })).toThrow(
      'Invalid invoicing plugin option "templates.invoice": must not contain a NUL byte'
    )
    expect(() => parseDocumentOptions({ templates_dir: "templates\0/../.." })).toThrow(
      'Invalid invoicing plugin option "templates_dir": must not contain a NUL byte'
    )
  })

  it("refuses a symbolic link in the folder that points at a file outside it", () => {
    fs.symlinkSync(path.join(outside, "secret.hbs"), path.join(templates, "linked.hbs"))
    const error = refusal({ templates_dir: "templates", templates: { invoice: "linked.hbs" } })
    expect(error.message).toContain(`is a link to ${path.join(outside, "secret.hbs")}, outside the templates folder`)
  })

  it("refuses a path through a linked folder that leads outside", () => {
    fs.symlinkSync(outside, path.join(templates, "shared"), "dir")
    expect(refusal({ templates_dir: "templates", templates: { packing_slip: "shared/secret.hbs" } }).message).toContain("outside the templates folder")
  })

  it("accepts a symbolic link that stays inside the folder", () => {
    fs.mkdirSync(path.join(templates, "v2"))
    fs.symlinkSync(path.join(templates, "invoice.hbs"), path.join(templates, "v2", "invoice.hbs"))
    expect(resolveDocumentsConfig({ templates_dir: "templates", templates: { invoice: "v2/invoice.hbs" } }, app).template_sources.invoice).toBe(
      path.join(templates, "v2", "invoice.hbs")
    )
  })

  it("refuses a templates_dir that does not exist or is not a folder, naming the option", () => {
    expect(refusal({ templates_dir: "missing", templates: { invoice: "invoice.hbs" } }).message).toBe(
      `Invalid invoicing plugin option "templates_dir" (${path.join(app, "missing")}): the folder does not exist`
    )
    expect(refusal({ templates_dir: "templates/invoice.hbs", templates: { invoice: "invoice.hbs" } }).option).toBe("templates_dir")
  })
})

describe("template lookup at render time", () => {
  it("renders only the four document kinds: a kind that is a path or an object key is refused", () => {
    for (const kind of ["../invoice", "/etc/passwd", "invoice\0", "__proto__", "constructor", "toString"]) {
      expect(() => renderDocumentHtml(kind as any, SAMPLE_INVOICE, SAMPLE_SELLER)).toThrow(`unknown document kind "${kind}"`)
    }
  })
})

describe("PDF download limits option", () => {
  it("defaults to 32 pending downloads in all and 4 per client, and names a bad setting", () => {
    expect(pdfRequestLimits(parseDocumentOptions({}).pdf_requests)).toEqual({ max_pending: 32, max_pending_per_client: 4 })
    expect(pdfRequestLimits(parseDocumentOptions({ pdf_requests: { max_pending: 8 } }).pdf_requests)).toEqual({ max_pending: 8, max_pending_per_client: 4 })
    expect(() => parseDocumentOptions({ pdf_requests: { max_pending_per_client: 0 } })).toThrow('"pdf_requests.max_pending_per_client"')
    expect(() => parseDocumentOptions({ pdf_requests: { max_pending: "10" } })).toThrow('"pdf_requests.max_pending"')
    expect(() => parseDocumentOptions({ pdf_requests: { per_client: 2 } })).toThrow('"pdf_requests.per_client"')
  })
})
