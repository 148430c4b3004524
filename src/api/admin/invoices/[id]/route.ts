import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { creditNoteSummary, invoiceResponse } from "../invoice-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const invoice = await service.retrieveInvoice(req.params.id, { relations: ["lines", "charges"] })
  const creditNotes = await service.listInvoices(
    { credited_invoice_id: invoice.id },
    { select: ["id", "number", "invoice_date", "total"], order: { number: "ASC" } }
  )
  res.json({ invoice: invoiceResponse(invoice), credit_notes: creditNotes.map(creditNoteSummary) })
}
