import type { InvoiceDocumentData, PackingSlipDocumentData, SellerDetails } from "./types"

/**
 * Sample documents. An override template is validated at load by rendering these (in
 * strict mode a misspelled field fails there, not on the first real invoice); the README
 * picture and the benchmark use them too. "full" fills every optional field, "minimal"
 * leaves them empty, so both sides of a template's {{#if}}s are exercised.
 */

/** A 96×96 PNG mark (a white N on blue), 417 bytes. */
const LOGO_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAYAAADimHc4AAABaElEQVR42u3d2w3CMBREwXRCiRROEdACjzi75k4k/yJ8RoLgxOE4fjxu98dz8jiuPKbHjqGIGoIQMQghXBBBsCCCUEEEgcII4gQBhAkjiBIEECSMIAYAAAaAmQBChBFEAADAAADA+FOAT49p76cOYPWkAYQnDiA8eQAA9gFYEQBAGAEAgP0AzgwBIIwAAMC+AGcEARBGAABgf4BfwgAIIwAIIwAA0H9FbGUkAG9OeFUoAAD2uSi/IhaADyd8djAAAPa7L+jMaAC+nHDb6wAAcP1pX9vH2ch7Q9u+1EfenNv22wIAgOtP+9qWOEbuD2hbaQUA4PrTvrYLPiO3KAEAYJMegIK1FwAA7BMGULD4BaBg7QUAAM+KAFCw9gIAgMfVACiYMAAAnpgFoGDC4wAMAAAMAAAMAJ0A/kMgHB8AAABiAJgNACEcH0ABAIRwfAAFABDC8SEUxIdQEB9CQXwQBeFBlISHsi72C/PX7rIbJYBGAAAAAElFTkSuQmCC"

export const SAMPLE_SELLER: SellerDetails = {
  name: "Northwind Supplies GmbH",
  address_lines: ["Hafenstraße 12", "20457 Hamburg", "Germany"],
  vat_number: "DE123456789",
  email: "billing@northwind.example",
  phone: "+49 40 1234567",
  logo_data_uri: LOGO_PNG,
  footer: "Payment within 30 days to IBAN DE89 3704 0044 0532 0130 00. Thank you for your business.",
}

export const SAMPLE_MINIMAL_SELLER: SellerDetails = { name: "Northwind Supplies GmbH", address_lines: [] }

export const SAMPLE_INVOICE: InvoiceDocumentData = {
  kind: "invoice",
  number: "INV-000042",
  invoice_date: "2026-11-24",
  due_date: "2026-12-24",
  currency_code: "eur",
  bill_to: {
    name: "Acme Retail Ltd",
    email: "accounts@acme.example",
    address: {
      company: "Acme Retail Ltd",
      first_name: "Jane",
      last_name: "Doe",
      address_1: "1 Market Street",
      address_2: "Unit 4",
      postal_code: "10115",
      city: "Berlin",
      country_code: "de",
    },
  },
  packing_slip_number: "multiple",
  packing_slips: [
    { number: "PS-000101", shipped_at: "2026-11-20T09:30:00.000Z" },
    { number: "PS-000102", shipped_at: "2026-11-22T14:05:00.000Z" },
  ],
  orders: [{ display_id: 1001 }, { display_id: 1002 }],
  lines: [
    {
      title: "Oak desk, 160 × 80 cm",
      variant_sku: "DESK-OAK-160",
      quantity: 2,
      unit_price: 450,
      tax_rate: 19,
      subtotal: 900,
      discount_total: 90,
      tax_total: 153.9,
      total: 963.9,
      packing_slip_number: "PS-000101",
      order_display_id: 1001,
    },
    {
      title: "Desk lamp",
      variant_sku: "LAMP-01",
      quantity: 4,
      unit_price: 35.5,
      tax_rate: 19,
      subtotal: 142,
      discount_total: 0,
      tax_total: 26.98,
      total: 168.98,
      packing_slip_number: "PS-000101",
      order_display_id: 1001,
    },
    {
      title: "Office chair",
      variant_sku: "CHAIR-ERGO",
      quantity: 3,
      unit_price: 289,
      tax_rate: 19,
      subtotal: 867,
      discount_total: 0,
      tax_total: 164.73,
      total: 1031.73,
      packing_slip_number: "PS-000102",
      order_display_id: 1002,
    },
    {
      title: "Printed catalogue 2027",
      variant_sku: "CAT-2027",
      quantity: 10,
      unit_price: 4.2,
      tax_rate: 7,
      subtotal: 42,
      discount_total: 0,
      tax_total: 2.94,
      total: 44.94,
      packing_slip_number: "PS-000102",
      order_display_id: 1002,
    },
  ],
  charge_lines: [{ name: "Charges", tax_rate: 19, subtotal: 49, discount_total: 0, tax_total: 9.31, total: 58.31 }],
  item_subtotal: 1951,
  discount_total: 90,
  charges_total: 49,
  tax_total: 357.86,
  total: 2267.86,
}

