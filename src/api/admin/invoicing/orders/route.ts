import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notInvoicedValue } from "../../../../domain/credit-exposure"
import { pageShippedNotInvoiced } from "../../../../workflows/invoicing-orders/page-shipped-not-invoiced"
import { readAccountNames } from "../../../../workflows/invoicing-orders/read-account-names"
import { selectInvoiceableOrders } from "../../../../workflows/invoicing-orders/select-orders"
import type { ListInvoicingOrdersQuery } from "../validators"

/**
 * Orders with something to invoice: "shipped_not_invoiced" (shipped quantity not yet
 * invoiced) or "uninvoiced" (any ordered quantity not yet invoiced), newest first. Each row
 * carries its invoice account's name and `uninvoiced_value`: what invoicing that quantity
 * would total now, charges not yet invoiced included, exactly as posting would price it.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, customer_id, q, limit, offset } = req.validatedQuery as ListInvoicingOrdersQuery
  const filters: Record<string, unknown> = {}
  if (customer_id) filters.customer_id = customer_id
  if (q) filters.$or = [{ email: { $ilike: `%${q}%` } }, ...(/^\d+$/.test(q) ? [{ display_id: Number(q) }] : [])]
  const mode = status === "shipped_not_invoiced" ? "packing_slip" : "all"
  const { orders, count } =
    mode === "packing_slip"
      ? await pageShippedNotInvoiced(req.scope, filters, { limit, offset })
      : await selectInvoiceableOrders(req.scope, filters, mode).then((all) => ({ orders: all.slice(offset, offset + limit), count: all.length }))
  const names = await readAccountNames(req.scope, orders.map((o) => o.invoice_account_id))
  res.json({
    orders: orders.map((o) => ({
      ...o,
      invoice_account_name: o.invoice_account_id ? names.get(o.invoice_account_id) ?? null : null,
      uninvoiced_value: Number(notInvoicedValue(o, mode)),
    })),
    count,
    limit,
    offset,
  })
}
