import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import { snapshotProposal } from "../../domain/proposal-snapshot"
import { proposalSelection, proposalToken } from "../invoicing-orders/proposal-token"
import { type CreditCheckedProposal, proposeWithCreditCheck } from "./propose-with-credit-check"

/**
 * The credit-checked proposal and its token, made in one step: a transform over the proposal
 * would have the workflow SDK walk and copy every line of it once more (a third of a
 * 500-order proposal's time).
 */
export const proposeInvoicesStep = createStep(
  "propose-invoices",
  async (input: { order_ids: string[]; parameters: PostingParameters }, { container }) => {
    const { proposal } = await proposeWithCreditCheck(container, input.order_ids, input.parameters)
    const proposal_token = proposalToken(snapshotProposal(proposal, proposalSelection(input.order_ids, input.parameters)))
    return new StepResponse<{ proposal: CreditCheckedProposal; proposal_token: string }>({ proposal, proposal_token })
  }
)
