// A complete selling setup built with Medusa's own workflows, in-process (works in tests and under `medusa exec`).
import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  batchLinksWorkflow,
  createApiKeysWorkflow,
  createCustomersWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRatesWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  CURRENCIES,
  CURRENCY,
  CUSTOMERS,
  PRODUCTS,
  PROMOTION,
  REGIONS,
  SHIPPING_PROFILES,
  STOCK_PER_VARIANT,
  TaxClass,
} from "./catalog"

export { placeOrder, shipOrder, cancelOrder } from "./orders"

export type RegionFixture = {
  id: string
  name: string
  country_code: string
  currency_code: string
  is_tax_inclusive: boolean
  /** Percentages, e.g. { standard: 20, reduced: 5.5 }. */
  tax_rates: Record<TaxClass, number>
}

export type StoreFixture = {
  /** The region orders are placed in unless placeOrder is told otherwise. */
  region_id: string
  country_code: string
  currency_code: string
  is_tax_inclusive: boolean
  tax_rates: Record<TaxClass, number>
  /** Both regions of the store: one tax-exclusive, one tax-inclusive. */
  regions: RegionFixture[]
  sales_channel_id: string
  publishable_key: string
  stock_location_id: string
  shipping_profile_ids: string[]
  /** One flat option per shipping profile, same index as shipping_profile_ids. */
  shipping_option_ids: string[]
  shipping_prices: number[]
  promotion_code: string
  promotion_percentage: number
  products: { id: string; title: string; tax: TaxClass; shipping_profile: 0 | 1 }[]
  variants: { id: string; sku: string; title: string; product_id: string; price: number; shipping_profile: 0 | 1; tax: TaxClass }[]
  customers: { id: string; email: string; first_name: string; last_name: string; company_name: string | null }[]
}

/**
 * Builds the store once per database: two regions (France tax-exclusive, Belgium tax-inclusive)
 * sharing one catalog, sales channel, warehouse and promotion. `taxInclusive` chooses which
 * region the returned fixture (and placeOrder) uses by default.
 */
export async function setupStore(
  container: MedusaContainer,
  opts: { taxInclusive?: boolean } = {}
): Promise<StoreFixture> {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop", description: "Online store" }] },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: ApiKeyType.PUBLISHABLE, created_by: "seed" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: REGIONS.map((r) => ({
        name: r.name,
        currency_code: r.currency_code,
        countries: [r.country_code],
        payment_providers: ["pp_system_default"],
        is_tax_inclusive: r.tax_inclusive,
      })),
    },
  })

  // Medusa applies a region's tax-inclusive preference only to prices bound to that region by a rule.
  const inclusiveRegionIds = regions.filter((_, i) => REGIONS[i].tax_inclusive).map((r) => r.id)
  const { stockLocationId, shippingProfileIds, shippingOptionIds } = await setupShipping(
    container,
    salesChannel.id,
    inclusiveRegionIds
  )

  const { products, variants } = await createCatalog(
    container,
    salesChannel.id,
    shippingProfileIds,
    stockLocationId,
    inclusiveRegionIds
  )

  await setupTaxes(
    container,
    products.filter((p) => p.tax === "reduced").map((p) => p.id)
  )

  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: PROMOTION.code,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: {
            type: "percentage",
            target_type: "items",
            allocation: "across",
            value: PROMOTION.percentage,
          },
        },
      ],
    },
  })

  const customers = await findOrCreateCustomers(container)

  const regionFixtures: RegionFixture[] = REGIONS.map((r, i) => ({
    id: regions[i].id,
    name: r.name,
    country_code: r.country_code,
    currency_code: r.currency_code,
    is_tax_inclusive: r.tax_inclusive,
    tax_rates: { ...r.rates },
  }))
  const home = regionFixtures.find((r) => r.is_tax_inclusive === !!opts.taxInclusive)!

  return {
    region_id: home.id,
    country_code: home.country_code,
    currency_code: CURRENCY,
    is_tax_inclusive: home.is_tax_inclusive,
    tax_rates: home.tax_rates,
    regions: regionFixtures,
    sales_channel_id: salesChannel.id,
    publishable_key: apiKey.token,
    stock_location_id: stockLocationId,
    shipping_profile_ids: shippingProfileIds,
    shipping_option_ids: shippingOptionIds,
    shipping_prices: SHIPPING_PROFILES.map((p) => p.price),
    promotion_code: PROMOTION.code,
    promotion_percentage: PROMOTION.percentage,
    products,
    variants,
    customers,
  }
}

