import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { InvoicingOrder } from "../../domain/invoicing-order"
import { loadInvoicingOrders } from "./load-invoicing-orders"
import { invoicingService } from "./read-orders"

/**
 * One page of the orders with shipped, not yet invoiced quantity, newest first, and how many
 * match: the candidates come from the packing slip balances in one query, Medusa filters and
 * pages them, and only the page's orders are loaded in full.
 */
export async function pageShippedNotInvoiced(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  page: { limit: number; offset: number }
): Promise<{ orders: InvoicingOrder[]; count: number }> {
  const candidates = await invoicingService(container).openPackingSlipOrderIds()
  if (!candidates.length) return { orders: [], count: 0 }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { ...filters, id: candidates, status: { $ne: "canceled" } },
    // id breaks ties between orders created in the same millisecond, so pages never overlap.
    pagination: { skip: page.offset, take: page.limit, order: { created_at: "DESC", id: "DESC" } },
  })
  const ids: string[] = data.map((o: any) => o.id)
  const orders: InvoicingOrder[] = ids.length ? (await loadInvoicingOrders(container, ids)).orders : []
  const byId = new Map(orders.map((o) => [o.id, o]))
  return { orders: ids.map((id) => byId.get(id)!), count: metadata?.count ?? 0 }
}