export const SAMPLE_MINIMAL_INVOICE: InvoiceDocumentData = {
  kind: "invoice",
  number: "INV-000001",
  invoice_date: "2026-11-24",
  due_date: null,
  currency_code: "usd",
  bill_to: { name: null, email: null, address: null },
  packing_slip_number: null,
  orders: [],
  lines: [],
  charge_lines: [],
  item_subtotal: 0,
  discount_total: 0,
  charges_total: 0,
  tax_total: 0,
  total: 0,
}

const negate = (n: number | string) => -Number(n)

/** The sample invoice credited in full. */
export const SAMPLE_CREDIT_NOTE: InvoiceDocumentData = {
  ...SAMPLE_INVOICE,
  kind: "credit_note",
  number: "CN-000007",
  due_date: null,
  credited_invoice_id: "inv_01SAMPLE",
  credited_invoice_number: "INV-000042",
  reason: "Goods returned damaged",
  lines: SAMPLE_INVOICE.lines.map((l) => ({
    ...l,
    subtotal: negate(l.subtotal),
    discount_total: negate(l.discount_total),
    tax_total: negate(l.tax_total),
    total: negate(l.total),
  })),
  charge_lines: SAMPLE_INVOICE.charge_lines.map((c) => ({
    ...c,
    subtotal: negate(c.subtotal),
    discount_total: negate(c.discount_total),
    tax_total: negate(c.tax_total),
    total: negate(c.total),
  })),
  item_subtotal: negate(SAMPLE_INVOICE.item_subtotal),
  discount_total: negate(SAMPLE_INVOICE.discount_total),
  charges_total: negate(SAMPLE_INVOICE.charges_total),
  tax_total: negate(SAMPLE_INVOICE.tax_total),
  total: negate(SAMPLE_INVOICE.total),
}

export const SAMPLE_MINIMAL_CREDIT_NOTE: InvoiceDocumentData = { ...SAMPLE_MINIMAL_INVOICE, kind: "credit_note", number: "CN-000001" }

/** The sample invoice as proposed: no kind, no number. */
export const SAMPLE_PRO_FORMA: InvoiceDocumentData = { ...SAMPLE_INVOICE, kind: undefined, number: null }

export const SAMPLE_MINIMAL_PRO_FORMA: InvoiceDocumentData = { ...SAMPLE_MINIMAL_INVOICE, kind: undefined, number: null }

export const SAMPLE_PACKING_SLIP: PackingSlipDocumentData = {
  number: "PS-000101",
  shipped_at: "2026-11-20T09:30:00.000Z",
  order_display_id: 1001,
  ship_to: {
    name: "Jane Doe",
    address: { first_name: "Jane", last_name: "Doe", address_1: "1 Market Street", postal_code: "10115", city: "Berlin", country_code: "de" },
  },
  bill_to: { name: "Acme Retail Ltd", address: { company: "Acme Retail Ltd", address_1: "1 Market Street", city: "Berlin", country_code: "de" } },
  lines: [
    { title: "Oak desk, 160 × 80 cm", variant_sku: "DESK-OAK-160", quantity: 2 },
    { title: "Desk lamp", variant_sku: "LAMP-01", quantity: 4 },
  ],
}

export const SAMPLE_MINIMAL_PACKING_SLIP: PackingSlipDocumentData = {
  number: null,
  shipped_at: "2026-11-20",
  order_display_id: null,
  ship_to: { name: null, address: null },
  bill_to: null,
  lines: [],
}
