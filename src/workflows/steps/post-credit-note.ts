import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { invoicingService, readDecimalDigits } from "../invoicing-orders/read-orders"

export type PostCreditNoteInput = {
  invoice_id: string
  lines?: { invoice_line_id: string; quantity: number }[]
  reason: string
}

/**
 * Posts a credit note, rounded to the digits of the invoice's currency as Medusa defines it.
 * No compensation: the module posts it in one transaction, all or nothing, and a posted
 * credit note is final like any posted invoice.
 */
export const postCreditNoteStep = createStep("post-credit-note", async (input: PostCreditNoteInput, { container }) => {
  const service = invoicingService(container)
  const [invoice] = await service.listInvoices({ id: input.invoice_id }, { select: ["id", "currency_code"] })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${input.invoice_id} was not found`)
  }
  const digits = await readDecimalDigits(container, [invoice.currency_code])
  const creditNote = await service.postCreditNote({
    invoice_id: input.invoice_id,
    lines: input.lines,
    reason: input.reason,
    decimal_digits: digits.get(invoice.currency_code) ?? 2,
  })
  return new StepResponse(creditNote)
})
