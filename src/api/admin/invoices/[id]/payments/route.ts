import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../../modules/invoicing/service"
import { recordPaymentWorkflow } from "../../../../../workflows/record-payment"
import type { RecordPaymentBody } from "../../../invoicing/validators"
import { invoiceResponse } from "../../invoice-response"

/** Records a payment of the invoice, of at most what its credit notes and payments leave open. */
export async function POST(req: AuthenticatedMedusaRequest<RecordPaymentBody>, res: MedusaResponse) {
  const { amount, paid_at } = req.validatedBody
  // The amount travels as a decimal string from here on: no float arithmetic on money.
  const { result: payment } = await recordPaymentWorkflow(req.scope).run({
    input: { invoice_id: req.params.id, amount: String(amount), paid_at },
  })
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const [invoice] = await service.readInvoicesWithLines({ ids: [payment.invoice_id] })
  res.json({
    payment: {
      id: payment.id,
      invoice_id: payment.invoice_id,
      amount: Number(payment.amount),
      currency_code: payment.currency_code,
      paid_at: payment.paid_at,
    },
    invoice: invoiceResponse(invoice),
  })
}
