import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderDocumentPdf } from "../../../../../../documents/render"
import { packingSlipDocumentData } from "../../../../../../workflows/documents/packing-slip-document-data"
import { sellerDetails } from "../../../../../../workflows/documents/seller"
import { sendPdf } from "../../../../../pdf-response"

/** A packing slip's document, rendered on demand (a packing slip is not a legal document: nothing is stored). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const data = await packingSlipDocumentData(req.scope, req.params.id)
  const pdf = await renderDocumentPdf("packing_slip", data, await sellerDetails(req.scope))
  sendPdf(res, pdf, data.number ?? `packing-slip-${data.id}`)
}
