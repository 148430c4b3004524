import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { PaymentStatusPage } from "../../../modules/invoicing/sql/payments"
import type { ListInvoicesQuery } from "../invoicing/validators"
import { readAccountNames } from "../../../workflows/invoicing-orders/read-account-names"
import { invoiceResponse } from "./invoice-response"

/** A payment status is computed from credit notes and payments: that page is chosen in SQL first, then read. */
async function pageByPaymentStatus(service: InvoicingModuleService, page: PaymentStatusPage) {
  const { ids, count } = await service.pageInvoicesByPaymentStatus(page)
  return { invoices: await service.readInvoicesWithLines({ ids }), count }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { invoice_account_id, order_id, kind, payment_status, q, limit, offset } = req.validatedQuery as ListInvoicesQuery
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const filters = { invoice_account_id, order_id, kind, q }
  const { invoices, count } = payment_status
    ? await pageByPaymentStatus(service, { ...filters, payment_status, limit, offset })
    : await service.pageInvoicesWithLines(filters, { limit, offset })
  const names = await readAccountNames(req.scope, invoices.map((i) => i.invoice_account_id))
  res.json({
    invoices: invoices.map((i) => ({ ...invoiceResponse(i), invoice_account_name: names.get(i.invoice_account_id) ?? null })),
    count,
    limit,
    offset,
  })
}
