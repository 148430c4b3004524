import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import { proposeInvoices } from "../../domain/propose"
import type { LoadedOrders } from "./load-invoicing-orders"

export const proposeInvoicesStep = createStep(
  "propose-invoices",
  async (input: { loaded: LoadedOrders; parameters: PostingParameters }) => {
    const today = new Date().toISOString().slice(0, 10)
    const proposal = proposeInvoices(input.loaded.orders, input.parameters, { today, accounts: input.loaded.accounts })
    return new StepResponse(proposal)
  }
)
