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

/**
 * Two regions in one store: France is sold tax-exclusive (business buyers),
 * Belgium tax-inclusive (consumer prices), so both kinds of orders exist side by side.
 */
export const REGIONS = [
  { name: "France", country_code: "fr", tax_inclusive: false, rates: { standard: 20, reduced: 5.5 } },
  { name: "Belgium", country_code: "be", tax_inclusive: true, rates: { standard: 21, reduced: 6 } },
] as const

export const CURRENCY = "eur"

export const PROMOTION = { code: "WELCOME10", percentage: 10 }

export const CUSTOMERS = [
  { email: "anna.martin@example.com", first_name: "Anna", last_name: "Martin", company_name: "Atelier Martin" },
  { email: "ben.dupont@example.com", first_name: "Ben", last_name: "Dupont", company_name: "Dupont & Fils" },
  { email: "chloe.leroy@example.com", first_name: "Chloé", last_name: "Leroy", company_name: null },
  { email: "david.peeters@example.com", first_name: "David", last_name: "Peeters", company_name: "Peeters Interiors" },
  { email: "emma.janssens@example.com", first_name: "Emma", last_name: "Janssens", company_name: null },
]

/** Enough stock that no seeded or benchmarked order ever runs out. */
export const STOCK_PER_VARIANT = 1_000_000
