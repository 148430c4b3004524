import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PackingSlipDocumentData } from "../../documents/types"
import { invoicingService } from "../invoicing-orders/read-orders"

type Address = Record<string, unknown> | null | undefined

/** The name on an address: its company, else the person. */
function addressName(address: Address): string | null {
  if (!address) return null
  const person = [address.first_name, address.last_name].filter(Boolean).join(" ")
  return (address.company as string) || person || null
}

/** Only the printable fields of a Medusa address (no ids, metadata or timestamps). */
function printable(address: Address): Record<string, unknown> | null {
  if (!address) return null
  const keys = ["company", "first_name", "last_name", "address_1", "address_2", "postal_code", "city", "province", "country_code", "phone"]
  return Object.fromEntries(keys.map((k) => [k, (address[k] as string | null | undefined) ?? null]))
}

/**
 * A packing slip as its document prints it: the invoicing module's packing slip (number,
 * ship date, shipped quantity per order line) with its order's display id, addresses and
 * the lines' titles and SKUs, read through Query.
 */
export async function packingSlipDocumentData(container: MedusaContainer, packingSlipId: string): Promise<PackingSlipDocumentData & { id: string }> {
  const slip = await invoicingService(container).retrievePackingSlip(packingSlipId, { relations: ["lines"] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "shipping_address.*", "billing_address.*", "items.id", "items.title", "items.variant_sku"],
    filters: { id: slip.order_id },
  })
  const items: { id: string; title: string; variant_sku: string | null }[] = ((order?.items ?? []) as any[]).filter(Boolean)
  const position = new Map(items.map((item, i) => [item.id, i]))
  const lines = [...slip.lines]
    .filter((l) => l.quantity > 0)
    .sort((a, b) => (position.get(a.line_item_id) ?? Infinity) - (position.get(b.line_item_id) ?? Infinity) || a.id.localeCompare(b.id))
    .map((l) => {
      const item = items.find((i) => i.id === l.line_item_id)
      return { title: item?.title ?? "", variant_sku: item?.variant_sku ?? null, quantity: l.quantity }
    })
  const shipping = order?.shipping_address as Address
  const billing = order?.billing_address as Address
  return {
    id: slip.id,
    number: slip.number,
    shipped_at: new Date(slip.shipped_at).toISOString(),
    order_display_id: order?.display_id ?? null,
    ship_to: { name: addressName(shipping), address: printable(shipping) },
    bill_to: billing ? { name: addressName(billing), address: printable(billing) } : null,
    lines,
  }
}
