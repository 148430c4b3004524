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

/** Reads, compiles and trial-renders one override file. */
export function loadTemplateFile(kind: DocumentKind, file: string, cwd: string = process.cwd()): CompiledTemplate<any> {
  const option = `templates.${kind}`
  const absolute = path.resolve(cwd, file)
  let stat: fs.Stats
  try {
    stat = fs.statSync(absolute)
  } catch {
    throw new DocumentOptionsError(option, "the file does not exist", absolute)
  }
  if (!stat.isFile()) {
    throw new DocumentOptionsError(option, "not a file", absolute)
  }
  let source: string
  try {
    source = fs.readFileSync(absolute, "utf8")
  } catch (e) {
    throw new DocumentOptionsError(option, `cannot be read: ${(e as Error).message}`, absolute)
  }
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
  options: DocumentOptions["templates"],
  cwd: string = process.cwd()
): { templates: DocumentTemplates; sources: TemplateSources } {
  const templates: DocumentTemplates = { ...defaultTemplates() }
  const sources = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, "default"])) as TemplateSources
  for (const kind of DOCUMENT_KINDS) {
    const file = options?.[kind]
    if (file) {
      templates[kind] = loadTemplateFile(kind, file, cwd)
      sources[kind] = path.resolve(cwd, file)
    }
  }
  return { templates, sources }
}
