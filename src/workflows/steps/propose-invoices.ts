import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import { snapshotProposal } from "../../domain/proposal-snapshot"
import { proposalSelection, proposalToken } from "../invoicing-orders/proposal-token"
import { type CreditCheckedProposal, proposeWithCreditCheck } from "./propose-with-credit-check"

/** What the proposal step gives: the proposal as JSON text (see proposeInvoicesStep) and its token. */
export type ProposalOutput = { proposal_json: string; proposal_token: string }

/**
 * The credit-checked proposal and its token, made in one step. The proposal leaves the step
 * as JSON text: the workflow SDK deep-copies a workflow's result twice, field by field, which
 * took a fifth of a 500-order proposal's time (measured: about 120 ms a call); a string it
 * copies for nothing. A transform over the proposal would cost another such copy.
 */
export const proposeInvoicesStep = createStep(
  "propose-invoices",
  async (input: { order_ids: string[]; parameters: PostingParameters }, { container }) => {
    const { proposal } = await proposeWithCreditCheck(container, input.order_ids, input.parameters)
    const proposal_token = proposalToken(snapshotProposal(proposal, proposalSelection(input.order_ids, input.parameters)))
    return new StepResponse<ProposalOutput>({ proposal_json: JSON.stringify(proposal), proposal_token })
  }
)

/** The proposal of a ProposalOutput. */
export function proposalOf(output: ProposalOutput): CreditCheckedProposal {
  return JSON.parse(output.proposal_json)
}
