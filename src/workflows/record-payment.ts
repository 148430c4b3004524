import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { type RecordPaymentInput, recordPaymentStep } from "./steps/record-payment"

export type { RecordPaymentInput }

/** Records a payment against a posted invoice, of at most what its credit notes and payments leave open. */
export const recordPaymentWorkflow = createWorkflow("invoicing-record-payment", (input: RecordPaymentInput) => {
  const payment = recordPaymentStep(input)
  return new WorkflowResponse(payment)
})
