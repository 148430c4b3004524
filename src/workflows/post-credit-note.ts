import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { type PostCreditNoteInput, postCreditNoteStep } from "./steps/post-credit-note"

export type { PostCreditNoteInput }

/** Credits an invoice, in part (some units of some lines) or in full (what is left of it, charges included). */
export const postCreditNoteWorkflow = createWorkflow("invoicing-post-credit-note", (input: PostCreditNoteInput) => {
  const creditNote = postCreditNoteStep(input)
  return new WorkflowResponse(creditNote)
})
