import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../../modules/invoicing"
import type InvoicingModuleService from "../../modules/invoicing/service"

/** Orders are read in pages of this many: a few queries per page, never one per order. */
const PAGE = 500

export const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "currency_code",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "email",
  "billing_address.*",
  "total",
  "items.id",
  "items.title",
  "items.variant_sku",
  "items.unit_price",
  "items.quantity",
  "items.is_tax_inclusive",
  "items.total",
  "items.tax_total",
  "items.discount_subtotal",
  "items.tax_lines.rate",
  "items.adjustments.amount",
  "items.variant.inventory_items.inventory_item_id",
  "items.variant.inventory_items.required_quantity",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.total",
  "shipping_methods.tax_total",
  "shipping_methods.discount_subtotal",
  "shipping_methods.tax_lines.rate",
  "shipping_methods.adjustments.amount",
  "fulfillments.id",
  "fulfillments.shipped_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
  "fulfillments.items.inventory_item_id",
  "fulfillments.items.quantity",
]

/** Medusa orders by id, failing with 404 naming every id that does not exist. */
export async function readMedusaOrders(container: MedusaContainer, orderIds: string[], fields = ORDER_FIELDS): Promise<any[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(orderIds)]
  const orders: any[] = []
  for (let i = 0; i < ids.length; i += PAGE) {
    const { data } = await query.graph({ entity: "order", fields, filters: { id: ids.slice(i, i + PAGE) } })
    orders.push(...data)
  }
  const found = new Set(orders.map((o) => o.id))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Orders not found: ${missing.join(", ")}`)
  }
  return orders
}

export async function readDecimalDigits(container: MedusaContainer, codes: string[]): Promise<Map<string, number>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "currency", fields: ["code", "decimal_digits"], filters: { code: [...new Set(codes)] } })
  return new Map(data.map((c: any) => [c.code, c.decimal_digits]))
}

export function invoicingService(container: MedusaContainer): InvoicingModuleService {
  return container.resolve<InvoicingModuleService>(INVOICING_MODULE)
}
