import path from "node:path"
import { isExecutableFile } from "./chromium"
import {
  DocumentOptionsError,
  type DocumentOptions,
  type PdfRequestLimits,
  type RendererSettings,
  parseDocumentOptions,
  pdfRequestLimits,
  rendererSettings,
} from "./options"
import { type DocumentTemplates, type TemplateSources, defaultTemplates, loadTemplates } from "./templates"
import { DOCUMENT_KINDS } from "./types"

/**
 * The process-wide documents configuration: set once at load by the invoicing module's
 * loader from the plugin options, read by every render. Until it is set (scripts, tests,
 * `medusa exec`), the defaults apply: default templates, Chromium looked up the usual way.
 */
export type DocumentsConfig = {
  templates: DocumentTemplates
  template_sources: TemplateSources
  chromium_path: string | null
  renderer: RendererSettings
  pdf_requests: PdfRequestLimits
}

type Listener = (config: DocumentsConfig, previous: DocumentsConfig) => void

let current: DocumentsConfig | null = null
const listeners = new Set<Listener>()

function defaults(): DocumentsConfig {
  return {
    templates: defaultTemplates(),
    template_sources: Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, "default"])) as TemplateSources,
    chromium_path: null,
    renderer: rendererSettings(undefined),
    pdf_requests: pdfRequestLimits(undefined),
  }
}

/**
 * Validates the plugin options and loads the override templates, without applying them.
 * Throws DocumentOptionsError naming the option (and the path) on the first problem.
 */
export function resolveDocumentsConfig(rawOptions: unknown, cwd: string = process.cwd()): DocumentsConfig {
  const options: DocumentOptions = parseDocumentOptions(rawOptions)
  const { templates, sources } = loadTemplates(options, cwd)
  let chromiumPath: string | null = null
  if (options.chromium_path) {
    chromiumPath = path.resolve(cwd, options.chromium_path)
    if (!isExecutableFile(chromiumPath)) {
      throw new DocumentOptionsError("chromium_path", "not an executable file", chromiumPath)
    }
  }
  return {
    templates,
    template_sources: sources,
    chromium_path: chromiumPath,
    renderer: rendererSettings(options.renderer),
    pdf_requests: pdfRequestLimits(options.pdf_requests),
  }
}

/** Validates and applies the plugin options (the module loader calls this at startup). */
export function configureDocuments(rawOptions: unknown, cwd: string = process.cwd()): DocumentsConfig {
  const next = resolveDocumentsConfig(rawOptions, cwd)
  const previous = documentsConfig()
  current = next
  listeners.forEach((listener) => listener(next, previous))
  return next
}

export function documentsConfig(): DocumentsConfig {
  current ??= defaults()
  return current
}

/** Back to the defaults (tests). */
export function resetDocumentsConfig(): void {
  const previous = documentsConfig()
  current = defaults()
  listeners.forEach((listener) => listener(current!, previous))
}

/** Called whenever the configuration changes (the renderer restarts with new settings). */
export function onDocumentsConfigChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
