import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../../modules/invoicing/service"
import { invoicePdf } from "../../../../../workflows/documents/invoice-pdf"
import { sendPdf } from "../../../../pdf-response"
import type { InvoicePdfQuery } from "../../../invoicing/validators"

/** The original (copy 0) or copy N of a posted document: the stored PDF, or rendered now and stored. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { copy } = req.validatedQuery as InvoicePdfQuery
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const invoice = await service.retrieveInvoice(req.params.id, { select: ["id", "number"] })
  const pdf = await invoicePdf(req.scope, invoice.id, copy)
  sendPdf(res, pdf, copy ? `${invoice.number}-copy-${copy}` : invoice.number)
}
