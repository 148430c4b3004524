import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { invoiceableQuantities } from "../../../../domain/quantities"
import { loadInvoicingOrders } from "../../../../workflows/invoicing-orders/load-invoicing-orders"
import type { ListInvoicingOrdersQuery } from "../validators"

const SCAN_PAGE = 200

/**
 * Orders with something to invoice: "shipped_not_invoiced" (shipped quantity not yet
 * invoiced) or "uninvoiced" (any ordered quantity not yet invoiced), newest first.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, customer_id, q, limit, offset } = req.validatedQuery as ListInvoicingOrdersQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { status: { $ne: "canceled" } }
  if (customer_id) filters.customer_id = customer_id
  if (q) filters.$or = [{ email: { $ilike: `%${q}%` } }, ...(/^\d+$/.test(q) ? [{ display_id: Number(q) }] : [])]

  const mode = status === "shipped_not_invoiced" ? "packing_slip" : "all"
  const matching: any[] = []
  for (let skip = 0; ; skip += SCAN_PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters,
      pagination: { skip, take: SCAN_PAGE, order: { created_at: "DESC" } },
    })
    if (!data.length) break
    const { orders } = await loadInvoicingOrders(req.scope, data.map((o: any) => o.id))
    matching.push(...orders.filter((o) => invoiceableQuantities(o, mode).length > 0))
    if (data.length < SCAN_PAGE) break
  }
  res.json({ orders: matching.slice(offset, offset + limit), count: matching.length, limit, offset })
}
