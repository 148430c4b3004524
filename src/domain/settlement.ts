import { type Amount, type AmountLike, big, toAmount } from "./money"

export const PAYMENT_STATUSES = ["open", "partially_paid", "paid"] as const

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/**
 * What is left of an invoice after its credit notes and payments, in major units:
 * `credited` is what its credit notes took (positive), `paid` what was paid against it,
 * `open` = total − credited − paid (negative when a credit note came after a payment:
 * the customer is owed the difference).
 */
export type Settlement = { credited: Amount; paid: Amount; open: Amount }

/**
 * The settlement of an invoice from its total, the sum of its credit notes' totals
 * (negative, as credit notes carry them) and the sum of its payments.
 */
export function settlement(total: AmountLike, creditNoteTotals: AmountLike, paid: AmountLike): Settlement {
  const credited = big(creditNoteTotals).negated()
  return {
    credited: toAmount(credited),
    paid: toAmount(big(paid)),
    open: toAmount(big(total).minus(credited).minus(big(paid))),
  }
}

/** paid when nothing is open; partially_paid when something was paid and something is open; else open. */
export function paymentStatus(open: AmountLike, paid: AmountLike): PaymentStatus {
  if (!big(open).isGreaterThan(0)) {
    return "paid"
  }
  return big(paid).isGreaterThan(0) ? "partially_paid" : "open"
}

/** A payment that must not be recorded; `field` names the request field at fault, when one is. */
export class PaymentRefused extends Error {
  constructor(
    message: string,
    readonly field: string | null = null
  ) {
    super(message)
    this.name = "PaymentRefused"
  }
}

/** The document a payment is for, with what is open of it (read under a lock on it). */
export type PayableDocument = {
  number: string
  kind: "invoice" | "credit_note"
  currency_code: string
  total: AmountLike
  settlement: Settlement
}

/**
 * Checks a payment against the document: only an invoice is paid, with a positive amount
 * of at most the currency's decimal digits and at most what is open of it.
 * Returns the amount to record, as a decimal string.
 */
export function checkPayment(document: PayableDocument, amount: Amount, digits: number): Amount {
  if (document.kind !== "invoice") {
    throw new PaymentRefused(`${document.number} is a credit note: only an invoice can be paid`)
  }
  const value = big(amount)
  if (!value.isFinite() || !value.isGreaterThan(0)) {
    throw new PaymentRefused(`amount must be a positive amount, got ${amount}`, "amount")
  }
  const decimals = value.decimalPlaces() ?? 0
  if (decimals > digits) {
    throw new PaymentRefused(
      `amount: ${toAmount(value)} has ${decimals} decimals, more than the ${digits} of ${document.currency_code.toUpperCase()}`,
      "amount"
    )
  }
  const { credited, paid, open } = document.settlement
  const money = (v: AmountLike) => big(v).toFixed(digits)
  const numbers = `total ${money(document.total)}, credited ${money(credited)}, paid ${money(paid)}`
  if (!big(open).isGreaterThan(0)) {
    throw new PaymentRefused(`amount: nothing is open on ${document.number} (${numbers})`, "amount")
  }
  if (value.isGreaterThan(big(open))) {
    throw new PaymentRefused(`amount: ${money(value)} is more than the ${money(open)} open on ${document.number} (${numbers})`, "amount")
  }
  return toAmount(value)
}
