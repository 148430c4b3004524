/**
 * Invoice, credit note, pro forma and packing slip documents: templates and the PDF
 * renderer. The rest of the plugin calls renderDocumentPdf / renderDocumentHtml.
 */
export { renderDocumentHtml, renderDocumentPdf, getPdfRenderer, closePdfRenderer } from "./render"
export { configureDocuments, documentsConfig, resolveDocumentsConfig } from "./config"
export { DocumentOptionsError, documentOptionsSchema, parseDocumentOptions } from "./options"
export type { DocumentOptions, RendererSettings } from "./options"
export { DocumentDataError, formatMoney, formatDate, currencyDigits } from "./format"
export { PdfRenderError, PdfRenderer } from "./renderer"
export { ChromiumNotFoundError, resolveChromium } from "./chromium"
export { TemplateSourceError } from "./compile"
export { LOGO_DATA_URI, isLogoDataUri, invoiceView, packingSlipView } from "./view"
export type { InvoiceView, PackingSlipView, SellerView, PartyView, InvoiceLineView, ChargeLineView, TaxRateView } from "./view"
export { DOCUMENT_KINDS } from "./types"
export type {
  DocumentKind,
  DocumentRenderOptions,
  InvoiceDocumentData,
  InvoiceDocumentKind,
  InvoiceDocumentLine,
  InvoiceDocumentChargeLine,
  PackingSlipDocumentData,
  SellerDetails,
} from "./types"
