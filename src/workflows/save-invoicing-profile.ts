import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { InvoicingProfileChanges } from "../modules/invoicing/sql/invoicing-profile"
import { checkProfileCustomersStep } from "./steps/check-profile-customers"
import { saveInvoicingProfileStep } from "./steps/save-invoicing-profile"

export type SaveInvoicingProfileInput = { customer_id: string; changes: InvoicingProfileChanges }

/** Sets a customer's invoicing profile: invoice account (never a missing customer, never a cycle), defaults, terms. */
export const saveInvoicingProfileWorkflow = createWorkflow("invoicing-save-profile", (input: SaveInvoicingProfileInput) => {
  checkProfileCustomersStep({ customer_id: input.customer_id, invoice_account_id: input.changes.invoice_account_id })
  return new WorkflowResponse(saveInvoicingProfileStep(input))
})
