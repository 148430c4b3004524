import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { creditNoteSummary, invoiceResponse, paymentSummary } from "../invoice-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const invoice = await service.retrieveInvoice(req.params.id, { relations: ["lines", "charges"] })
  const creditNotes = await service.listInvoices(
    { credited_invoice_id: invoice.id },
    { select: ["id", "number", "invoice_date", "total"], order: { number: "ASC" } }
  )
  const payments = await service.listInvoicePayments(
    { invoice_id: invoice.id },
    { select: ["id", "amount", "paid_at"], order: { paid_at: "ASC", id: "ASC" } }
  )
  // The PDFs print management stored (copy 0 is the original); others are rendered when downloaded.
  const documents = await service.listInvoiceDocuments(
    { invoice_id: invoice.id },
    { select: ["copy", "created_at"], order: { copy: "ASC" } }
  )
  res.json({
    invoice: invoiceResponse(invoice, await service.readSettlements([invoice.id])),
    credit_notes: creditNotes.map(creditNoteSummary),
    payments: payments.map(paymentSummary),
    documents: documents.map((d) => ({ copy: d.copy, stored_at: d.created_at })),
  })
}
