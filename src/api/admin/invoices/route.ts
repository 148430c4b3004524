import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { ListInvoicesQuery } from "../invoicing/validators"
import { invoiceResponse } from "./invoice-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { invoice_account_id, order_id, kind, q, limit, offset } = req.validatedQuery as ListInvoicesQuery
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
  const [invoices, count] = await service.listAndCountInvoices(filters, {
    relations: ["lines", "charges"],
    order: { number: "DESC" },
    skip: offset,
    take: limit,
  })
  res.json({ invoices: invoices.map(invoiceResponse), count, limit, offset })
}
