import type { InvoicingOrder, PackingSlip } from "./invoicing-order"
import type { QuantityMode } from "./posting-parameters"

/** A quantity of one order line chosen for invoicing, from one packing slip or (quantity "all") unshipped. */
export type Allocation = {
  line_item_id: string
  quantity: number
  packing_slip: PackingSlip | null
  packing_slip_line_id: string | null
}

function byShippingOrder(a: PackingSlip, b: PackingSlip): number {
  return a.shipped_at.localeCompare(b.shipped_at) || a.fulfillment_id.localeCompare(b.fulfillment_id)
}

/**
 * The invoiceable quantities of an order. A packing slip line gives at most what it
 * shipped and is not yet invoiced, and never more than the order line still has
 * open: so quantities invoiced earlier under "all" are not invoiced again when they ship.
 */
export function invoiceableQuantities(order: InvoicingOrder, mode: QuantityMode): Allocation[] {
  const open = new Map(order.lines.map((l) => [l.line_item_id, l.quantity - l.invoiced_quantity]))
  const allocations: Allocation[] = []

  for (const slip of [...order.packing_slips].sort(byShippingOrder)) {
    for (const slipLine of slip.lines) {
      const lineOpen = open.get(slipLine.line_item_id) ?? 0
      const quantity = Math.min(slipLine.quantity - slipLine.invoiced_quantity, lineOpen)
      if (quantity > 0) {
        open.set(slipLine.line_item_id, lineOpen - quantity)
        allocations.push({
          line_item_id: slipLine.line_item_id,
          quantity,
          packing_slip: slip,
          packing_slip_line_id: slipLine.id,
        })
      }
    }
  }

  if (mode === "all") {
    for (const line of order.lines) {
      const quantity = open.get(line.line_item_id) ?? 0
      if (quantity > 0) {
        allocations.push({ line_item_id: line.line_item_id, quantity, packing_slip: null, packing_slip_line_id: null })
      }
    }
  }
  return allocations
}
