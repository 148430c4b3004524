import BigNumber from "bignumber.js"
import {
  DocumentDataError,
  addressLines,
  amountOf,
  formatDate,
  formatMoney,
  formatOptionalDate,
  formatOrder,
  formatQuantity,
  formatRate,
  optionalText,
  rateKey,
} from "./format"
import type {
  DocumentRenderOptions,
  InvoiceDocumentData,
  InvoiceDocumentKind,
  PackingSlipDocumentData,
  SellerDetails,
} from "./types"

/**
 * The view model: everything a template prints, already formatted as strings (or booleans
 * and lists of such). Templates receive only this — never Medusa objects, never customer
 * JSON such as metadata — so a template cannot reach anything but printable text, and
 * handlebars' escaping applies to every value.
 */

export type SellerView = {
  name: string
  address_lines: string[]
  vat_number: string | null
  email: string | null
  phone: string | null
  logo_data_uri: string | null
  footer: string | null
}

export type PartyView = { name: string | null; email: string | null; address_lines: string[] }

export type InvoiceLineView = {
  title: string
  sku: string | null
  order: string | null
  packing_slip: string | null
  quantity: string
  unit_price: string
  subtotal: string
  discount: string
  has_discount: boolean
  tax_rate: string
  tax: string
  /** Subtotal less discount, without tax: the amount the line adds to the tax base. */
  net: string
  total: string
}

export type ChargeLineView = {
  name: string
  tax_rate: string
  discount: string
  has_discount: boolean
  net: string
  tax: string
  total: string
}

export type TaxRateView = { rate: string; base: string; tax: string }

export type InvoiceView = {
  document: {
    kind: InvoiceDocumentKind
    title: string
    /** The invoice number, or "PRO FORMA" for a pro forma. */
    number: string
    is_pro_forma: boolean
    is_credit_note: boolean
    /** "COPY n" on the Nth copy, null on the original. */
    copy_label: string | null
    invoice_date: string
    due_date: string | null
    currency: string
    /** The packing slip's number, "multiple" for several, null when none. */
    packing_slip_number: string | null
    /** "#1001, #1002". */
    orders: string
    credited_invoice: string | null
    reason: string | null
  }
  seller: SellerView
  bill_to: PartyView
  lines: InvoiceLineView[]
  charges: ChargeLineView[]
  has_charges: boolean
  has_discounts: boolean
  tax_rates: TaxRateView[]
  packing_slips: { number: string; shipped_at: string | null }[]
  totals: {
    item_subtotal: string
    discount: string
    has_discount: boolean
    charges: string
    tax: string
    total: string
  }
}

export type PackingSlipView = {
  document: {
    kind: "packing_slip"
    title: string
    number: string
    copy_label: string | null
    shipped_at: string
    order: string | null
  }
  seller: SellerView
  ship_to: PartyView
  bill_to: PartyView | null
  lines: { title: string; sku: string | null; quantity: string }[]
  total_quantity: string
}

/** Only inline images: the renderer blocks every request, so anything else would print nothing. */
export const LOGO_DATA_URI = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/

export function isLogoDataUri(value: string): boolean {
  return LOGO_DATA_URI.test(value)
}

export function copyLabel(options: DocumentRenderOptions | undefined): string | null {
  const copy = options?.copy
  if (copy === null || copy === undefined) return null
  if (!Number.isInteger(copy) || copy < 1) {
    throw new DocumentDataError(`copy must be a positive integer or null, got ${String(copy)}`)
  }
  return `COPY ${copy}`
}

export function sellerView(seller: SellerDetails): SellerView {
  const name = optionalText(seller?.name)
  if (!name) throw new DocumentDataError("seller.name is missing")
  const logo = optionalText(seller.logo_data_uri)
  if (logo !== null && !isLogoDataUri(logo)) {
    throw new DocumentDataError("seller.logo_data_uri must be a data:image/png|jpeg|svg+xml;base64, URI")
  }
  return {
    name,
    address_lines: (seller.address_lines ?? []).map(optionalText).filter((l): l is string => l !== null),
    vat_number: optionalText(seller.vat_number),
    email: optionalText(seller.email),
    phone: optionalText(seller.phone),
    logo_data_uri: logo,
    footer: optionalText(seller.footer),
  }
}

