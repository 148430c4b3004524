import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { loadInvoicingOrdersStep } from "./steps/load-invoicing-orders"
import { numberPackingSlipsStep } from "./steps/number-packing-slips"
import { postInvoicesStep } from "./steps/post-invoices"
import { proposeInvoicesStep } from "./steps/propose-invoices"

export type PostInvoicesInput = { order_ids: string[]; parameters: PostingParameters; idempotency_key?: string | null }

/** Numbers unnumbered packing slips, proposes, and posts each proposed invoice on its own. */
export const postInvoicesWorkflow = createWorkflow("invoicing-post-invoices", (input: PostInvoicesInput) => {
  numberPackingSlipsStep({ order_ids: input.order_ids })
  const loaded = loadInvoicingOrdersStep({ order_ids: input.order_ids }).config({ name: "load-invoicing-orders-to-post" })
  const proposal = proposeInvoicesStep({ loaded, parameters: input.parameters })
  const outcomes = postInvoicesStep({
    proposal,
    parameters: input.parameters,
    idempotency_key: transform({ input }, ({ input }) => input.idempotency_key ?? null),
  })
  return new WorkflowResponse({ proposal, outcomes })
})
