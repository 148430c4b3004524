import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { renderDocumentPdf } from "../../../../../documents/render"
import type { PostingParameters } from "../../../../../domain/posting-parameters"
import { sellerDetails } from "../../../../../workflows/documents/seller"
import { runProposal } from "../../../../../workflows/propose-invoices"
import { sendPdf } from "../../../../pdf-response"
import { proposedInvoiceResponse } from "../../../invoices/invoice-response"
import type { ProFormaPdfBody } from "../../validators"

/**
 * The pro forma PDF of one proposed invoice (group_key, else the first group): proposed
 * now, rendered on demand, neither posted nor stored.
 */
export async function POST(req: AuthenticatedMedusaRequest<ProFormaPdfBody>, res: MedusaResponse) {
  const { order_ids, group_key } = req.validatedBody
  const parameters = req.validatedBody.parameters as PostingParameters
  const { proposal } = await runProposal(req.scope, { order_ids, parameters })
  const groups = proposal.groups
  const group = group_key === undefined ? groups[0] : groups.find((g) => g.group_key === group_key)
  if (!group) {
    if (group_key !== undefined) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `group_key: no proposed invoice of this selection has the group key ${group_key}`)
    }
    const reasons = proposal.skipped.map((s) => `order ${s.display_id ?? s.order_id}: ${s.reason}`).join("; ")
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `order_ids: nothing to invoice in this selection${reasons ? ` (${reasons})` : ""}`)
  }
  const data = proposedInvoiceResponse(group, parameters.print_charges, "pro_forma")
  const pdf = await renderDocumentPdf("pro_forma", data, await sellerDetails(req.scope))
  sendPdf(res, pdf, `pro-forma-${group.orders.map((o) => o.display_id ?? o.id).slice(0, 5).join("-")}`)
}