function partyView(party: { name: string | null; email?: string | null; address: Record<string, unknown> | null } | null | undefined): PartyView {
  const name = optionalText(party?.name)
  return { name, email: optionalText(party?.email), address_lines: addressLines(party?.address ?? null, name) }
}

const TITLES: Record<InvoiceDocumentKind, string> = {
  invoice: "Invoice",
  credit_note: "Credit note",
  pro_forma: "Pro forma invoice",
}

/** The document's number, checked against its kind: a posted document has one, a pro forma prints none. */
function documentNumber(kind: InvoiceDocumentKind, data: InvoiceDocumentData): string {
  if (kind === "pro_forma") return "PRO FORMA"
  const number = optionalText(data.number)
  if (!number) throw new DocumentDataError(`number is missing: a ${TITLES[kind].toLowerCase()} is printed with its number`)
  return number
}

/** A posted document of one kind is never printed under the other kind's title. */
function checkKind(kind: InvoiceDocumentKind, data: InvoiceDocumentData) {
  if (kind !== "pro_forma" && data.kind && data.kind !== kind) {
    throw new DocumentDataError(`kind is "${data.kind}" but the document was asked for as "${kind}"`)
  }
}

type TaxGroup = { rate: string; base: BigNumber; tax: BigNumber }

/** Tax per rate over lines and charges: base = total − tax (net after discount), tax = tax_total. */
function taxRates(data: InvoiceDocumentData): TaxRateView[] {
  const groups = new Map<string, TaxGroup>()
  const add = (x: { tax_rate: InvoiceDocumentData["lines"][number]["tax_rate"]; total: InvoiceDocumentData["total"]; tax_total: InvoiceDocumentData["total"] }, field: string) => {
    const key = rateKey(x.tax_rate, `${field}.tax_rate`)
    const group = groups.get(key) ?? { rate: formatRate(x.tax_rate), base: new BigNumber(0), tax: new BigNumber(0) }
    const tax = amountOf(x.tax_total, `${field}.tax_total`)
    group.base = group.base.plus(amountOf(x.total, `${field}.total`).minus(tax))
    group.tax = group.tax.plus(tax)
    groups.set(key, group)
  }
  data.lines.forEach((l, i) => add(l, `lines[${i}]`))
  data.charge_lines.forEach((c, i) => add(c, `charge_lines[${i}]`))
  return [...groups.entries()]
    .sort(([a], [b]) => new BigNumber(a).comparedTo(new BigNumber(b)) ?? 0)
    .map(([, g]) => ({
      rate: g.rate,
      base: formatMoney(g.base.toFixed(), data.currency_code),
      tax: formatMoney(g.tax.toFixed(), data.currency_code),
    }))
}

const isNonZero = (value: InvoiceDocumentData["total"], field: string) => !amountOf(value, field).isZero()

