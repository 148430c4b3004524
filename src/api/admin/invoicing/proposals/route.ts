import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PostingParameters } from "../../../../domain/posting-parameters"
import { runProposal } from "../../../../workflows/propose-invoices"
import { proposedInvoiceResponse } from "../../invoices/invoice-response"
import type { ProposeInvoicesBody } from "../validators"

/**
 * What posting would make of the selection, and the token that posts exactly that; writes
 * nothing. Proposing again with another summary update is Arrange.
 */
export async function POST(req: AuthenticatedMedusaRequest<ProposeInvoicesBody>, res: MedusaResponse) {
  const { order_ids } = req.validatedBody
  const parameters = req.validatedBody.parameters as PostingParameters
  const { proposal, proposal_token } = await runProposal(req.scope, { order_ids, parameters })
  res.json({
    proposal_token,
    groups: proposal.groups.map((g) => proposedInvoiceResponse(g, parameters.print_charges, "proposed")),
    skipped: proposal.skipped,
  })
}
