import { type DocumentsConfig, documentsConfig, onDocumentsConfigChange } from "./config"
import { DocumentDataError } from "./format"
import { PdfRenderer } from "./renderer"
import type {
  DocumentKind,
  DocumentRenderOptions,
  InvoiceDocumentData,
  InvoiceDocumentKind,
  PackingSlipDocumentData,
  SellerDetails,
} from "./types"
import { invoiceView, packingSlipView } from "./view"

/**
 * The documents' public entry points: data + seller → HTML (template of the configured
 * kind over the view model) → PDF (the process-wide renderer). Routes and workflows call
 * renderDocumentPdf / renderDocumentHtml and nothing else of this folder.
 */

const INVOICE_KINDS: readonly string[] = ["invoice", "credit_note", "pro_forma"]

export function renderDocumentHtml(
  kind: InvoiceDocumentKind,
  data: InvoiceDocumentData,
  seller: SellerDetails,
  options?: DocumentRenderOptions
): string
export function renderDocumentHtml(kind: "packing_slip", data: PackingSlipDocumentData, seller: SellerDetails, options?: DocumentRenderOptions): string
export function renderDocumentHtml(
  kind: DocumentKind,
  data: InvoiceDocumentData | PackingSlipDocumentData,
  seller: SellerDetails,
  options?: DocumentRenderOptions
): string
export function renderDocumentHtml(
  kind: DocumentKind,
  data: InvoiceDocumentData | PackingSlipDocumentData,
  seller: SellerDetails,
  options: DocumentRenderOptions = {}
): string {
  const { templates } = documentsConfig()
  if (kind === "packing_slip") {
    return templates.packing_slip(packingSlipView(data as PackingSlipDocumentData, seller, options))
  }
  if (!INVOICE_KINDS.includes(kind)) {
    throw new DocumentDataError(`unknown document kind "${String(kind)}": expected invoice, credit_note, pro_forma or packing_slip`)
  }
  return templates[kind](invoiceView(kind, data as InvoiceDocumentData, seller, options))
}

export function renderDocumentPdf(
  kind: InvoiceDocumentKind,
  data: InvoiceDocumentData,
  seller: SellerDetails,
  options?: DocumentRenderOptions
): Promise<Buffer>
export function renderDocumentPdf(
  kind: "packing_slip",
  data: PackingSlipDocumentData,
  seller: SellerDetails,
  options?: DocumentRenderOptions
): Promise<Buffer>
export function renderDocumentPdf(
  kind: DocumentKind,
  data: InvoiceDocumentData | PackingSlipDocumentData,
  seller: SellerDetails,
  options?: DocumentRenderOptions
): Promise<Buffer>
export async function renderDocumentPdf(
  kind: DocumentKind,
  data: InvoiceDocumentData | PackingSlipDocumentData,
  seller: SellerDetails,
  options: DocumentRenderOptions = {}
): Promise<Buffer> {
  const html = renderDocumentHtml(kind, data, seller, options)
  return getPdfRenderer().renderPdf(html)
}

let instance: PdfRenderer | null = null

/** The process-wide renderer (one browser per process), created on first use with the configured settings. */
export function getPdfRenderer(): PdfRenderer {
  if (!instance) {
    const config = documentsConfig()
    instance = new PdfRenderer({ ...config.renderer, chromium_path: config.chromium_path })
  }
  return instance
}

/**
 * Closes the process-wide renderer's browser (Medusa's shutdown hook calls this; scripts
 * should too). The next render starts a new one. Whatever happens, puppeteer kills the
 * browser when the process exits.
 */
export async function closePdfRenderer(): Promise<void> {
  const closing = instance
  instance = null
  await closing?.close()
}

const sameRenderer = (a: DocumentsConfig, b: DocumentsConfig) =>
  a.chromium_path === b.chromium_path &&
  a.renderer.pages === b.renderer.pages &&
  a.renderer.recycle_after === b.renderer.recycle_after &&
  a.renderer.timeout_ms === b.renderer.timeout_ms

// New renderer settings (the loader applies the options at startup) take effect on the next render.
onDocumentsConfigChange((next, previous) => {
  if (instance && !sameRenderer(next, previous)) void closePdfRenderer()
})
