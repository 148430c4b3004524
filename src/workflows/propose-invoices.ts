import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../domain/posting-parameters"
import { proposeInvoicesStep } from "./steps/propose-invoices"

export type ProposeInvoicesInput = { order_ids: string[]; parameters: PostingParameters }

/**
 * What posting would make of a selection, without writing anything, and the token that
 * posts exactly this (or answers what changed).
 */
export const proposeInvoicesWorkflow = createWorkflow("invoicing-propose-invoices", (input: ProposeInvoicesInput) => {
  return new WorkflowResponse(proposeInvoicesStep({ order_ids: input.order_ids, parameters: input.parameters }))
})
