import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PostingParameters } from "../../../../domain/posting-parameters"
import { proposeInvoicesWorkflow } from "../../../../workflows/propose-invoices"
import { proposedInvoiceResponse } from "../../invoices/invoice-response"
import type { ProposeInvoicesBody } from "../validators"

/** What posting would make of the selection; writes nothing. */
export async function POST(req: AuthenticatedMedusaRequest<ProposeInvoicesBody>, res: MedusaResponse) {
  const { order_ids } = req.validatedBody
  const parameters = req.validatedBody.parameters as PostingParameters
  const { result } = await proposeInvoicesWorkflow(req.scope).run({ input: { order_ids, parameters } })
  res.json({
    groups: result.groups.map((g) => proposedInvoiceResponse(g, parameters.print_charges, "proposed")),
    skipped: result.skipped,
  })
}
