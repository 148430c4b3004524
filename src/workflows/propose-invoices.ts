import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { loadInvoicingOrdersStep } from "./steps/load-invoicing-orders"
import { proposeInvoicesStep } from "./steps/propose-invoices"

export type ProposeInvoicesInput = { order_ids: string[]; parameters: PostingParameters }

/** What posting would make of a selection, without writing anything. */
export const proposeInvoicesWorkflow = createWorkflow("invoicing-propose-invoices", (input: ProposeInvoicesInput) => {
  const loaded = loadInvoicingOrdersStep({ order_ids: input.order_ids })
  const proposal = proposeInvoicesStep({ loaded, parameters: input.parameters })
  return new WorkflowResponse(proposal)
})
