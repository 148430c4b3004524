import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { KitComponent } from "../../domain/packing-slip-lines"
import type { Shipment } from "../../domain/packing-slip-draft"
import { anyOfJsonIds } from "../../modules/invoicing/sql/rows"
import { refuseMissing } from "./read-order-tables"

export type ShippedFulfillment = Omit<Shipment, "items">

/**
 * The shipped, not canceled fulfillments of the orders, in one query from Medusa's order,
 * link and fulfillment tables; fails with 404 naming any order that does not exist.
 */
export async function readShippedFulfillments(container: MedusaContainer, orderIds: string[]): Promise<ShippedFulfillment[]> {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(
    `select o.id, f.id as fulfillment_id, f.shipped_at from "order" o
       left join "order_fulfillment" of on of.order_id = o.id and of.deleted_at is null
       left join "fulfillment" f on f.id = of.fulfillment_id and f.deleted_at is null and f.shipped_at is not null and f.canceled_at is null
      where o.id = ${anyOfJsonIds} and o.deleted_at is null`,
    [JSON.stringify([...new Set(orderIds)])]
  )
  refuseMissing(orderIds, rows)
  return rows
    .filter((r: any) => r.fulfillment_id)
    .map((r: any) => ({ order_id: r.id, fulfillment_id: r.fulfillment_id, shipped_at: r.shipped_at }))
}

/**
 * What the fulfillments shipped, in one query: each item with the quantity the ordered
 * variant's kit requires of its inventory item, where the variant (still) has one.
 */
export async function readShippedItems(
  container: MedusaContainer,
  fulfillmentIds: string[]
): Promise<Map<string, { items: Shipment["items"]; kitComponents: KitComponent[] }>> {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(
    `select fi.fulfillment_id, fi.line_item_id, fi.inventory_item_id, fi.quantity, vi.required_quantity
       from "fulfillment_item" fi
       left join "order_line_item" l on l.id = fi.line_item_id
       left join "product_variant" v on v.id = l.variant_id and v.deleted_at is null
       left join "product_variant_inventory_item" vi on vi.variant_id = v.id and vi.inventory_item_id = fi.inventory_item_id and vi.deleted_at is null
      where fi.fulfillment_id = ${anyOfJsonIds} and fi.deleted_at is null`,
    [JSON.stringify(fulfillmentIds)]
  )
  const shipped = new Map<string, { items: Shipment["items"]; kitComponents: KitComponent[] }>()
  for (const r of rows) {
    let of = shipped.get(r.fulfillment_id)
    if (!of) shipped.set(r.fulfillment_id, (of = { items: [], kitComponents: [] }))
    of.items.push({ line_item_id: r.line_item_id, inventory_item_id: r.inventory_item_id, quantity: Number(r.quantity) })
    // The join gives a required quantity only where the item names both its line and its inventory item.
    if (r.required_quantity !== null) {
      of.kitComponents.push({ line_item_id: r.line_item_id, inventory_item_id: r.inventory_item_id, required_quantity: Number(r.required_quantity) })
    }
  }
  return shipped
}
