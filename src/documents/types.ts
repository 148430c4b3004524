/**
 * The data contract of the documents: plain JSON shapes, independent of Medusa and of the
 * API layer, so routes, workflows and tests can all hand the renderer the same objects.
 *
 * An invoice, credit note or pro forma document takes the JSON the admin API returns for an
 * invoice (`invoiceResponse`) or a proposed invoice (`proposedInvoiceResponse`); fields those
 * responses carry but documents do not print (ids, credit check, settlement…) may be present
 * and are ignored.
 */

/** Amounts arrive in major units, as numbers (the API) or exact decimal strings. */
export type DocumentAmount = number | string

/** A Medusa address, as stored on orders and customers. Only its known text fields are printed. */
export type DocumentAddress = {
  company?: string | null
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
  [key: string]: unknown
}

export type DocumentParty = {
  name: string | null
  email?: string | null
  address: DocumentAddress | Record<string, unknown> | null
}

export type InvoiceDocumentLine = {
  title: string
  variant_sku: string | null
  quantity: number
  unit_price: DocumentAmount
  /** Percent, e.g. 10 for 10 %. */
  tax_rate: DocumentAmount
  /** Before discount, without tax. */
  subtotal: DocumentAmount
  discount_total: DocumentAmount
  tax_total: DocumentAmount
  total: DocumentAmount
  packing_slip_number: string | null
  order_display_id: number | null
}

/** A charge as printed: one "Charges" line per tax rate (summarize) or one per charge (detail). */
export type InvoiceDocumentChargeLine = {
  name: string
  tax_rate: DocumentAmount
  subtotal: DocumentAmount
  discount_total: DocumentAmount
  tax_total: DocumentAmount
  total: DocumentAmount
}

export type InvoiceDocumentData = {
  /** "invoice" or "credit_note" on posted documents; absent on a proposed invoice (pro forma). */
  kind?: "invoice" | "credit_note" | null
  /** Null for a pro forma. */
  number: string | null
  invoice_date: string
  due_date: string | null
  currency_code: string
  bill_to: DocumentParty
  /** The packing slip's number, "multiple" when the invoice draws on several, null when none. */
  packing_slip_number: string | null
  packing_slips?: { number: string | null; shipped_at?: string | null }[]
  orders: { display_id: number | null; id?: string }[]
  lines: InvoiceDocumentLine[]
  charge_lines: InvoiceDocumentChargeLine[]
  item_subtotal: DocumentAmount
  discount_total: DocumentAmount
  /** Charges net of tax. */
  charges_total: DocumentAmount
  tax_total: DocumentAmount
  total: DocumentAmount
  /** Credit notes: the invoice they credit. The number is printed when the caller adds it. */
  credited_invoice_id?: string | null
  credited_invoice_number?: string | null
  reason?: string | null
}

export type PackingSlipDocumentData = {
  /** Null for a fulfillment shipped before the plugin numbered packing slips. */
  number: string | null
  shipped_at: string
  order_display_id: number | null
  ship_to: { name: string | null; address: DocumentAddress | Record<string, unknown> | null }
  bill_to?: { name: string | null; address: DocumentAddress | Record<string, unknown> | null } | null
  lines: { title: string; variant_sku: string | null; quantity: number }[]
}

export type SellerDetails = {
  name: string
  address_lines: string[]
  vat_number?: string | null
  email?: string | null
  phone?: string | null
  /** A `data:image/png|jpeg|svg+xml;base64,` URI: the renderer fetches nothing else. */
  logo_data_uri?: string | null
  footer?: string | null
}

export type InvoiceDocumentKind = "invoice" | "credit_note" | "pro_forma"
export type DocumentKind = InvoiceDocumentKind | "packing_slip"
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["invoice", "credit_note", "pro_forma", "packing_slip"]

export type DocumentRenderOptions = {
  /** The Nth copy prints "COPY n"; null or absent prints the original. */
  copy?: number | null
}