/** Warehouse → fulfillment set → service zone (every region's country) → one flat option per shipping profile. */
async function setupShipping(container: MedusaContainer, salesChannelId: string, inclusiveRegionIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Lyon warehouse", address: { address_1: "12 Rue du Dépôt", city: "Lyon", country_code: "fr" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
  await batchLinksWorkflow(container).run({
    input: {
      create: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
        },
      ],
    },
  })

  await createLocationFulfillmentSetWorkflow(container).run({
    input: { location_id: location.id, fulfillment_set_data: { name: "Lyon deliveries", type: "shipping" } },
  })
  const {
    data: [withSet],
  } = await query.graph({ entity: "stock_location", fields: ["fulfillment_sets.id"], filters: { id: location.id } })
  const {
    result: [zone],
  } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          fulfillment_set_id: withSet.fulfillment_sets![0]!.id,
          name: "Europe",
          geo_zones: REGIONS.map((r) => ({ type: "country" as const, country_code: r.country_code })),
        },
      ],
    },
  })

  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: SHIPPING_PROFILES.map((p) => ({ name: p.name, type: p.code })) },
  })

  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: SHIPPING_PROFILES.map((p, i) => ({
      name: p.option,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: zone.id,
      shipping_profile_id: profiles[i].id,
      type: { label: p.option, description: p.option, code: p.code },
      prices: [
        ...CURRENCIES.map((currency_code) => ({ currency_code, amount: p.price })),
        ...inclusiveRegionIds.map((region_id) => ({ region_id, amount: p.price })),
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })

  return {
    stockLocationId: location.id,
    shippingProfileIds: profiles.map((p) => p.id),
    shippingOptionIds: options.map((o) => o.id),
  }
}

/** Products with stocked variants; Medusa creates one inventory item per managed variant. */
async function createCatalog(
  container: MedusaContainer,
  salesChannelId: string,
  shippingProfileIds: string[],
  stockLocationId: string,
  inclusiveRegionIds: string[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { result: created } = await createProductsWorkflow(container).run({
    input: {
      products: PRODUCTS.map((p) => ({
        title: p.title,
        handle: p.handle,
        status: "published" as const,
        shipping_profile_id: shippingProfileIds[p.shipping_profile],
        sales_channels: [{ id: salesChannelId }],
        options: [{ title: "Variant", values: p.variants.map((v) => v.title) }],
        variants: p.variants.map((v) => ({
          title: v.title,
          sku: v.sku,
          manage_inventory: true,
          options: { Variant: v.title },
          prices: [
            ...CURRENCIES.map((currency_code) => ({ currency_code, amount: v.price })),
            ...inclusiveRegionIds.map((region_id) => ({ currency_code: CURRENCY, amount: v.price, rules: { region_id } })),
          ],
        })),
      })),
    },
  })

  const { data: stocked } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku)) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: stocked.flatMap((v) =>
        (v.inventory_items ?? []).map((ii) => ({
          inventory_item_id: ii!.inventory_item_id,
          location_id: stockLocationId,
          stocked_quantity: STOCK_PER_VARIANT,
        }))
      ),
    },
  })

  const products = PRODUCTS.map((p) => {
    const product = created.find((c) => c.handle === p.handle)!
    return { id: product.id, title: p.title, tax: p.tax, shipping_profile: p.shipping_profile }
  })
  const variants = PRODUCTS.flatMap((p) => {
    const product = created.find((c) => c.handle === p.handle)!
    return p.variants.map((v) => ({
      id: product.variants.find((pv) => pv.sku === v.sku)!.id,
      sku: v.sku,
      title: `${p.title} ${v.title}`,
      product_id: product.id,
      price: v.price,
      shipping_profile: p.shipping_profile,
      tax: p.tax,
    }))
  })
  return { products, variants }
}

/** A tax region per country with the standard rate as default, and a reduced rate ruled onto some products. */
async function setupTaxes(container: MedusaContainer, reducedProductIds: string[]) {
  const { result: taxRegions } = await createTaxRegionsWorkflow(container).run({
    input: REGIONS.map((r) => ({
      country_code: r.country_code,
      provider_id: "tp_system",
      default_tax_rate: { name: `VAT ${r.rates.standard}%`, code: "VAT-STD", rate: r.rates.standard },
    })),
  })
  await createTaxRatesWorkflow(container).run({
    input: REGIONS.map((r) => ({
      tax_region_id: taxRegions.find((t) => t.country_code === r.country_code)!.id,
      name: `VAT ${r.rates.reduced}%`,
      code: "VAT-RED",
      rate: r.rates.reduced,
      rules: reducedProductIds.map((id) => ({ reference: "product", reference_id: id })),
    })),
  })
}

/** Customers are shared by every region; reuse them when they already exist. */
async function findOrCreateCustomers(container: MedusaContainer) {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const existing = await customerModule.listCustomers({ email: CUSTOMERS.map((c) => c.email) })
  const missing = CUSTOMERS.filter((c) => !existing.some((e) => e.email === c.email))
  const { result: created } = missing.length
    ? await createCustomersWorkflow(container).run({
        input: {
          customersData: missing.map(({ billing, ...customer }) => ({
            ...customer,
            addresses: [
              {
                ...billing,
                first_name: customer.first_name,
                last_name: customer.last_name,
                company: customer.company_name ?? undefined,
                is_default_billing: true,
              },
            ],
          })),
        },
      })
    : { result: [] }
  return CUSTOMERS.map((c) => {
    const customer = [...existing, ...created].find((e) => e.email === c.email)!
    return { id: customer.id, ...c }
  })
}
