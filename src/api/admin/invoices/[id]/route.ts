import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { invoiceResponse } from "../invoice-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const invoice = await service.retrieveInvoice(req.params.id, { relations: ["lines", "charges"] })
  res.json({ invoice: invoiceResponse(invoice) })
}
