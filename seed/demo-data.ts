// The demo store: customers (one billed to another), and orders in every shipping state a merchant meets.
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../src/modules/invoicing"
import type InvoicingModuleService from "../src/modules/invoicing/service"
import { cancelOrder, placeOrder, setupStore, shipOrder, StoreFixture } from "./store"

type Line = [sku: string, quantity: number]

/** One kind of order: what is bought, where, and how the warehouse ships it (each slip = one packing slip). */
type Recipe = { taxInclusive?: boolean; discounted?: boolean; lines: Line[]; slips: Line[][]; cancel?: boolean }

const RECIPES: Recipe[] = [
  { lines: [["SHIRT-M", 2], ["BOOK-HC", 1]], slips: [] },
  { lines: [["SHIRT-S", 3], ["SCARF-GREY", 2]], slips: [[["SHIRT-S", 3]]] },
  {
    discounted: true,
    lines: [["SHIRT-L", 2], ["COFFEE-ESP", 4], ["TABLE-NAT", 1]],
    slips: [[["SHIRT-L", 2], ["COFFEE-ESP", 4]], [["TABLE-NAT", 1]]],
  },
  {
    lines: [["BOOK-PB", 3], ["SCARF-NAVY", 1], ["BENCH-TEAK", 1]],
    slips: [[["BOOK-PB", 1]], [["BOOK-PB", 2], ["SCARF-NAVY", 1]], [["BENCH-TEAK", 1]]],
  },
  { taxInclusive: true, lines: [["SCARF-GREY", 1], ["COFFEE-FLT", 2]], slips: [[["SCARF-GREY", 1], ["COFFEE-FLT", 2]]] },
  {
    taxInclusive: true,
    discounted: true,
    lines: [["SHIRT-M", 1], ["TABLE-BLK", 1]],
    slips: [[["SHIRT-M", 1]], [["TABLE-BLK", 1]]],
  },
  { lines: [["COFFEE-ESP", 10]], slips: [[["COFFEE-ESP", 5]], [["COFFEE-ESP", 5]]] },
  { lines: [["BENCH-TEAK", 1]], slips: [], cancel: true },
  { taxInclusive: true, lines: [["BOOK-HC", 2], ["SHIRT-S", 1]], slips: [[["BOOK-HC", 2]]] },
  { discounted: true, lines: [["SCARF-GREY", 2], ["BOOK-HC", 1]], slips: [] },
  {
    lines: [["SHIRT-M", 1], ["SHIRT-L", 1], ["SCARF-NAVY", 1]],
    slips: [[["SHIRT-M", 1]], [["SHIRT-L", 1]], [["SCARF-NAVY", 1]]],
  },
  {
    taxInclusive: true,
    lines: [["TABLE-NAT", 2], ["COFFEE-ESP", 3]],
    slips: [[["TABLE-NAT", 1]], [["TABLE-NAT", 1]], [["COFFEE-ESP", 3]]],
  },
]

export type SeedSummary = {
  store: StoreFixture
  /** The customer billed for another customer's orders, through an invoicing profile. */
  invoice_account: { customer_id: string; invoice_account_id: string }
  orders: {
    all: string[]
    unshipped: string[]
    partially_shipped: string[]
    shipped_in_one: string[]
    shipped_in_two: string[]
    shipped_in_three: string[]
    discounted: string[]
    tax_inclusive: string[]
    two_shipping_methods: string[]
    canceled: string[]
  }
}

/** Builds the store and `orders` orders cycling through the recipes above; exactly one is canceled. */
export async function seedDemoData(
  container: MedusaContainer,
  { orders = 36 }: { orders?: number } = {}
): Promise<SeedSummary> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const store = await setupStore(container)

  // Emma buys for David's company: her orders are invoiced to David.
  const emma = store.customers.find((c) => c.email.startsWith("emma."))!
  const david = store.customers.find((c) => c.email.startsWith("david."))!
  const invoicing = container.resolve<InvoicingModuleService>(INVOICING_MODULE)
  await invoicing.saveInvoicingProfile(emma.id, { invoice_account_id: david.id })
  await invoicing.saveInvoicingProfile(david.id, {
    payment_terms_days: 30,
    email: "accounts@peeters-interiors.example.com",
    default_summary_update: "invoice_account",
  })

  const summary: SeedSummary = {
    store,
    invoice_account: { customer_id: emma.id, invoice_account_id: david.id },
    orders: {
      all: [],
      unshipped: [],
      partially_shipped: [],
      shipped_in_one: [],
      shipped_in_two: [],
      shipped_in_three: [],
      discounted: [],
      tax_inclusive: [],
      two_shipping_methods: [],
      canceled: [],
    },
  }

  for (let i = 0; i < orders; i++) {
    const recipe = RECIPES[i % RECIPES.length]
    const cancel = !!recipe.cancel && i < RECIPES.length
    const id = await placeRecipe(container, store, recipe, store.customers[i % store.customers.length].id, cancel)
    tag(summary, store, recipe, id, cancel)
    if ((i + 1) % 10 === 0) logger.info(`Demo data: ${i + 1}/${orders} orders`)
  }
  return summary
}

async function placeRecipe(
  container: MedusaContainer,
  store: StoreFixture,
  recipe: Recipe,
  customerId: string,
  cancel: boolean
): Promise<string> {
  const variant = (sku: string) => store.variants.find((v) => v.sku === sku)!
  const region = store.regions.find((r) => r.is_tax_inclusive === !!recipe.taxInclusive)!
  const orderId = await placeOrder(container, store, {
    customer_id: customerId,
    region_id: region.id,
    items: recipe.lines.map(([sku, quantity]) => ({ variant_id: variant(sku).id, quantity })),
    promotion_codes: recipe.discounted ? [store.promotion_code] : undefined,
  })
  if (cancel) {
    await cancelOrder(container, orderId)
    return orderId
  }
  if (recipe.slips.length) {
    const lineIdBySku = await lineIdsBySku(container, orderId)
    await shipOrder(
      container,
      orderId,
      recipe.slips.map((slip) => slip.map(([sku, quantity]) => ({ line_item_id: lineIdBySku.get(sku)!, quantity })))
    )
  }
  return orderId
}

async function lineIdsBySku(container: MedusaContainer, orderId: string) {
  const {
    data: [order],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["items.id", "items.variant_sku"],
    filters: { id: orderId },
  })
  return new Map<string, string>((order.items ?? []).map((item) => [item!.variant_sku!, item!.id]))
}

function tag(summary: SeedSummary, store: StoreFixture, recipe: Recipe, id: string, canceled: boolean) {
  const { orders } = summary
  orders.all.push(id)
  if (canceled) {
    orders.canceled.push(id)
    return
  }
  const ordered = recipe.lines.reduce((n, [, q]) => n + q, 0)
  const shipped = recipe.slips.flat().reduce((n, [, q]) => n + q, 0)
  if (shipped === 0) orders.unshipped.push(id)
  else if (shipped < ordered) orders.partially_shipped.push(id)
  else if (recipe.slips.length === 1) orders.shipped_in_one.push(id)
  else if (recipe.slips.length === 2) orders.shipped_in_two.push(id)
  else orders.shipped_in_three.push(id)
  if (recipe.discounted) orders.discounted.push(id)
  if (recipe.taxInclusive) orders.tax_inclusive.push(id)
  const profiles = new Set(recipe.lines.map(([sku]) => store.variants.find((v) => v.sku === sku)!.shipping_profile))
  if (profiles.size > 1) orders.two_shipping_methods.push(id)
}
