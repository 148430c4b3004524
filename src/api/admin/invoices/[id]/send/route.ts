import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../../modules/invoicing/service"
import { emailInvoice } from "../../../../../workflows/documents/email-invoice"
import type { SendInvoiceBody } from "../../../invoicing/validators"

/**
 * E-mails the original again. One request is one e-mail: a retry with the same
 * idempotency_key sends nothing more; without a key every request sends.
 */
export async function POST(req: AuthenticatedMedusaRequest<SendInvoiceBody>, res: MedusaResponse) {
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const invoice = await service.retrieveInvoice(req.params.id, { select: ["id"] })
  const key = req.validatedBody.idempotency_key ?? randomUUID()
  const sent = await emailInvoice(req.scope, invoice.id, `invoice-email:${invoice.id}:send:${key}`)
  res.json({ sent: { to: sent.to } })
}
