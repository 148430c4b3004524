import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { customerInvoice, storeInvoiceResponse } from "../store-invoice"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await customerInvoice(req.scope, req.auth_context.actor_id, req.params.id)
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  res.json({ invoice: storeInvoiceResponse(invoice, await service.readSettlements([invoice.id])) })
}
