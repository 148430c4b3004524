import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../../modules/invoicing/service"
import { postCreditNoteWorkflow } from "../../../../../workflows/post-credit-note"
import type { CreateCreditNoteBody } from "../../../invoicing/validators"
import { invoiceResponse } from "../../invoice-response"

/** Posts a credit note of the invoice: of the given lines, or without lines of all that is left of it. */
export async function POST(req: AuthenticatedMedusaRequest<CreateCreditNoteBody>, res: MedusaResponse) {
  const { lines, reason } = req.validatedBody
  const { result } = await postCreditNoteWorkflow(req.scope).run({ input: { invoice_id: req.params.id, lines, reason } })
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const [creditNote] = await service.readInvoicesWithLines({ ids: [result.id] })
  res.json({ credit_note: invoiceResponse(creditNote) })
}