export function invoiceView(
  kind: InvoiceDocumentKind,
  data: InvoiceDocumentData,
  seller: SellerDetails,
  options?: DocumentRenderOptions
): InvoiceView {
  if (!data || typeof data !== "object") throw new DocumentDataError("document data is missing")
  checkKind(kind, data)
  const currency = data.currency_code
  const money = (value: InvoiceDocumentData["total"], field: string) => formatMoney(value, currency, field)
  const lines = (data.lines ?? []).map((l, i): InvoiceLineView => {
    const f = `lines[${i}]`
    const net = amountOf(l.subtotal, `${f}.subtotal`).minus(amountOf(l.discount_total, `${f}.discount_total`))
    return {
      title: optionalText(l.title) ?? "",
      sku: optionalText(l.variant_sku),
      order: formatOrder(l.order_display_id),
      packing_slip: optionalText(l.packing_slip_number),
      quantity: formatQuantity(l.quantity, `${f}.quantity`),
      unit_price: money(l.unit_price, `${f}.unit_price`),
      subtotal: money(l.subtotal, `${f}.subtotal`),
      discount: money(l.discount_total, `${f}.discount_total`),
      has_discount: isNonZero(l.discount_total, `${f}.discount_total`),
      tax_rate: formatRate(l.tax_rate, `${f}.tax_rate`),
      tax: money(l.tax_total, `${f}.tax_total`),
      net: money(net.toFixed(), `${f}.subtotal`),
      total: money(l.total, `${f}.total`),
    }
  })
  const charges = (data.charge_lines ?? []).map((c, i): ChargeLineView => {
    const f = `charge_lines[${i}]`
    const net = amountOf(c.total, `${f}.total`).minus(amountOf(c.tax_total, `${f}.tax_total`))
    return {
      name: optionalText(c.name) ?? "Charges",
      tax_rate: formatRate(c.tax_rate, `${f}.tax_rate`),
      discount: money(c.discount_total, `${f}.discount_total`),
      has_discount: isNonZero(c.discount_total, `${f}.discount_total`),
      net: money(net.toFixed(), `${f}.total`),
      tax: money(c.tax_total, `${f}.tax_total`),
      total: money(c.total, `${f}.total`),
    }
  })
  return {
    document: {
      kind,
      title: TITLES[kind],
      number: documentNumber(kind, data),
      is_pro_forma: kind === "pro_forma",
      is_credit_note: kind === "credit_note",
      copy_label: copyLabel(options),
      invoice_date: formatDate(data.invoice_date, "invoice_date"),
      due_date: formatOptionalDate(data.due_date, "due_date"),
      currency: currency.toUpperCase(),
      packing_slip_number: optionalText(data.packing_slip_number),
      orders: (data.orders ?? [])
        .map((o) => formatOrder(o.display_id))
        .filter((o): o is string => o !== null)
        .join(", "),
      credited_invoice: optionalText(data.credited_invoice_number) ?? optionalText(data.credited_invoice_id),
      reason: optionalText(data.reason),
    },
    seller: sellerView(seller),
    bill_to: partyView(data.bill_to),
    lines,
    charges,
    has_charges: charges.length > 0,
    has_discounts: lines.some((l) => l.has_discount) || charges.some((c) => c.has_discount),
    tax_rates: taxRates(data),
    packing_slips: (data.packing_slips ?? [])
      .filter((s) => optionalText(s.number) !== null)
      .map((s, i) => ({ number: optionalText(s.number)!, shipped_at: formatOptionalDate(s.shipped_at, `packing_slips[${i}].shipped_at`) })),
    totals: {
      item_subtotal: money(data.item_subtotal, "item_subtotal"),
      discount: money(data.discount_total, "discount_total"),
      has_discount: isNonZero(data.discount_total, "discount_total"),
      charges: money(data.charges_total, "charges_total"),
      tax: money(data.tax_total, "tax_total"),
      total: money(data.total, "total"),
    },
  }
}

export function packingSlipView(data: PackingSlipDocumentData, seller: SellerDetails, options?: DocumentRenderOptions): PackingSlipView {
  if (!data || typeof data !== "object") throw new DocumentDataError("document data is missing")
  const lines = (data.lines ?? []).map((l, i) => ({
    title: optionalText(l.title) ?? "",
    sku: optionalText(l.variant_sku),
    quantity: formatQuantity(l.quantity, `lines[${i}].quantity`),
  }))
  const totalQuantity = (data.lines ?? []).reduce((acc, l) => acc.plus(String(l.quantity)), new BigNumber(0))
  return {
    document: {
      kind: "packing_slip",
      title: "Packing slip",
      number: optionalText(data.number) ?? "(unnumbered)",
      copy_label: copyLabel(options),
      shipped_at: formatDate(data.shipped_at, "shipped_at"),
      order: formatOrder(data.order_display_id),
    },
    seller: sellerView(seller),
    ship_to: partyView(data.ship_to),
    bill_to: data.bill_to ? partyView(data.bill_to) : null,
    lines,
    total_quantity: formatQuantity(totalQuantity.toNumber(), "lines.quantity"),
  }
}
