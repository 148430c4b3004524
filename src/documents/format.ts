import BigNumber from "bignumber.js"
import type { DocumentAmount } from "./types"

/**
 * Formatting of the values a document prints. Pure and exact: amounts go through decimal
 * strings (never float arithmetic), so what is printed is what was posted.
 */

/** Thrown when document data cannot be printed; the message names the field. */
export class DocumentDataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "DocumentDataError"
  }
}

const digitsCache = new Map<string, number>()

/**
 * The currency's decimal digits from ISO 4217 as Node's ICU knows them (EUR 2, JPY 0,
 * KWD 3). Medusa's currency module uses the same table for its `decimal_digits`.
 */
export function currencyDigits(currencyCode: string): number {
  const code = String(currencyCode ?? "").toUpperCase()
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new DocumentDataError(`currency_code must be a 3-letter ISO 4217 code, got "${currencyCode}"`)
  }
  let digits = digitsCache.get(code)
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    digitsCache.set(code, digits)
  }
  return digits
}

/** A number or decimal string as an exact BigNumber; String(n) is the shortest exact form of a float. */
function decimalOf(value: DocumentAmount | null | undefined, field: string): BigNumber {
  if (value === null || value === undefined || value === "") {
    throw new DocumentDataError(`${field} is missing`)
  }
  const parsed = new BigNumber(typeof value === "number" ? String(value) : value)
  if (!parsed.isFinite()) {
    throw new DocumentDataError(`${field} is not a number: ${String(value)}`)
  }
  return parsed
}

/** "1234567.5" → "1,234,567.5" (en-US grouping of the integer part). */
function group(fixed: string): string {
  const [int, frac] = fixed.split(".")
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return frac === undefined ? grouped : `${grouped}.${frac}`
}

/** A plain decimal with the given digits, rounded half away from zero, grouped: "-1,234.50". */
export function formatDecimal(value: DocumentAmount, digits: number, field = "amount"): string {
  const rounded = decimalOf(value, field).decimalPlaces(digits, BigNumber.ROUND_HALF_UP)
  const fixed = rounded.abs().toFixed(digits)
  // No "-0.00": a value that rounds to zero prints without a sign.
  return rounded.isNegative() && !rounded.isZero() ? `-${group(fixed)}` : group(fixed)
}

/** Money with the currency's digits and its code: "1,234.50 EUR", "-3.00 EUR", "1,000 JPY". */
export function formatMoney(value: DocumentAmount, currencyCode: string, field = "amount"): string {
  return `${formatDecimal(value, currencyDigits(currencyCode), field)} ${currencyCode.toUpperCase()}`
}

/** A tax rate in percent, without trailing zeros: 10 → "10%", 7.5 → "7.5%", 0 → "0%". */
export function formatRate(value: DocumentAmount, field = "tax_rate"): string {
  return `${decimalOf(value, field).decimalPlaces(4, BigNumber.ROUND_HALF_UP).toFixed()}%`
}

/** The exact decimal key of a rate, so 10, "10" and "10.0" fall into one tax group. */
export function rateKey(value: DocumentAmount, field = "tax_rate"): string {
  return decimalOf(value, field).toFixed()
}

export function sumAmounts(values: DocumentAmount[], field: string): BigNumber {
  return values.reduce<BigNumber>((acc, v) => acc.plus(decimalOf(v, field)), new BigNumber(0))
}

export function amountOf(value: DocumentAmount, field: string): BigNumber {
  return decimalOf(value, field)
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A date as YYYY-MM-DD. Calendar dates ("2026-11-24") print as they are; timestamps print
 * their UTC date, the way the API turns posted dates into `invoice_date`.
 */
export function formatDate(value: string | Date | null | undefined, field: string): string {
  if (value === null || value === undefined || value === "") {
    throw new DocumentDataError(`${field} is missing`)
  }
  if (typeof value === "string" && DATE_ONLY.test(value)) {
    if (Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new DocumentDataError(`${field} is not a date: ${value}`)
    }
    return value
  }
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new DocumentDataError(`${field} is not a date: ${String(value)}`)
  }
  return date.toISOString().slice(0, 10)
}

export function formatOptionalDate(value: string | Date | null | undefined, field: string): string | null {
  return value === null || value === undefined || value === "" ? null : formatDate(value, field)
}

/** A quantity: an integer as digits, grouped ("1,200"). */
export function formatQuantity(value: number, field: string): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new DocumentDataError(`${field} is not a number: ${String(value)}`)
  }
  return group(new BigNumber(String(value)).toFixed())
}

/** An order's display id as printed: "#1001". */
export function formatOrder(displayId: number | null | undefined): string | null {
  return displayId === null || displayId === undefined ? null : `#${displayId}`
}

const text = (value: unknown): string | null => {
  if (typeof value !== "string" && typeof value !== "number") return null
  const trimmed = String(value).trim()
  return trimmed === "" ? null : trimmed
}

/**
 * The printed lines of a Medusa address. Only its known text fields are read (never
 * metadata or nested objects); the company and the person are left out when they are the
 * name already printed above the address.
 */
export function addressLines(address: Record<string, unknown> | null | undefined, printedName: string | null): string[] {
  if (!address || typeof address !== "object") return []
  const person = [text(address.first_name), text(address.last_name)].filter(Boolean).join(" ") || null
  const company = text(address.company)
  const cityLine = [text(address.postal_code), text(address.city)].filter(Boolean).join(" ") || null
  const country = text(address.country_code)?.toUpperCase() ?? null
  const lines = [
    company !== printedName ? company : null,
    person !== printedName ? person : null,
    text(address.address_1),
    text(address.address_2),
    cityLine,
    text(address.province),
    country,
  ]
  return lines.filter((l): l is string => l !== null)
}

export function optionalText(value: unknown): string | null {
  return text(value)
}
