import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { selectInvoiceableOrders } from "../../../../workflows/invoicing-orders/select-orders"
import type { ListInvoicingOrdersQuery } from "../validators"

/**
 * Orders with something to invoice: "shipped_not_invoiced" (shipped quantity not yet
 * invoiced) or "uninvoiced" (any ordered quantity not yet invoiced), newest first.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, customer_id, q, limit, offset } = req.validatedQuery as ListInvoicingOrdersQuery
  const filters: Record<string, unknown> = {}
  if (customer_id) filters.customer_id = customer_id
  if (q) filters.$or = [{ email: { $ilike: `%${q}%` } }, ...(/^\d+$/.test(q) ? [{ display_id: Number(q) }] : [])]
  const matching = await selectInvoiceableOrders(req.scope, filters, status === "shipped_not_invoiced" ? "packing_slip" : "all")
  res.json({ orders: matching.slice(offset, offset + limit), count: matching.length, limit, offset })
}
