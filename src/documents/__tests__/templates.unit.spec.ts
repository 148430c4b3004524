import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import Handlebars from "handlebars"
import { checkTemplateSource, compileTemplate } from "../compile"
import { resetDocumentsConfig } from "../config"
import { DEFAULT_TEMPLATES } from "../default-templates/index"
import { renderDocumentHtml } from "../render"
import {
  SAMPLE_CREDIT_NOTE,
  SAMPLE_INVOICE,
  SAMPLE_MINIMAL_INVOICE,
  SAMPLE_PACKING_SLIP,
  SAMPLE_PRO_FORMA,
  SAMPLE_SELLER,
} from "../samples"
import { DOCUMENT_KINDS } from "../types"

const HOSTILE = `<script>alert("x")</script> {{seller.name}} </td></tr></table><img src=x onerror=alert(1)>`

/** The visible text of an HTML document: tags removed, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<title>[\s\S]*?<\/title>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, "`")
    .replace(/&#x3D;/g, "=")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
}

beforeEach(() => resetDocumentsConfig())

describe("default templates", () => {
  it("are kept as TypeScript strings, one per kind, none using triple-stash or partials", () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(typeof DEFAULT_TEMPLATES[kind]).toBe("string")
      expect(DEFAULT_TEMPLATES[kind]).not.toMatch(/\{\{\{|\{\{&|\{\{>/)
      expect(() => checkTemplateSource(DEFAULT_TEMPLATES[kind])).not.toThrow()
    }
  })

  it("print an invoice's seller, bill-to, dates, number, packing slips, lines, tax per rate, charges and totals", () => {
    const text = visibleText(renderDocumentHtml("invoice", SAMPLE_INVOICE, SAMPLE_SELLER))
    for (const expected of [
      "Northwind Supplies GmbH",
      "Hafenstraße 12",
      "VAT DE123456789",
      "Invoice",
      "Number INV-000042",
      "Invoice date 2026-11-24",
      "Due date 2026-12-24",
      "Orders #1001, #1002",
      "Packing slip multiple",
      "Acme Retail Ltd",
      "10115 Berlin",
      "Oak desk, 160 × 80 cm",
      "SKU DESK-OAK-160 · Order #1001",
      "PS-000101 2 450.00 EUR 90.00 EUR 19% 810.00 EUR",
      "PS-000102 10 4.20 EUR 7% 42.00 EUR",
      "Charges 19% 49.00 EUR",
      "7% 42.00 EUR 2.94 EUR",
      "19% 1,868.00 EUR 354.92 EUR",
      "Items 1,951.00 EUR",
      "Less discount 90.00 EUR",
      "Tax 357.86 EUR",
      "Total 2,267.86 EUR",
      "Payment within 30 days",
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain("COPY")
    expect(text).not.toContain("PRO FORMA")
  })

  it("show the seller's logo as the data URI in an <img>", () => {
    const html = renderDocumentHtml("invoice", SAMPLE_INVOICE, SAMPLE_SELLER)
    // handlebars escapes the base64 padding "=" as &#x3D;, which the HTML parser decodes back
    expect(html).toContain(`<img class="logo" src="${Handlebars.escapeExpression(SAMPLE_SELLER.logo_data_uri!)}"`)
    expect(renderDocumentHtml("invoice", SAMPLE_INVOICE, { ...SAMPLE_SELLER, logo_data_uri: null })).not.toContain("<img")
  })

  it('print "COPY n" on the Nth copy of every kind', () => {
    expect(visibleText(renderDocumentHtml("invoice", SAMPLE_INVOICE, SAMPLE_SELLER, { copy: 2 }))).toContain("COPY 2")
    expect(visibleText(renderDocumentHtml("credit_note", SAMPLE_CREDIT_NOTE, SAMPLE_SELLER, { copy: 3 }))).toContain("COPY 3")
    expect(visibleText(renderDocumentHtml("pro_forma", SAMPLE_PRO_FORMA, SAMPLE_SELLER, { copy: 1 }))).toContain("COPY 1")
    expect(visibleText(renderDocumentHtml("packing_slip", SAMPLE_PACKING_SLIP, SAMPLE_SELLER, { copy: 4 }))).toContain("COPY 4")
  })

  it("mark a pro forma as PRO FORMA (banner, number, watermark) and print no invoice number", () => {
    const html = renderDocumentHtml("pro_forma", SAMPLE_PRO_FORMA, SAMPLE_SELLER)
    const text = visibleText(html)
    expect(text).toContain("Number PRO FORMA")
    expect(html).toContain('<div class="watermark">PRO FORMA</div>')
    expect(html).toContain('<div class="banner">PRO FORMA')
    expect(text).not.toContain("INV-")
  })

  it("print a credit note's title, number, the invoice it credits and negative totals", () => {
    const text = visibleText(renderDocumentHtml("credit_note", SAMPLE_CREDIT_NOTE, SAMPLE_SELLER))
    expect(text).toContain("Credit note")
    expect(text).toContain("Number CN-000007")
    expect(text).toContain("Credits invoice INV-000042 — Goods returned damaged")
    expect(text).toContain("Total -2,267.86 EUR")
  })

  it("print a packing slip's number, ship date, order, ship-to and quantities, without prices", () => {
    const text = visibleText(renderDocumentHtml("packing_slip", SAMPLE_PACKING_SLIP, SAMPLE_SELLER))
    for (const expected of ["Packing slip", "Number PS-000101", "Shipped 2026-11-20", "Order #1001", "Ship to Jane Doe", "Bill to Acme Retail Ltd", "Desk lamp LAMP-01 4", "Total quantity 6"]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain("EUR")
  })

  it("render documents with empty optional fields (no logo, no lines, no due date)", () => {
    const html = renderDocumentHtml("invoice", SAMPLE_MINIMAL_INVOICE, { name: "Shop", address_lines: [] })
    expect(visibleText(html)).toContain("Total 0.00 USD")
    expect(visibleText(html)).not.toContain("Due date")
  })

  it("escape customer text: <script>, {{ and </td> in a title and a customer name come out as text", () => {
    const data = {
      ...SAMPLE_INVOICE,
      bill_to: { name: HOSTILE, email: null, address: { city: HOSTILE } },
      lines: [{ ...SAMPLE_INVOICE.lines[0], title: HOSTILE, variant_sku: `"><script>` }],
    }
    const html = renderDocumentHtml("invoice", data, { ...SAMPLE_SELLER, name: HOSTILE })
    expect(html).not.toContain("<script>")
    expect(html).not.toContain("</td></tr></table><img")
    expect(html).not.toContain("<img src=x")
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{seller.name}} &lt;/td&gt;")
    // {{…}} inside data is printed, never evaluated as a template
    expect(visibleText(html).split(HOSTILE).length - 1).toBeGreaterThanOrEqual(4)
  })
})

describe("template compilation", () => {
  it("never calls a helper registered on the global handlebars: {{name}} is a field of the view model", () => {
    Handlebars.registerHelper("leak", () => "LEAKED")
    try {
      expect(Handlebars.compile("{{leak}}")({ leak: "field" })).toBe("LEAKED") // what isolation protects from
      expect(compileTemplate<{ leak: string }>("{{leak}}")({ leak: "field" })).toBe("field")
      expect(() => compileTemplate("{{leak 1}}")).toThrow("unknown helper leak")
    } finally {
      Handlebars.unregisterHelper("leak")
    }
  })

  it("refuses triple-stash and {{& }} (unescaped output), naming the line", () => {
    expect(() => checkTemplateSource("<p>\n{{{document.number}}}</p>")).toThrow("unescaped output ({{{…}}} or {{& …}}) is not allowed at line 2")
    expect(() => checkTemplateSource("{{#each lines}}{{& title}}{{/each}}")).toThrow("unescaped output")
  })

  it("refuses partials, partial blocks and decorators", () => {
    expect(() => checkTemplateSource("{{> header}}")).toThrow("partials")
    expect(() => checkTemplateSource("{{#> layout}}x{{/layout}}")).toThrow("partials")
    expect(() => checkTemplateSource("{{> (lookup . 'name')}}")).toThrow("partials")
    expect(() => checkTemplateSource("{{#if a}}{{*inline 'p'}}{{/if}}")).toThrow("decorators")
  })

  it("refuses a template that does not compile, with handlebars' reason", () => {
    expect(() => compileTemplate("{{#if x}}unclosed")).toThrow("does not compile")
    expect(() => compileTemplate("{{#each lines}}{{/if}}")).toThrow("does not compile")
  })

  it("refuses unknown helpers at compile time (knownHelpersOnly)", () => {
    expect(() => compileTemplate("<p>{{custom document.number}}</p>")).toThrow(
      "does not compile: You specified knownHelpersOnly, but used the unknown helper custom"
    )
  })

  it("fails on a field the view model does not have (strict mode) instead of printing a blank", () => {
    const template = compileTemplate<{ document: { number: string } }>("{{document.nubmer}}")
    expect(() => template({ document: { number: "INV-1" } })).toThrow('"nubmer" not defined')
  })

  it("does not give templates prototype access (constructor, __proto__)", () => {
    const template = compileTemplate<{ a: object }>("[{{a.constructor}}][{{a.__proto__}}]")
    expect(template({ a: {} })).toBe("[][]")
  })

  it("escapes every double-stash value", () => {
    expect(compileTemplate<{ v: string }>("{{v}}")({ v: `<b>&"'\`=` })).toBe("&lt;b&gt;&amp;&quot;&#x27;&#x60;&#x3D;")
  })
})

describe("override template files", () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "invoicing-templates-"))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("replace the default template of their kind", async () => {
    fs.writeFileSync(path.join(dir, "invoice.hbs"), "<p>My invoice {{document.number}} for {{bill_to.name}}: {{totals.total}}</p>")
    const { configureDocuments } = await import("../config")
    configureDocuments({ templates: { invoice: "invoice.hbs" } }, dir)
    expect(renderDocumentHtml("invoice", SAMPLE_INVOICE, SAMPLE_SELLER)).toBe("<p>My invoice INV-000042 for Acme Retail Ltd: 2,267.86 EUR</p>")
    // the other kinds keep their defaults
    expect(renderDocumentHtml("credit_note", SAMPLE_CREDIT_NOTE, SAMPLE_SELLER)).toContain("Credit note")
  })
})
