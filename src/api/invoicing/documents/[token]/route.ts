import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { invoicePdf } from "../../../../workflows/documents/invoice-pdf"
import { verifySignedDocumentToken } from "../../../../workflows/documents/signed-link"
import { sendPdf } from "../../../pdf-response"

// A signed link is its own credential: a mail client opens it with no session, token or API key.
export const AUTHENTICATE = false

/**
 * Downloads the one document (and copy) a signed link was made for, until it expires.
 * A tampered, malformed or expired link is refused with 403 and serves nothing.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const verified = verifySignedDocumentToken(req.scope, req.params.token)
  if (!verified.ok) throw new MedusaError(MedusaError.Types.FORBIDDEN, verified.message)
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const [invoice] = await service.listInvoices({ id: verified.invoice_id }, { select: ["id", "number"], take: 1 })
  if (!invoice) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The document of this link no longer exists")
  const pdf = await invoicePdf(req.scope, invoice.id, verified.copy)
  sendPdf(res, pdf, verified.copy ? `${invoice.number}-copy-${verified.copy}` : invoice.number)
}
