import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { readInvoiceAccounts } from "../../../../../workflows/invoicing-orders/read-invoice-accounts"
import { invoicingService } from "../../../../../workflows/invoicing-orders/read-orders"
import { saveInvoicingProfileWorkflow } from "../../../../../workflows/save-invoicing-profile"
import type { SaveInvoicingProfileBody } from "../../validators"

/** A customer's profile as stored (defaults when none is), with the account its invoices actually go to. */
async function invoicingProfile(container: MedusaContainer, customerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)
  }
  const [[profile], { accountOf }] = await Promise.all([
    invoicingService(container).listInvoicingProfiles({ customer_id: customerId }),
    readInvoiceAccounts(container, [customerId]),
  ])
  return {
    customer_id: customerId,
    invoice_account_id: profile?.invoice_account_id ?? customerId,
    billed_to: accountOf.get(customerId) ?? customerId,
    default_summary_update: profile?.default_summary_update ?? "none",
    payment_terms_days: profile?.payment_terms_days ?? null,
    email: profile?.email ?? null,
    copies: profile?.copies ?? 1,
  }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ invoicing_profile: await invoicingProfile(req.scope, req.params.customer_id) })
}

export async function POST(req: AuthenticatedMedusaRequest<SaveInvoicingProfileBody>, res: MedusaResponse) {
  await saveInvoicingProfileWorkflow(req.scope).run({ input: { customer_id: req.params.customer_id, changes: req.validatedBody } })
  res.json({ invoicing_profile: await invoicingProfile(req.scope, req.params.customer_id) })
}
