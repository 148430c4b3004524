import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { creditNoteSummary, invoiceResponse, paymentSummary } from "../invoice-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const detail = await service.readInvoiceDetail(req.params.id)
  if (!detail) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${req.params.id} was not found`)
  }
  res.json({
    invoice: invoiceResponse(detail.invoice),
    credit_notes: detail.credit_notes.map(creditNoteSummary),
    payments: detail.payments.map(paymentSummary),
    // The PDFs print management stored (copy 0 is the original); others are rendered when downloaded.
    documents: detail.stored_documents.map((d) => ({ copy: d.copy, stored_at: d.created_at })),
  })
}
