import { MedusaError } from "@medusajs/framework/utils"
import type { PostingParameters } from "../../domain/posting-parameters"
import { type ProposalChange, proposalChanges, snapshotProposal } from "../../domain/proposal-snapshot"
import { proposalSelection, readProposalToken } from "./proposal-token"
import type { CheckedProposal } from "../steps/propose-with-credit-check"

/**
 * Arrange's promise: posting with the token of a proposal posts exactly what that proposal
 * showed. Returns what changed since (nothing to post then); no token, nothing to compare.
 */
export function changesSinceProposal(
  proposalToken: string | null,
  orderIds: string[],
  parameters: PostingParameters,
  { proposal, packing_slip_numbers }: CheckedProposal
): ProposalChange[] {
  if (!proposalToken) return []
  const shown = readProposalToken(proposalToken)
  const selection = proposalSelection(orderIds, parameters)
  if (shown.selection !== selection) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "proposal_token belongs to a proposal of other order_ids or parameters: propose this selection again"
    )
  }
  const slipName = (fulfillmentId: string | null) =>
    fulfillmentId ? `packing slip ${packing_slip_numbers[fulfillmentId] ?? fulfillmentId}` : "the unshipped quantity"
  return proposalChanges(shown, snapshotProposal(proposal, selection), slipName)
}
