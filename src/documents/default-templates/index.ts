import type { DocumentKind } from "../types"
import { CREDIT_NOTE_TEMPLATE } from "./credit-note"
import { INVOICE_TEMPLATE } from "./invoice"
import { PACKING_SLIP_TEMPLATE } from "./packing-slip"
import { PRO_FORMA_TEMPLATE } from "./pro-forma"

/**
 * The default template sources. Kept as TypeScript strings, not .hbs files: the plugin
 * build compiles TS only, so a .hbs file would not be shipped.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<DocumentKind, string>> = {
  invoice: INVOICE_TEMPLATE,
  credit_note: CREDIT_NOTE_TEMPLATE,
  pro_forma: PRO_FORMA_TEMPLATE,
  packing_slip: PACKING_SLIP_TEMPLATE,
}
