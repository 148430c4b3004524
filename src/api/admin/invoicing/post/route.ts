import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PostingParameters } from "../../../../domain/posting-parameters"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { postInvoicesWorkflow } from "../../../../workflows/post-invoices"
import { runProposal } from "../../../../workflows/propose-invoices"
import { invoiceResponse, proposedInvoiceResponse } from "../../invoices/invoice-response"
import type { PostInvoicesBody } from "../validators"

/**
 * Posts the selection (numbered, immutable invoices) or, with posting false, returns
 * the same documents as pro formas: no number taken, nothing consumed. With the token
 * of a proposal, posts exactly that proposal or answers 409 with what changed.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostInvoicesBody>, res: MedusaResponse) {
  const { order_ids, idempotency_key, proposal_token } = req.validatedBody
  const parameters = req.validatedBody.parameters as PostingParameters

  if (!parameters.posting) {
    const { proposal } = await runProposal(req.scope, { order_ids, parameters })
    res.json({
      invoices: proposal.groups.map((g) => proposedInvoiceResponse(g, parameters.print_charges, "pro_forma")),
      skipped: proposal.skipped,
    })
    return
  }

  const { result } = await postInvoicesWorkflow(req.scope).run({ input: { order_ids, parameters, idempotency_key, proposal_token } })
  if (result.changes.length || !result.outcomes) {
    res.status(409).json({
      type: "conflict",
      message: `The selection changed since it was proposed; nothing was posted. ${result.changes.map((c) => c.change).join("; ")}`,
      changes: result.changes,
    })
    return
  }
  const outcomes = result.outcomes
  const posted = outcomes.flatMap((o) => ("invoice" in o ? [o.invoice.id] : []))
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const invoices = await service.readInvoicesWithLines({ ids: posted }, "oldest_number")
  const groupOrders = new Map(result.proposal.groups.map((g) => [g.group_key, g.orders]))
  const failed = outcomes.flatMap((o) =>
    "error" in o
      ? (groupOrders.get(o.group_key) ?? []).map((order) => ({
          order_id: order.id,
          display_id: order.display_id,
          group_key: o.group_key,
          reason: o.error.message,
        }))
      : []
  )
  res.json({ invoices: invoices.map(invoiceResponse), skipped: [...result.proposal.skipped, ...failed] })
}
