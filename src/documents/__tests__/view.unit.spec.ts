import {
  SAMPLE_CREDIT_NOTE,
  SAMPLE_INVOICE,
  SAMPLE_MINIMAL_INVOICE,
  SAMPLE_MINIMAL_PACKING_SLIP,
  SAMPLE_PACKING_SLIP,
  SAMPLE_PRO_FORMA,
  SAMPLE_SELLER,
} from "../samples"
import type { InvoiceDocumentData } from "../types"
import { copyLabel, invoiceView, isLogoDataUri, packingSlipView, sellerView } from "../view"

const line = (over: Partial<InvoiceDocumentData["lines"][number]> = {}): InvoiceDocumentData["lines"][number] => ({
  title: "Widget",
  variant_sku: "W-1",
  quantity: 1,
  unit_price: 10,
  tax_rate: 10,
  subtotal: 10,
  discount_total: 0,
  tax_total: 1,
  total: 11,
  packing_slip_number: "PS-000001",
  order_display_id: 7,
  ...over,
})

const invoice = (over: Partial<InvoiceDocumentData> = {}): InvoiceDocumentData => ({ ...SAMPLE_MINIMAL_INVOICE, currency_code: "eur", ...over })

/** Every leaf of the view model. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves)
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves)
  return [value]
}

describe("invoice view model", () => {
  const view = invoiceView("invoice", SAMPLE_INVOICE, SAMPLE_SELLER, { copy: null })

  it("holds only strings, booleans and nulls (and lists and objects of them): nothing a template could call", () => {
    for (const kind of ["invoice", "credit_note", "pro_forma"] as const) {
      const data = kind === "credit_note" ? SAMPLE_CREDIT_NOTE : kind === "pro_forma" ? SAMPLE_PRO_FORMA : SAMPLE_INVOICE
      const all = leaves(invoiceView(kind, data, SAMPLE_SELLER, { copy: 3 }))
      expect(all.every((v) => v === null || typeof v === "string" || typeof v === "boolean")).toBe(true)
    }
    expect(leaves(packingSlipView(SAMPLE_PACKING_SLIP, SAMPLE_SELLER)).every((v) => v === null || typeof v === "string" || typeof v === "boolean")).toBe(true)
  })

  it("prints the invoice's number, dates, currency, orders and packing slip number", () => {
    expect(view.document).toMatchObject({
      kind: "invoice",
      title: "Invoice",
      number: "INV-000042",
      is_pro_forma: false,
      is_credit_note: false,
      copy_label: null,
      invoice_date: "2026-11-24",
      due_date: "2026-12-24",
      currency: "EUR",
      orders: "#1001, #1002",
      packing_slip_number: "multiple",
    })
  })

  it("prints the one packing slip's number when the invoice draws on one", () => {
    expect(invoiceView("invoice", invoice({ packing_slip_number: "PS-000009" }), SAMPLE_SELLER).document.packing_slip_number).toBe("PS-000009")
    expect(invoiceView("invoice", invoice({ packing_slip_number: null }), SAMPLE_SELLER).document.packing_slip_number).toBeNull()
  })

  it("formats each line: its packing slip, order, quantity, prices with the currency, rate, net amount", () => {
    expect(view.lines[0]).toEqual({
      title: "Oak desk, 160 × 80 cm",
      sku: "DESK-OAK-160",
      order: "#1001",
      packing_slip: "PS-000101",
      quantity: "2",
      unit_price: "450.00 EUR",
      subtotal: "900.00 EUR",
      discount: "90.00 EUR",
      has_discount: true,
      tax_rate: "19%",
      tax: "153.90 EUR",
      net: "810.00 EUR",
      total: "963.90 EUR",
    })
    expect(view.lines.map((l) => l.packing_slip)).toEqual(["PS-000101", "PS-000101", "PS-000102", "PS-000102"])
    expect(view.lines[1].has_discount).toBe(false)
    expect(view.has_discounts).toBe(true)
  })

  it("prints the totals with the currency's digits", () => {
    expect(view.totals).toEqual({
      item_subtotal: "1,951.00 EUR",
      discount: "90.00 EUR",
      has_discount: true,
      charges: "49.00 EUR",
      tax: "357.86 EUR",
      total: "2,267.86 EUR",
    })
  })

  it("sums tax per rate over lines and charges: base is the net amount (total − tax), ordered by rate", () => {
    expect(view.tax_rates).toEqual([
      { rate: "7%", base: "42.00 EUR", tax: "2.94 EUR" },
      // 810 + 142 + 867 (lines) + 49 (charges)
      { rate: "19%", base: "1,868.00 EUR", tax: "354.92 EUR" },
    ])
  })

  it("groups rates written differently (10 and '10.0') into one tax line", () => {
    const v = invoiceView(
      "invoice",
      invoice({
        lines: [line({ tax_rate: 10 }), line({ tax_rate: "10.0", subtotal: 20, tax_total: 2, total: 22 })],
        charge_lines: [{ name: "Shipping", tax_rate: "10", subtotal: 5, discount_total: 0, tax_total: 0.5, total: 5.5 }],
      }),
      SAMPLE_SELLER
    )
    expect(v.tax_rates).toEqual([{ rate: "10%", base: "35.00 EUR", tax: "3.50 EUR" }])
  })

  it("adds tax per rate exactly, without float drift (0.1 + 0.2)", () => {
    const v = invoiceView(
      "invoice",
      invoice({ lines: [line({ tax_total: 0.1, total: 1.1 }), line({ tax_total: 0.2, total: 2.2 })] }),
      SAMPLE_SELLER
    )
    expect(v.tax_rates).toEqual([{ rate: "10%", base: "3.00 EUR", tax: "0.30 EUR" }])
  })

  it("prints charges as given: one summarized line or one per charge", () => {
    expect(view.charges).toEqual([
      { name: "Charges", tax_rate: "19%", discount: "0.00 EUR", has_discount: false, net: "49.00 EUR", tax: "9.31 EUR", total: "58.31 EUR" },
    ])
    expect(view.has_charges).toBe(true)
    const detailed = invoiceView(
      "invoice",
      invoice({
        charge_lines: [
          { name: "Standard shipping", tax_rate: 10, subtotal: 5, discount_total: 0, tax_total: 0.5, total: 5.5 },
          { name: "Express shipping", tax_rate: 10, subtotal: 8, discount_total: 2, tax_total: 0.6, total: 6.6 },
        ],
      }),
      SAMPLE_SELLER
    )
    expect(detailed.charges.map((c) => [c.name, c.net, c.has_discount])).toEqual([
      ["Standard shipping", "5.00 EUR", false],
      ["Express shipping", "6.00 EUR", true],
    ])
    expect(invoiceView("invoice", invoice(), SAMPLE_SELLER).has_charges).toBe(false)
  })

  it("prints the bill-to name, e-mail and address lines", () => {
    expect(view.bill_to).toEqual({
      name: "Acme Retail Ltd",
      email: "accounts@acme.example",
      address_lines: ["Jane Doe", "1 Market Street", "Unit 4", "10115 Berlin", "DE"],
    })
  })

  it("lists the packing slips with their ship dates", () => {
    expect(view.packing_slips).toEqual([
      { number: "PS-000101", shipped_at: "2026-11-20" },
      { number: "PS-000102", shipped_at: "2026-11-22" },
    ])
  })

  it("prints the seller's details, logo data URI and footer", () => {
    expect(view.seller).toEqual({
      name: "Northwind Supplies GmbH",
      address_lines: ["Hafenstraße 12", "20457 Hamburg", "Germany"],
      vat_number: "DE123456789",
      email: "billing@northwind.example",
      phone: "+49 40 1234567",
      logo_data_uri: SAMPLE_SELLER.logo_data_uri,
      footer: SAMPLE_SELLER.footer,
    })
  })

  it("keeps customer text as it is: escaping is the template's job, not the view's", () => {
    const v = invoiceView("invoice", invoice({ lines: [line({ title: "<script>alert(1)</script> {{x}} </td>" })] }), SAMPLE_SELLER)
    expect(v.lines[0].title).toBe("<script>alert(1)</script> {{x}} </td>")
  })
})

describe("document kinds", () => {
  it('prints "PRO FORMA" instead of a number on a pro forma', () => {
    const v = invoiceView("pro_forma", SAMPLE_PRO_FORMA, SAMPLE_SELLER)
    expect(v.document.number).toBe("PRO FORMA")
    expect(v.document.is_pro_forma).toBe(true)
    expect(v.document.title).toBe("Pro forma invoice")
  })

  it("never prints a number on a pro forma, even when the data carries one", () => {
    expect(invoiceView("pro_forma", { ...SAMPLE_INVOICE, kind: undefined }, SAMPLE_SELLER).document.number).toBe("PRO FORMA")
  })

  it("refuses to print an invoice or credit note without its number", () => {
    expect(() => invoiceView("invoice", { ...SAMPLE_INVOICE, number: null }, SAMPLE_SELLER)).toThrow("number is missing")
    expect(() => invoiceView("credit_note", { ...SAMPLE_CREDIT_NOTE, number: "" }, SAMPLE_SELLER)).toThrow("number is missing")
  })

  it("refuses to print a credit note as an invoice and the other way round", () => {
    expect(() => invoiceView("invoice", SAMPLE_CREDIT_NOTE, SAMPLE_SELLER)).toThrow('kind is "credit_note" but the document was asked for as "invoice"')
    expect(() => invoiceView("credit_note", SAMPLE_INVOICE, SAMPLE_SELLER)).toThrow('kind is "invoice"')
  })

  it("prints a credit note's negative amounts, the invoice it credits and the reason", () => {
    const v = invoiceView("credit_note", SAMPLE_CREDIT_NOTE, SAMPLE_SELLER)
    expect(v.document).toMatchObject({ title: "Credit note", number: "CN-000007", is_credit_note: true, credited_invoice: "INV-000042", reason: "Goods returned damaged" })
    expect(v.totals.total).toBe("-2,267.86 EUR")
    expect(v.tax_rates[1]).toEqual({ rate: "19%", base: "-1,868.00 EUR", tax: "-354.92 EUR" })
  })

  it("falls back to the credited invoice's id when its number is not given", () => {
    const v = invoiceView("credit_note", { ...SAMPLE_CREDIT_NOTE, credited_invoice_number: undefined }, SAMPLE_SELLER)
    expect(v.document.credited_invoice).toBe("inv_01SAMPLE")
  })
})

describe("copies", () => {
  it('labels the Nth copy "COPY n" and the original with null', () => {
    expect(copyLabel({ copy: 2 })).toBe("COPY 2")
    expect(copyLabel({ copy: 1 })).toBe("COPY 1")
    expect(copyLabel({ copy: null })).toBeNull()
    expect(copyLabel(undefined)).toBeNull()
    expect(invoiceView("invoice", SAMPLE_INVOICE, SAMPLE_SELLER, { copy: 2 }).document.copy_label).toBe("COPY 2")
  })

  it("refuses a copy number that is not a positive integer", () => {
    expect(() => copyLabel({ copy: 0 })).toThrow("copy must be a positive integer or null, got 0")
    expect(() => copyLabel({ copy: 1.5 })).toThrow("copy must be a positive integer")
    expect(() => copyLabel({ copy: -1 })).toThrow("copy must be a positive integer")
  })
})

describe("seller", () => {
  it("accepts only png, jpeg and svg data URIs as the logo", () => {
    expect(isLogoDataUri("data:image/png;base64,iVBORw0KGgo=")).toBe(true)
    expect(isLogoDataUri("data:image/jpeg;base64,/9j/4AAQ")).toBe(true)
    expect(isLogoDataUri("data:image/svg+xml;base64,PHN2Zy8+")).toBe(true)
    expect(isLogoDataUri("https://example.com/logo.png")).toBe(false)
    expect(isLogoDataUri("data:text/html;base64,PHNjcmlwdD4=")).toBe(false)
    expect(isLogoDataUri('data:image/png;base64,AAAA" onerror="x')).toBe(false)
    expect(() => sellerView({ ...SAMPLE_SELLER, logo_data_uri: "http://127.0.0.1/x.png" })).toThrow("seller.logo_data_uri must be a data:image")
  })

  it("prints no logo and no optional details when the seller has none", () => {
    expect(sellerView({ name: "Shop", address_lines: [" ", "Main St 1"] })).toEqual({
      name: "Shop",
      address_lines: ["Main St 1"],
      vat_number: null,
      email: null,
      phone: null,
      logo_data_uri: null,
      footer: null,
    })
  })

  it("refuses a seller without a name", () => {
    expect(() => sellerView({ name: " ", address_lines: [] })).toThrow("seller.name is missing")
  })
})

describe("invoice data errors", () => {
  it("names the field of a bad line amount", () => {
    expect(() => invoiceView("invoice", invoice({ lines: [line(), line({ total: "n/a" })] }), SAMPLE_SELLER)).toThrow("lines[1].total is not a number: n/a")
  })

  it("names a missing invoice date", () => {
    expect(() => invoiceView("invoice", invoice({ invoice_date: "" }), SAMPLE_SELLER)).toThrow("invoice_date is missing")
  })
})

describe("packing slip view model", () => {
  it("prints the packing slip's number, ship date, order, addresses and quantities", () => {
    expect(packingSlipView(SAMPLE_PACKING_SLIP, SAMPLE_SELLER, { copy: 2 })).toMatchObject({
      document: { kind: "packing_slip", title: "Packing slip", number: "PS-000101", copy_label: "COPY 2", shipped_at: "2026-11-20", order: "#1001" },
      ship_to: { name: "Jane Doe", address_lines: ["1 Market Street", "10115 Berlin", "DE"] },
      bill_to: { name: "Acme Retail Ltd", address_lines: ["1 Market Street", "Berlin", "DE"] },
      lines: [
        { title: "Oak desk, 160 × 80 cm", sku: "DESK-OAK-160", quantity: "2" },
        { title: "Desk lamp", sku: "LAMP-01", quantity: "4" },
      ],
      total_quantity: "6",
    })
  })

  it("prints an unnumbered packing slip without bill-to", () => {
    const v = packingSlipView(SAMPLE_MINIMAL_PACKING_SLIP, SAMPLE_SELLER)
    expect(v.document.number).toBe("(unnumbered)")
    expect(v.bill_to).toBeNull()
    expect(v.total_quantity).toBe("0")
  })
})
