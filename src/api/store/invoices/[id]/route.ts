import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { settlementsOf } from "../../../admin/invoices/invoice-response"
import { customerInvoice, storeInvoiceResponse } from "../store-invoice"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await customerInvoice(req.scope, req.auth_context.actor_id, req.params.id)
  res.json({ invoice: storeInvoiceResponse(invoice, settlementsOf([invoice])) })
}
