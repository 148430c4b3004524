import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { snapshotProposal } from "../domain/proposal-snapshot"
import { proposalSelection, proposalToken } from "./invoicing-orders/proposal-token"
import { proposeWithCreditCheckStep } from "./steps/propose-with-credit-check"

export type ProposeInvoicesInput = { order_ids: string[]; parameters: PostingParameters }

/**
 * What posting would make of a selection, without writing anything, and the token that
 * posts exactly this (or answers what changed).
 */
export const proposeInvoicesWorkflow = createWorkflow("invoicing-propose-invoices", (input: ProposeInvoicesInput) => {
  const { proposal } = proposeWithCreditCheckStep({ order_ids: input.order_ids, parameters: input.parameters })
  const token = transform({ input, proposal }, ({ input, proposal }) =>
    proposalToken(snapshotProposal(proposal, proposalSelection(input.order_ids, input.parameters)))
  )
  return new WorkflowResponse({ proposal, proposal_token: token })
})
