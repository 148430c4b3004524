import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { InvoicingProfileChanges, InvoicingProfileRow } from "../../modules/invoicing/sql/invoicing-profile"
import { invoicingService } from "../invoicing-orders/read-orders"

export const saveInvoicingProfileStep = createStep(
  "save-invoicing-profile",
  async (input: { customer_id: string; changes: InvoicingProfileChanges }, { container }) => {
    const { previous, saved } = await invoicingService(container).saveInvoicingProfile(input.customer_id, input.changes)
    return new StepResponse(saved, { customer_id: input.customer_id, id: saved.id, previous })
  },
  // Puts the profile back as it was: removed if the step created it.
  async (undo: { customer_id: string; id: string; previous: InvoicingProfileRow | null } | undefined, { container }) => {
    if (!undo) return
    const service = invoicingService(container)
    if (!undo.previous) {
      await service.deleteInvoicingProfiles(undo.id)
      return
    }
    const { id, customer_id, ...fields } = undo.previous
    await service.saveInvoicingProfile(customer_id, fields)
  }
)
