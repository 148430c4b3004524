import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicePdf } from "../../../../../workflows/documents/invoice-pdf"
import { sendPdf } from "../../../../pdf-response"
import { customerInvoice } from "../../store-invoice"

/** The original of the customer's own document: the stored PDF (rendered and stored now if it never was). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await customerInvoice(req.scope, req.auth_context.actor_id, req.params.id)
  sendPdf(res, await invoicePdf(req.scope, invoice.id, 0), invoice.number)
}
