import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { ListStoreInvoicesQuery } from "../../admin/invoicing/validators"
import { storeInvoiceResponse } from "./store-invoice"

/** The logged-in customer's invoices and credit notes (those billed to them), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListStoreInvoicesQuery
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const [invoices, count] = await service.listAndCountInvoices(
    { invoice_account_id: req.auth_context.actor_id },
    { relations: ["lines", "charges"], order: { posted_at: "DESC", number: "DESC" }, skip: offset, take: limit }
  )
  const settlements = await service.readSettlements(invoices.map((i) => i.id))
  res.json({ invoices: invoices.map((i) => storeInvoiceResponse(i, settlements)), count, limit, offset })
}
