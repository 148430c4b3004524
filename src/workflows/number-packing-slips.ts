import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { numberPackingSlipsStep } from "./steps/number-packing-slips"

/** Numbers the shipped fulfillments of some orders that have no packing slip yet. */
export const numberPackingSlipsWorkflow = createWorkflow("invoicing-number-packing-slips", (input: { order_ids: string[] }) => {
  return new WorkflowResponse(numberPackingSlipsStep(input))
})
