import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import { type ProposalChange, proposalChanges, snapshotProposal } from "../../domain/proposal-snapshot"
import type { InvoiceProposal } from "../../domain/propose"
import { proposalSelection, readProposalToken } from "../invoicing-orders/proposal-token"
import type { LoadedOrders } from "./load-invoicing-orders"

export type CheckProposalInput = {
  proposal_token: string | null
  order_ids: string[]
  parameters: PostingParameters
  proposal: InvoiceProposal
  loaded: LoadedOrders
}

/**
 * Arrange's promise: posting with the token of a proposal posts exactly what that proposal
 * showed. Returns what changed since (nothing to post then); no token, nothing to compare.
 */
export const checkProposalUnchangedStep = createStep(
  "check-proposal-unchanged",
  async (input: CheckProposalInput) => {
    if (!input.proposal_token) {
      return new StepResponse<{ changes: ProposalChange[] }>({ changes: [] })
    }
    const shown = readProposalToken(input.proposal_token)
    const selection = proposalSelection(input.order_ids, input.parameters)
    if (shown.selection !== selection) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "proposal_token belongs to a proposal of other order_ids or parameters: propose this selection again"
      )
    }
    const numbers = new Map(input.loaded.orders.flatMap((o) => o.packing_slips.map((s) => [s.fulfillment_id, s.number])))
    const slipName = (fulfillmentId: string | null) =>
      fulfillmentId ? `packing slip ${numbers.get(fulfillmentId) ?? fulfillmentId}` : "the unshipped quantity"
    const changes = proposalChanges(shown, snapshotProposal(input.proposal, selection), slipName)
    return new StepResponse({ changes })
  }
)
