import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { PaymentStatusPage } from "../../../modules/invoicing/sql/payments"
import type { ListInvoicesQuery } from "../invoicing/validators"
import { readAccountNames } from "../../../workflows/invoicing-orders/read-account-names"
import { invoiceResponse } from "./invoice-response"

/** A payment status is computed from credit notes and payments: the page is chosen in SQL, then loaded. */
async function pageByPaymentStatus(service: InvoicingModuleService, page: PaymentStatusPage): Promise<[any[], number]> {
  const { ids, count } = await service.pageInvoicesByPaymentStatus(page)
  const invoices = ids.length ? await service.listInvoices({ id: ids }, { relations: ["lines", "charges"], order: { number: "DESC" } }) : []
  return [invoices, count]
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { invoice_account_id, order_id, kind, payment_status, q, limit, offset } = req.validatedQuery as ListInvoicesQuery
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const filters: Record<string, unknown> = {}
  if (invoice_account_id) filters.invoice_account_id = invoice_account_id
  if (kind) filters.kind = kind
  if (q) filters.number = { $ilike: `%${q}%` }
  if (order_id) {
    const lines = await service.listInvoiceLines({ order_id }, { select: ["invoice_id"] as any })
    const charges = await service.listInvoiceCharges({ order_id }, { select: ["invoice_id"] as any })
    filters.id = [...new Set([...lines, ...charges].map((l: any) => l.invoice_id))]
  }
  const [invoices, count] = payment_status
    ? await pageByPaymentStatus(service, { payment_status, invoice_account_id, kind, q, ids: filters.id as string[] | undefined, limit, offset })
    : await service.listAndCountInvoices(filters, {
        relations: ["lines", "charges"],
        order: { number: "DESC" },
        skip: offset,
        take: limit,
      })
  const [settlements, names] = await Promise.all([
    service.readSettlements(invoices.map((i) => i.id)),
    readAccountNames(req.scope, invoices.map((i) => i.invoice_account_id)),
  ])
  res.json({
    invoices: invoices.map((i) => ({ ...invoiceResponse(i, settlements), invoice_account_name: names.get(i.invoice_account_id) ?? null })),
    count,
    limit,
    offset,
  })
}
