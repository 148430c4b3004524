import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerInvoice, storeInvoiceResponse } from "../store-invoice"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await customerInvoice(req.scope, req.auth_context.actor_id, req.params.id)
  res.json({ invoice: storeInvoiceResponse(invoice) })
}
