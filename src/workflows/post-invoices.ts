import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { checkCreditStep } from "./steps/check-credit"
import { checkProposalUnchangedStep } from "./steps/check-proposal-unchanged"
import { loadInvoicingOrdersStep } from "./steps/load-invoicing-orders"
import { numberPackingSlipsStep } from "./steps/number-packing-slips"
import { postInvoicesStep } from "./steps/post-invoices"
import { proposeInvoicesStep } from "./steps/propose-invoices"

export type PostInvoicesInput = {
  order_ids: string[]
  parameters: PostingParameters
  idempotency_key?: string | null
  /** From the proposal the user accepted: post only if the selection still proposes exactly that. */
  proposal_token?: string | null
}

/**
 * Numbers unnumbered packing slips, proposes, and posts each proposed invoice on its own;
 * with a proposal token, posts nothing when the proposal changed and returns what changed.
 */
export const postInvoicesWorkflow = createWorkflow("invoicing-post-invoices", (input: PostInvoicesInput) => {
  numberPackingSlipsStep({ order_ids: input.order_ids })
  const loaded = loadInvoicingOrdersStep({ order_ids: input.order_ids }).config({ name: "load-invoicing-orders-to-post" })
  const proposed = proposeInvoicesStep({ loaded, parameters: input.parameters })
  const proposal = checkCreditStep({ proposal: proposed, loaded, parameters: input.parameters })
  const check = checkProposalUnchangedStep({
    proposal_token: transform({ input }, ({ input }) => input.proposal_token ?? null),
    order_ids: input.order_ids,
    parameters: input.parameters,
    proposal,
    loaded,
  })
  const outcomes = when({ check }, ({ check }) => check.changes.length === 0).then(() =>
    postInvoicesStep({
      proposal,
      parameters: input.parameters,
      idempotency_key: transform({ input }, ({ input }) => input.idempotency_key ?? null),
    })
  )
  return new WorkflowResponse({ proposal, changes: check.changes, outcomes })
})
