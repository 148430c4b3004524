import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { type CreditCheckedInvoice, checkCredit } from "../../domain/credit-exposure"
import type { PostingParameters } from "../../domain/posting-parameters"
import type { InvoiceProposal } from "../../domain/propose"
import { readCreditContext } from "../invoicing-orders/read-credit-context"
import type { LoadedOrders } from "./load-invoicing-orders"

export type CreditCheckedProposal = Omit<InvoiceProposal, "groups"> & { groups: CreditCheckedInvoice[] }

/** Gives every proposed invoice its credit check: limit, exposure, what is available, ok or blocked and why. */
export const checkCreditStep = createStep(
  "check-credit",
  async (input: { proposal: InvoiceProposal; loaded: LoadedOrders; parameters: PostingParameters }, { container }) => {
    const { groups } = input.proposal
    const context = await readCreditContext(container, groups, input.loaded.orders, input.parameters.credit_check)
    const outcomes = checkCredit(groups, input.parameters.credit_check, context)
    return new StepResponse<CreditCheckedProposal>({
      ...input.proposal,
      groups: groups.map((g) => ({ ...g, credit_check: outcomes.get(g.group_key)! })),
    })
  }
)
