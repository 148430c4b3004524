// What the seeded store sells, ships and charges: plain data, turned into Medusa records by store.ts.

/** Parcels go by post; furniture goes by freight, which is its own shipping profile and charge. */
export const SHIPPING_PROFILES = [
  { name: "Parcels", option: "Standard parcel", code: "parcel", price: 5 },
  { name: "Freight", option: "Freight delivery", code: "freight", price: 25 },
] as const

export type TaxClass = "standard" | "reduced"

export type CatalogProduct = {
  title: string
  handle: string
  shipping_profile: 0 | 1
  tax: TaxClass
  variants: { title: string; sku: string; price: number }[]
}

/** Books and food take the reduced VAT rate, through a product rule on the reduced tax rate. */
export const PRODUCTS: CatalogProduct[] = [
  {
    title: "Linen Shirt",
    handle: "linen-shirt",
    shipping_profile: 0,
    tax: "standard",
    variants: [
      { title: "S", sku: "SHIRT-S", price: 40 },
      { title: "M", sku: "SHIRT-M", price: 40 },
      { title: "L", sku: "SHIRT-L", price: 42 },
    ],
  },
  {
    title: "Wool Scarf",
    handle: "wool-scarf",
    shipping_profile: 0,
    tax: "standard",
    variants: [
      { title: "Grey", sku: "SCARF-GREY", price: 25 },
      { title: "Navy", sku: "SCARF-NAVY", price: 25 },
    ],
  },
  {
    title: "Cookbook",
    handle: "cookbook",
    shipping_profile: 0,
    tax: "reduced",
    variants: [
      { title: "Hardcover", sku: "BOOK-HC", price: 30 },
      { title: "Paperback", sku: "BOOK-PB", price: 15 },
    ],
  },
  {
    title: "Coffee Beans 1 kg",
    handle: "coffee-beans",
    shipping_profile: 0,
    tax: "reduced",
    variants: [
      { title: "Espresso", sku: "COFFEE-ESP", price: 18 },
      { title: "Filter", sku: "COFFEE-FLT", price: 16 },
    ],
  },
  {
    title: "Oak Side Table",
    handle: "oak-side-table",
    shipping_profile: 1,
    tax: "standard",
    variants: [
      { title: "Natural", sku: "TABLE-NAT", price: 120 },
      { title: "Black", sku: "TABLE-BLK", price: 130 },
    ],
  },
  {
    title: "Garden Bench",
    handle: "garden-bench",
    shipping_profile: 1,
    tax: "standard",
    variants: [{ title: "Teak", sku: "BENCH-TEAK", price: 260 }],
  },
]

export const CURRENCY = "eur"

/**
 * Three regions in one store: France is sold tax-exclusive (business buyers), Belgium
 * tax-inclusive (consumer prices), so both kinds of orders exist side by side; the United
 * Kingdom sells in pounds, so one customer can have orders in two currencies.
 */
export const REGIONS = [
  { name: "France", country_code: "fr", currency_code: CURRENCY, tax_inclusive: false, rates: { standard: 20, reduced: 5.5 } },
  { name: "Belgium", country_code: "be", currency_code: CURRENCY, tax_inclusive: true, rates: { standard: 21, reduced: 6 } },
  { name: "United Kingdom", country_code: "gb", currency_code: "gbp", tax_inclusive: false, rates: { standard: 20, reduced: 5 } },
] as const

/** Every currency the store sells in; a product costs the same figure in each. */
export const CURRENCIES = [...new Set(REGIONS.map((r) => r.currency_code))]

export const PROMOTION = { code: "WELCOME10", percentage: 10 }

/** Each customer has a default billing address: where an invoice account's invoices are sent. */
export const CUSTOMERS = [
  { email: "anna.martin@example.com", first_name: "Anna", last_name: "Martin", company_name: "Atelier Martin", billing: { address_1: "3 Rue des Lices", city: "Angers", postal_code: "49100", country_code: "fr" } },
  { email: "ben.dupont@example.com", first_name: "Ben", last_name: "Dupont", company_name: "Dupont & Fils", billing: { address_1: "17 Quai de Bourgogne", city: "Bordeaux", postal_code: "33000", country_code: "fr" } },
  { email: "chloe.leroy@example.com", first_name: "Chloé", last_name: "Leroy", company_name: null, billing: { address_1: "5 Place du Marché", city: "Lille", postal_code: "59000", country_code: "fr" } },
  { email: "david.peeters@example.com", first_name: "David", last_name: "Peeters", company_name: "Peeters Interiors", billing: { address_1: "42 Meir", city: "Antwerp", postal_code: "2000", country_code: "be" } },
  { email: "emma.janssens@example.com", first_name: "Emma", last_name: "Janssens", company_name: null, billing: { address_1: "9 Rue Haute", city: "Brussels", postal_code: "1000", country_code: "be" } },
]

/** Enough stock that no seeded or benchmarked order ever runs out. */
export const STOCK_PER_VARIANT = 1_000_000
