import fs from "node:fs"
import path from "node:path"
import { type CompiledTemplate, compileTemplate } from "./compile"
import { DocumentOptionsError, type DocumentOptions } from "./options"
import {
  SAMPLE_CREDIT_NOTE,
  SAMPLE_INVOICE,
  SAMPLE_MINIMAL_CREDIT_NOTE,
  SAMPLE_MINIMAL_INVOICE,
  SAMPLE_MINIMAL_PACKING_SLIP,
  SAMPLE_MINIMAL_PRO_FORMA,
  SAMPLE_MINIMAL_SELLER,
  SAMPLE_PACKING_SLIP,
  SAMPLE_PRO_FORMA,
  SAMPLE_SELLER,
} from "./samples"
import { DEFAULT_TEMPLATES } from "./default-templates/index"
import { DOCUMENT_KINDS, type DocumentKind } from "./types"
import { type InvoiceView, type PackingSlipView, invoiceView, packingSlipView } from "./view"

/**
 * The compiled template of each document kind: the default, or the merchant's override
 * file named by the option `templates.<kind>`. Overrides are read and validated once, at
 * load: the file must exist, be a file, compile, and render the sample documents (strict
 * mode, so a field the view model does not have fails here). Any failure throws a
 * DocumentOptionsError naming the option and the path, which stops the app from starting.
 */

export type DocumentTemplates = {
  invoice: CompiledTemplate<InvoiceView>
  credit_note: CompiledTemplate<InvoiceView>
  pro_forma: CompiledTemplate<InvoiceView>
  packing_slip: CompiledTemplate<PackingSlipView>
}

/** Where each template came from: "default" or the override's absolute path. */
export type TemplateSources = Record<DocumentKind, string>

/** The views an override of each kind must render: every optional field filled, then none. */
function sampleViews(kind: DocumentKind): (InvoiceView | PackingSlipView)[] {
  switch (kind) {
    case "packing_slip":
      return [
        packingSlipView(SAMPLE_PACKING_SLIP, SAMPLE_SELLER, { copy: 2 }),
        packingSlipView(SAMPLE_MINIMAL_PACKING_SLIP, SAMPLE_MINIMAL_SELLER, { copy: null }),
      ]
    case "invoice":
      return [invoiceView(kind, SAMPLE_INVOICE, SAMPLE_SELLER, { copy: 2 }), invoiceView(kind, SAMPLE_MINIMAL_INVOICE, SAMPLE_MINIMAL_SELLER)]
    case "credit_note":
      return [
        invoiceView(kind, SAMPLE_CREDIT_NOTE, SAMPLE_SELLER, { copy: 2 }),
        invoiceView(kind, SAMPLE_MINIMAL_CREDIT_NOTE, SAMPLE_MINIMAL_SELLER),
      ]
    case "pro_forma":
      return [
        invoiceView(kind, SAMPLE_PRO_FORMA, SAMPLE_SELLER, { copy: 2 }),
        invoiceView(kind, SAMPLE_MINIMAL_PRO_FORMA, SAMPLE_MINIMAL_SELLER),
      ]
  }
}

/** Whether `file` lies inside `folder` (both absolute): not the folder itself, not above it. */
function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

/**
 * The folder override templates are read from: the option `templates_dir` against the
 * working directory, or the working directory itself. A template option names a file in it,
 * never one elsewhere on the server.
 */
export function templatesFolder(templatesDir: string | undefined, cwd: string = process.cwd()): string {
  const folder = path.resolve(cwd, templatesDir ?? ".")
  let stat: fs.Stats
  try {
    stat = fs.statSync(folder)
  } catch {
    throw new DocumentOptionsError("templates_dir", "the folder does not exist", folder)
  }
  if (!stat.isDirectory()) throw new DocumentOptionsError("templates_dir", "not a folder", folder)
  return folder
}

/**
 * Reads one override file from the templates folder. `../`, an absolute path elsewhere and a
 * symbolic link (of the file or of a folder on its way) that leads out of the folder are all
 * refused; the file read is the one checked (its real path).
 */
function readTemplateFile(option: string, file: string, folder: string): string {
  const absolute = path.resolve(folder, file)
  if (!isInside(folder, absolute)) {
    throw new DocumentOptionsError(option, `the file is outside the templates folder ${folder} (option "templates_dir")`, absolute)
  }
  let real: string
  let stat: fs.Stats
  try {
    real = fs.realpathSync(absolute)
    stat = fs.statSync(real)
  } catch {
    throw new DocumentOptionsError(option, "the file does not exist", absolute)
  }
  if (!isInside(fs.realpathSync(folder), real)) {
    throw new DocumentOptionsError(option, `the file is a link to ${real}, outside the templates folder ${folder}`, absolute)
  }
  if (!stat.isFile()) {
    throw new DocumentOptionsError(option, "not a file", absolute)
  }
  try {
    return fs.readFileSync(real, "utf8")
  } catch (e) {
    throw new DocumentOptionsError(option, `cannot be read: ${(e as Error).message}`, absolute)
  }
}

/** Reads, compiles and trial-renders one override file of the templates folder. */
export function loadTemplateFile(kind: DocumentKind, file: string, folder: string = process.cwd()): CompiledTemplate<any> {
  const option = `templates.${kind}`
  const absolute = path.resolve(folder, file)
  const source = readTemplateFile(option, file, folder)
  let template: CompiledTemplate<any>
  try {
    template = compileTemplate(source)
  } catch (e) {
    throw new DocumentOptionsError(option, `the template ${(e as Error).message}`, absolute)
  }
  for (const view of sampleViews(kind)) {
    try {
      template(view)
    } catch (e) {
      throw new DocumentOptionsError(option, `the template does not render a sample ${kind}: ${(e as Error).message}`, absolute)
    }
  }
  return template
}

let defaults: DocumentTemplates | null = null

/** The default templates, compiled once per process. */
export function defaultTemplates(): DocumentTemplates {
  defaults ??= {
    invoice: compileTemplate<InvoiceView>(DEFAULT_TEMPLATES.invoice),
    credit_note: compileTemplate<InvoiceView>(DEFAULT_TEMPLATES.credit_note),
    pro_forma: compileTemplate<InvoiceView>(DEFAULT_TEMPLATES.pro_forma),
    packing_slip: compileTemplate<PackingSlipView>(DEFAULT_TEMPLATES.packing_slip),
  }
  return defaults
}

export function loadTemplates(
  options: Pick<DocumentOptions, "templates" | "templates_dir">,
  cwd: string = process.cwd()
): { templates: DocumentTemplates; sources: TemplateSources } {
  const templates: DocumentTemplates = { ...defaultTemplates() }
  const sources = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, "default"])) as TemplateSources
  const overrides = DOCUMENT_KINDS.filter((kind) => options.templates?.[kind])
  if (!overrides.length) return { templates, sources }
  const folder = templatesFolder(options.templates_dir, cwd)
  for (const kind of overrides) {
    const file = options.templates![kind]!
    templates[kind] = loadTemplateFile(kind, file, folder)
    sources[kind] = path.resolve(folder, file)
  }
  return { templates, sources }
}
