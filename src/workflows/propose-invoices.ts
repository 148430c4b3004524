import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { snapshotProposal } from "../domain/proposal-snapshot"
import { proposalSelection, proposalToken } from "./invoicing-orders/proposal-token"
import { checkCreditStep } from "./steps/check-credit"
import { loadInvoicingOrdersStep } from "./steps/load-invoicing-orders"
import { proposeInvoicesStep } from "./steps/propose-invoices"

export type ProposeInvoicesInput = { order_ids: string[]; parameters: PostingParameters }

/**
 * What posting would make of a selection, without writing anything, and the token that
 * posts exactly this (or answers what changed).
 */
export const proposeInvoicesWorkflow = createWorkflow("invoicing-propose-invoices", (input: ProposeInvoicesInput) => {
  const loaded = loadInvoicingOrdersStep({ order_ids: input.order_ids })
  const proposed = proposeInvoicesStep({ loaded, parameters: input.parameters })
  const proposal = checkCreditStep({ proposal: proposed, loaded, parameters: input.parameters })
  const token = transform({ input, proposal }, ({ input, proposal }) =>
    proposalToken(snapshotProposal(proposal, proposalSelection(input.order_ids, input.parameters)))
  )
  return new WorkflowResponse({ proposal, proposal_token: token })
})
