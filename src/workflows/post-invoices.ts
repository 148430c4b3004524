import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { numberPackingSlipsStep } from "./steps/number-packing-slips"
import { postInvoicesStep } from "./steps/post-invoices"

export type PostInvoicesInput = {
  order_ids: string[]
  parameters: PostingParameters
  idempotency_key?: string | null
  /** From the proposal the user accepted: post only if the selection still proposes exactly that. */
  proposal_token?: string | null
}

/**
 * Numbers unnumbered packing slips, proposes, and posts the proposed invoices in batches;
 * with a proposal token, posts nothing when the proposal changed and returns what changed.
 */
export const postInvoicesWorkflow = createWorkflow("invoicing-post-invoices", (input: PostInvoicesInput) => {
  numberPackingSlipsStep({ order_ids: input.order_ids })
  const report = postInvoicesStep(
    transform({ input }, ({ input }) => ({
      order_ids: input.order_ids,
      parameters: input.parameters,
      idempotency_key: input.idempotency_key ?? null,
      proposal_token: input.proposal_token ?? null,
    }))
  )
  return new WorkflowResponse(report)
})
