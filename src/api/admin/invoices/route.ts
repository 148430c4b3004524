import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { ListInvoicesQuery } from "../invoicing/validators"
import { readAccountNames } from "../../../workflows/invoicing-orders/read-account-names"
import { invoiceResponse, settlementsOf } from "./invoice-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { invoice_account_id, order_id, kind, payment_status, q, limit, offset } = req.validatedQuery as ListInvoicesQuery
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const filters = { invoice_account_id, order_id, kind, q }
  // A payment status is computed from credit notes and payments: that page is chosen in SQL first.
  const { invoices, count } = payment_status
    ? await service
        .pageInvoicesByPaymentStatus({ payment_status, invoice_account_id, kind, q, order_id, limit, offset })
        .then(async ({ ids, count }) => ({ invoices: await service.readInvoicesWithLines({ ids }), count }))
    : await service.pageInvoicesWithLines(filters, { limit, offset })
  const names = await readAccountNames(req.scope, invoices.map((i) => i.invoice_account_id))
  const settlements = settlementsOf(invoices)
  res.json({
    invoices: invoices.map((i) => ({ ...invoiceResponse(i, settlements), invoice_account_name: names.get(i.invoice_account_id) ?? null })),
    count,
    limit,
    offset,
  })
}
