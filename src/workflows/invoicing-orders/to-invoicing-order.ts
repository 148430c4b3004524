import type { InvoicingOrder, PackingSlip } from "../../domain/invoicing-order"
import { packingSlipDraft } from "../../domain/packing-slip-draft"
import type { InvoicingState, PackingSlipDraft } from "../../modules/invoicing/types"
import { decimal } from "./decimal"

const rateOf = (taxLines: { rate: unknown }[] | undefined) =>
  String((taxLines ?? []).reduce((sum, t) => sum + Number(decimal(t.rate)), 0))

function shippedFulfillments(order: any): any[] {
  return (order.fulfillments ?? []).filter((f: any) => f.shipped_at && !f.canceled_at)
}

/** Packing slip drafts for the order's shipped fulfillments that have no packing slip yet. */
export function unnumberedPackingSlips(order: any, numbered: Set<string>): PackingSlipDraft[] {
  const kitComponents = (order.items ?? []).flatMap((item: any) =>
    (item.variant?.inventory_items ?? []).map((ii: any) => ({
      line_item_id: item.id,
      inventory_item_id: ii.inventory_item_id,
      required_quantity: Number(ii.required_quantity ?? 1),
    }))
  )
  return shippedFulfillments(order)
    .filter((f) => !numbered.has(f.id))
    .map((f) =>
      packingSlipDraft(
        {
          fulfillment_id: f.id,
          order_id: order.id,
          shipped_at: f.shipped_at,
          items: (f.items ?? []).map((i: any) => ({
            line_item_id: i.line_item_id,
            inventory_item_id: i.inventory_item_id,
            quantity: Number(decimal(i.quantity)),
          })),
        },
        kitComponents
      )
    )
}

/** One order's part of the invoicing state. */
export type OrderInvoicingState = {
  order_lines: InvoicingState["order_lines"]
  packing_slips: InvoicingState["packing_slips"]
  invoiced_amounts: InvoicingState["invoiced_amounts"][number] | undefined
}

/** The invoicing state split by order in one pass, so that each order finds its part without a scan. */
export function invoicingStateByOrder(state: InvoicingState): (orderId: string) => OrderInvoicingState {
  const byOrder = new Map<string, OrderInvoicingState>()
  const of = (orderId: string) => {
    let part = byOrder.get(orderId)
    if (!part) byOrder.set(orderId, (part = { order_lines: [], packing_slips: [], invoiced_amounts: undefined }))
    return part
  }
  for (const line of state.order_lines) of(line.order_id).order_lines.push(line)
  for (const slip of state.packing_slips) of(slip.order_id).packing_slips.push(slip)
  for (const amounts of state.invoiced_amounts) of(amounts.order_id).invoiced_amounts = amounts
  return of
}

/** What the invoicing rules need of one Medusa order, with its invoicing balances. */
export function toInvoicingOrder(
  order: any,
  state: OrderInvoicingState,
  decimalDigits: number,
  invoiceAccountId: string | null
): InvoicingOrder {
  const balances = new Map(state.order_lines.map((l) => [l.source_id, l]))
  const slips = state.packing_slips
  const numbered = new Set(slips.map((s) => s.fulfillment_id))
  const packingSlips: PackingSlip[] = [
    ...slips.map((s) => ({ fulfillment_id: s.fulfillment_id, id: s.id, number: s.number, shipped_at: s.shipped_at, lines: s.lines })),
    // Shipped before the plugin was installed: shown without a number until posting numbers it.
    ...unnumberedPackingSlips(order, numbered).map((d) => ({
      fulfillment_id: d.fulfillment_id,
      id: null,
      number: null,
      shipped_at: d.shipped_at,
      lines: d.lines.map((l) => ({ ...l, invoiced_quantity: 0, id: null })),
    })),
  ]
  const amounts = state.invoiced_amounts
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    status: order.status,
    currency_code: order.currency_code,
    decimal_digits: decimalDigits,
    customer_id: order.customer_id ?? null,
    invoice_account_id: invoiceAccountId,
    region_id: order.region_id ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    email: order.email ?? null,
    billing_address: order.billing_address ?? null,
    lines: (order.items ?? []).map((item: any) => ({
      line_item_id: item.id,
      title: item.title,
      variant_sku: item.variant_sku ?? null,
      quantity: Number(decimal(item.quantity)),
      invoiced_quantity: balances.get(item.id)?.invoiced_quantity ?? 0,
      unit_price: decimal(item.unit_price),
      is_tax_inclusive: !!item.is_tax_inclusive,
      tax_rate: rateOf(item.tax_lines),
      total: decimal(item.total),
      tax_total: decimal(item.tax_total),
      discount_subtotal: decimal(item.discount_subtotal),
    })),
    charges: (order.shipping_methods ?? []).map((method: any) => ({
      shipping_method_id: method.id,
      name: method.name,
      tax_rate: rateOf(method.tax_lines),
      total: decimal(method.total),
      tax_total: decimal(method.tax_total),
      discount_subtotal: decimal(method.discount_subtotal),
      invoiced: (balances.get(method.id)?.invoiced_quantity ?? 0) > 0,
    })),
    packing_slips: packingSlips,
    invoiced_amounts: {
      total: amounts?.total ?? "0",
      tax_total: amounts?.tax_total ?? "0",
      discount_total: amounts?.discount_total ?? "0",
    },
  }
}
