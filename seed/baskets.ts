// Varied but deterministic baskets and packing-slip plans for generated orders.
import type { StoreFixture } from "./store"

export type Basket = {
  region_id: string
  discounted: boolean
  lines: { variant_id: string; quantity: number; shipping_profile: 0 | 1 }[]
  /** How many packing slips the warehouse ships it in (at least one per shipping profile). */
  slips: number
}

/** The k-th basket: alternates the regions of the store's currency (so tax-inclusive too), discounts every third, 1–3 packing slips. */
export function basket(store: StoreFixture, k: number, linesPerOrder: number): Basket {
  const variants = store.variants
  const count = Math.min(linesPerOrder, variants.length)
  // Step 5 is coprime with the catalog size, so the lines of one basket are distinct variants.
  const lines = Array.from({ length: count }, (_, j) => {
    const v = variants[(k * 2 + j * 5) % variants.length]
    return { variant_id: v.id, quantity: 1 + ((k + j) % 3), shipping_profile: v.shipping_profile }
  })
  const profiles = new Set(lines.map((l) => l.shipping_profile)).size
  const regions = store.regions.filter((r) => r.currency_code === store.currency_code)
  return {
    region_id: regions[k % regions.length].id,
    discounted: k % 3 === 0,
    lines,
    slips: Math.max(profiles, 1 + ((k + 2) % 3)),
  }
}

export type SlipLine = { line_item_id: string; quantity: number }

/**
 * Splits an order's lines into `count` packing slips: one per shipping profile first (a fulfillment
 * ships one profile), then by moving lines, then by splitting a line's quantity.
 */
export function planPackingSlips(
  lines: { line_item_id: string; quantity: number; shipping_profile: number }[],
  count: number
): SlipLine[][] {
  const byProfile = new Map<number, SlipLine[]>()
  for (const l of lines) {
    byProfile.set(l.shipping_profile, [
      ...(byProfile.get(l.shipping_profile) ?? []),
      { line_item_id: l.line_item_id, quantity: l.quantity },
    ])
  }
  const slips = [...byProfile.values()]
  while (slips.length < count) {
    const slip = slips.find((s) => s.length > 1) ?? slips.find((s) => s[0].quantity > 1)
    if (!slip) break
    if (slip.length > 1) {
      slips.push([slip.pop()!])
    } else {
      const half = Math.floor(slip[0].quantity / 2)
      slip[0] = { ...slip[0], quantity: slip[0].quantity - half }
      slips.push([{ line_item_id: slip[0].line_item_id, quantity: half }])
    }
  }
  return slips
}
