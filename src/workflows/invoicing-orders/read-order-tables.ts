import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, getLineItemsTotals, getShippingMethodsTotals } from "@medusajs/framework/utils"
import { decimal } from "./decimal"
import { anyOfJsonIds } from "../../modules/invoicing/sql/rows"

/** The customer of each order, in one query. */
export async function readOrderCustomers(container: MedusaContainer, orderIds: string[]): Promise<{ id: string; customer_id: string | null }[]> {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(
    `select o.id, o.customer_id from "order" o where o.id = ${anyOfJsonIds} and o.deleted_at is null`,
    [JSON.stringify([...new Set(orderIds)])]
  )
  refuseMissing(orderIds, rows)
  return rows
}

/** Fails with 404 naming every asked-for order that does not exist. */
export function refuseMissing(orderIds: string[], found: { id: string }[]): void {
  const ids = new Set(found.map((o) => o.id))
  const missing = [...new Set(orderIds)].filter((id) => !ids.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Orders not found: ${missing.join(", ")}`)
  }
}

/**
 * Of Medusa's totals of an item or shipping method, the three invoicing reads, as decimal
 * strings. Medusa gives some twenty, each a BigNumber of several objects: kept for a page of
 * orders, they made most of what the garbage collector copied while posting.
 */
function totalsInvoicingReads(totals: any): { total: string; tax_total: string; discount_subtotal: string } {
  return { total: decimal(totals.total), tax_total: decimal(totals.tax_total), discount_subtotal: decimal(totals.discount_subtotal) }
}

/**
 * Orders as invoicing reads them, in bulk, straight from the order, fulfillment and link
 * tables of Medusa 2.21 (the current order version's items, adjustments and shipping
 * methods, never a soft-deleted row), with item and shipping totals computed by Medusa's own
 * totals functions, as decorateCartTotals computes them for an order. Same shape and values as Medusa's `query.graph` on the same fields,
 * which integration-tests/http/order-tables.spec.ts checks field by field, across regions,
 * promotions, shipments, order edits and cancellation. The graph costs about 10 ms an order
 * (full order totals, adjustments fetched with one OR term per item), which bulk posting
 * cannot afford: this reader is a dozen set-based queries whatever the number of orders.
 */
export async function readOrdersForInvoicing(container: MedusaContainer, orderIds: string[]): Promise<any[]> {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ids = JSON.stringify([...new Set(orderIds)])
  const rows = async (sql: string): Promise<any[]> => (await db.raw(sql, [ids])).rows

  const [orders, addresses, items, taxLines, adjustments, methods, methodTaxLines, methodAdjustments, fulfillments, fulfilled, kits] =
    await Promise.all([
      // In the order the ids were given: callers page and chunk selections by it.
      rows(`select o.id, o.display_id, o.status, o.currency_code, o.customer_id, o.region_id, o.sales_channel_id, o.email, o.billing_address_id
              from json_array_elements_text(?::json) with ordinality as given(id, position)
              join "order" o on o.id = given.id and o.deleted_at is null
             order by given.position`),
      rows(`select a.* from "order_address" a join "order" o on o.billing_address_id = a.id
             where o.id = ${anyOfJsonIds} and o.deleted_at is null and a.deleted_at is null`),
      rows(`select i.order_id, l.id, l.title, l.variant_sku, l.variant_id, l.is_tax_inclusive,
                   coalesce(i.raw_unit_price, l.raw_unit_price) as raw_unit_price, i.raw_quantity, i.version
              from "order" o join "order_item" i on i.order_id = o.id and i.version = o.version and i.deleted_at is null
              join "order_line_item" l on l.id = i.item_id and l.deleted_at is null
             where o.id = ${anyOfJsonIds} and o.deleted_at is null
             order by i.created_at, l.id`),
      rows(`select t.item_id, t.rate, t.raw_rate from "order_line_item_tax_line" t
              join "order_item" i on i.item_id = t.item_id join "order" o on o.id = i.order_id and o.version = i.version
             where o.id = ${anyOfJsonIds} and t.deleted_at is null and i.deleted_at is null`),
      rows(`select a.item_id, a.amount, a.raw_amount, a.is_tax_inclusive from "order_line_item_adjustment" a
              join "order_item" i on i.item_id = a.item_id and a.version = i.version join "order" o on o.id = i.order_id and o.version = i.version
             where o.id = ${anyOfJsonIds} and a.deleted_at is null and i.deleted_at is null`),
      rows(`select s.order_id, m.id, m.name, m.raw_amount, m.is_tax_inclusive
              from "order" o join "order_shipping" s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
              join "order_shipping_method" m on m.id = s.shipping_method_id and m.deleted_at is null
             where o.id = ${anyOfJsonIds} and o.deleted_at is null
             order by s.created_at, m.id`),
      rows(`select t.shipping_method_id, t.rate, t.raw_rate from "order_shipping_method_tax_line" t
              join "order_shipping" s on s.shipping_method_id = t.shipping_method_id join "order" o on o.id = s.order_id and o.version = s.version
             where o.id = ${anyOfJsonIds} and t.deleted_at is null and s.deleted_at is null`),
      rows(`select a.shipping_method_id, a.amount, a.raw_amount from "order_shipping_method_adjustment" a
              join "order_shipping" s on s.shipping_method_id = a.shipping_method_id and a.version = s.version
              join "order" o on o.id = s.order_id and o.version = s.version
             where o.id = ${anyOfJsonIds} and a.deleted_at is null and s.deleted_at is null`),
      rows(`select of.order_id, f.id, f.shipped_at, f.canceled_at from "order_fulfillment" of
              join "fulfillment" f on f.id = of.fulfillment_id and f.deleted_at is null
             where of.order_id = ${anyOfJsonIds} and of.deleted_at is null`),
      rows(`select fi.fulfillment_id, fi.line_item_id, fi.inventory_item_id, fi.quantity from "order_fulfillment" of
              join "fulfillment_item" fi on fi.fulfillment_id = of.fulfillment_id and fi.deleted_at is null
             where of.order_id = ${anyOfJsonIds} and of.deleted_at is null`),
      rows(`select distinct vi.variant_id, vi.inventory_item_id, vi.required_quantity
              from "order_item" i join "order" o on o.id = i.order_id and o.version = i.version
              join "order_line_item" l on l.id = i.item_id
              join "product_variant" v on v.id = l.variant_id and v.deleted_at is null
              join "product_variant_inventory_item" vi on vi.variant_id = v.id and vi.deleted_at is null
             where o.id = ${anyOfJsonIds} and i.deleted_at is null`),
    ])

  refuseMissing(orderIds, orders)

  const group = <T>(list: T[], key: (x: T) => string) => {
    const groups = new Map<string, T[]>()
    for (const x of list) {
      const k = key(x)
      const g = groups.get(k)
      if (g) g.push(x)
      else groups.set(k, [x])
    }
    return (k: string) => groups.get(k) ?? []
  }
  const addressOf = new Map(addresses.map((a) => [a.id, a]))
  const itemsOf = group(items, (i) => i.order_id)
  const taxLinesOf = group(taxLines, (t) => t.item_id)
  const adjustmentsOf = group(adjustments, (a) => a.item_id)
  const methodsOf = group(methods, (m) => m.order_id)
  const methodTaxLinesOf = group(methodTaxLines, (t) => t.shipping_method_id)
  const methodAdjustmentsOf = group(methodAdjustments, (a) => a.shipping_method_id)
  const fulfillmentsOf = group(fulfillments, (f) => f.order_id)
  const fulfilledOf = group(fulfilled, (f) => f.fulfillment_id)
  const kitsOf = group(kits, (k) => k.variant_id)
  const raw = (value: { value: string } | null) => value?.value ?? null
  const taxLine = (t: any) => ({ rate: raw(t.raw_rate) ?? t.rate })

  return orders.map((o) => {
    const order = {
      id: o.id,
      display_id: o.display_id,
      status: o.status,
      currency_code: o.currency_code,
      customer_id: o.customer_id,
      region_id: o.region_id,
      sales_channel_id: o.sales_channel_id,
      email: o.email,
      billing_address: o.billing_address_id ? addressOf.get(o.billing_address_id) ?? null : null,
      items: itemsOf(o.id).map((i) => ({
        id: i.id,
        title: i.title,
        variant_sku: i.variant_sku,
        is_tax_inclusive: i.is_tax_inclusive,
        unit_price: raw(i.raw_unit_price),
        quantity: raw(i.raw_quantity),
        tax_lines: taxLinesOf(i.id).map(taxLine),
        adjustments: adjustmentsOf(i.id).map((a) => ({ amount: raw(a.raw_amount) ?? a.amount, is_tax_inclusive: a.is_tax_inclusive })),
        variant: i.variant_id
          ? { inventory_items: kitsOf(i.variant_id).map((k) => ({ inventory_item_id: k.inventory_item_id, required_quantity: Number(k.required_quantity) })) }
          : null,
      })),
      shipping_methods: methodsOf(o.id).map((m) => ({
        id: m.id,
        name: m.name,
        is_tax_inclusive: m.is_tax_inclusive,
        amount: raw(m.raw_amount),
        tax_lines: methodTaxLinesOf(m.id).map(taxLine),
        adjustments: methodAdjustmentsOf(m.id).map((a) => ({ amount: raw(a.raw_amount) ?? a.amount })),
      })),
      fulfillments: fulfillmentsOf(o.id).map((f) => ({
        id: f.id,
        shipped_at: f.shipped_at,
        canceled_at: f.canceled_at,
        items: fulfilledOf(f.id).map((fi) => ({ line_item_id: fi.line_item_id, inventory_item_id: fi.inventory_item_id, quantity: fi.quantity })),
      })),
    }
    // Medusa's own arithmetic on the current version's amounts, with the arguments decorateCartTotals gives it for an order.
    const itemTotals: Record<string, object> = getLineItemsTotals(order.items as any, { includeTax: undefined, extraQuantityFields: {} })
    for (const item of order.items) Object.assign(item, totalsInvoicingReads(itemTotals[item.id]))
    const methodTotals: Record<string, object> = getShippingMethodsTotals(order.shipping_methods as any, { includeTax: undefined })
    for (const method of order.shipping_methods) Object.assign(method, totalsInvoicingReads(methodTotals[method.id]))
    return order
  })
}
