import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { ListStoreInvoicesQuery } from "../../admin/invoicing/validators"
import { storeInvoiceResponse } from "./store-invoice"

/** The logged-in customer's invoices and credit notes (those billed to them), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListStoreInvoicesQuery
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const { invoices, count } = await service.pageInvoicesWithLines({ invoice_account_id: req.auth_context.actor_id }, { limit, offset }, "newest_posted")
  res.json({ invoices: invoices.map(storeInvoiceResponse), count, limit, offset })
}
