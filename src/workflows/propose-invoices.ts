import type { MedusaContainer } from "@medusajs/framework/types"
import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { proposalOf, proposeInvoicesStep } from "./steps/propose-invoices"
import type { CreditCheckedProposal } from "./steps/propose-with-credit-check"

export type ProposeInvoicesInput = { order_ids: string[]; parameters: PostingParameters }

/**
 * What posting would make of a selection, without writing anything, and the token that
 * posts exactly this (or answers what changed).
 */
export const proposeInvoicesWorkflow = createWorkflow("invoicing-propose-invoices", (input: ProposeInvoicesInput) => {
  return new WorkflowResponse(proposeInvoicesStep({ order_ids: input.order_ids, parameters: input.parameters }))
})

/** Runs proposeInvoicesWorkflow: the proposal, read back from the JSON text it travels as, and its token. */
export async function runProposal(
  scope: MedusaContainer,
  input: ProposeInvoicesInput
): Promise<{ proposal: CreditCheckedProposal; proposal_token: string }> {
  const { result } = await proposeInvoicesWorkflow(scope).run({ input })
  return { proposal: proposalOf(result), proposal_token: result.proposal_token }
}
