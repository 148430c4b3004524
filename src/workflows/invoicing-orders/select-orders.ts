import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { BatchSelection } from "../../domain/batch-run"
import type { InvoicingOrder } from "../../domain/invoicing-order"
import type { QuantityMode } from "../../domain/posting-parameters"
import { invoiceableQuantities } from "../../domain/quantities"
import { loadInvoicingOrders } from "./load-invoicing-orders"
import { customersBilledTo } from "./read-invoice-accounts"

const SCAN_PAGE = 200

/**
 * The orders matching Medusa order filters that have something to invoice under `mode`
 * (packing_slip: shipped, not yet invoiced; all: anything not yet invoiced), newest first,
 * read in pages of a few queries each.
 */
export async function selectInvoiceableOrders(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  mode: QuantityMode
): Promise<InvoicingOrder[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const matching: InvoicingOrder[] = []
  for (let skip = 0; ; skip += SCAN_PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { ...filters, status: { $ne: "canceled" } },
      // id breaks ties: orders created in the same millisecond (a bulk import) would otherwise come
      // back in any order on each page, some twice and some never.
      pagination: { skip, take: SCAN_PAGE, order: { created_at: "DESC", id: "DESC" } },
    })
    if (!data.length) break
    const { orders } = await loadInvoicingOrders(container, data.map((o: any) => o.id))
    matching.push(...orders.filter((o) => invoiceableQuantities(o, mode).length > 0))
    if (data.length < SCAN_PAGE) break
  }
  return matching
}

/** A batch selection as Medusa order filters: an invoice account stands for every customer billed to it. */
export async function batchSelectionFilters(container: MedusaContainer, selection: BatchSelection): Promise<Record<string, unknown>> {
  const filters: Record<string, unknown> = {}
  if (selection.invoice_account_id) {
    filters.customer_id = [...(await customersBilledTo(container, [selection.invoice_account_id])).keys()]
  } else if (selection.customer_id) {
    filters.customer_id = selection.customer_id
  }
  if (selection.sales_channel_id) filters.sales_channel_id = selection.sales_channel_id
  if (selection.region_id) filters.region_id = selection.region_id
  if (selection.ordered_from || selection.ordered_to) {
    filters.created_at = {
      ...(selection.ordered_from ? { $gte: selection.ordered_from } : {}),
      ...(selection.ordered_to ? { $lte: selection.ordered_to } : {}),
    }
  }
  return filters
}
