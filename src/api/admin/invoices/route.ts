import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { PaymentStatusPage } from "../../../modules/invoicing/sql/payments"
import type { DocumentParts } from "../../../modules/invoicing/sql/invoice-pages"
import type { ListInvoicesQuery } from "../invoicing/validators"
import { readAccountNames } from "../../../workflows/invoicing-orders/read-account-names"
import { invoiceResponse } from "./invoice-response"
import { FIELDS_FROM_LINES, type InvoiceListField } from "./list-fields"

/** A payment status is computed from credit notes and payments: that page is chosen in SQL first, then read. */
async function pageByPaymentStatus(service: InvoicingModuleService, page: PaymentStatusPage, parts: DocumentParts) {
  const { ids, count } = await service.pageInvoicesByPaymentStatus(page)
  return { invoices: await service.readInvoicesWithLines({ ids }, "newest_number", parts), count }
}

/** Only the requested fields, in the order they were asked for. */
const pick = (entry: Record<string, unknown>, fields: InvoiceListField[]) => Object.fromEntries(fields.map((f) => [f, entry[f]]))

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { invoice_account_id, order_id, kind, payment_status, q, limit, offset } = req.validatedQuery as ListInvoicesQuery
  // The validator knows every name; Medusa's field parser applied the + and - modifiers to the defaults.
  const fields = req.queryConfig.fields as InvoiceListField[]
  const parts = { lines: fields.some((f) => FIELDS_FROM_LINES.includes(f)) }
  const service = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const filters = { invoice_account_id, order_id, kind, q }
  const { invoices, count } = payment_status
    ? await pageByPaymentStatus(service, { ...filters, payment_status, limit, offset }, parts)
    : await service.pageInvoicesWithLines(filters, { limit, offset }, "newest_number", parts)
  const names = fields.includes("invoice_account_name")
    ? await readAccountNames(req.scope, invoices.map((i) => i.invoice_account_id))
    : new Map<string, string | null>()
  res.json({
    invoices: invoices.map((i) => pick({ ...invoiceResponse(i), invoice_account_name: names.get(i.invoice_account_id) ?? null }, fields)),
    count,
    limit,
    offset,
  })
}
