import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { Amount } from "../../domain/money"
import { invoicingService, readDecimalDigits } from "../invoicing-orders/read-orders"

export type RecordPaymentInput = {
  invoice_id: string
  /** Major units, as a decimal string (never a float in any arithmetic). */
  amount: Amount
  /** ISO date-time or date (a date is its UTC midnight); default now. */
  paid_at?: string
}

/** A date alone is the payment's calendar day, stored as its UTC midnight as invoice dates are. */
function paidAt(value: string | undefined): string {
  if (!value) {
    return new Date().toISOString()
  }
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value).toISOString()
}

/**
 * Records a payment, checked against the digits of the invoice's currency as Medusa defines it.
 * No compensation: the module records it in one transaction, all or nothing.
 */
export const recordPaymentStep = createStep("record-invoice-payment", async (input: RecordPaymentInput, { container }) => {
  const service = invoicingService(container)
  const [invoice] = await service.listInvoices({ id: input.invoice_id }, { select: ["id", "currency_code"] })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${input.invoice_id} was not found`)
  }
  const digits = await readDecimalDigits(container, [invoice.currency_code])
  const payment = await service.recordPayment({
    invoice_id: input.invoice_id,
    amount: input.amount,
    paid_at: paidAt(input.paid_at),
    decimal_digits: digits.get(invoice.currency_code) ?? 2,
  })
  return new StepResponse(payment)
})
