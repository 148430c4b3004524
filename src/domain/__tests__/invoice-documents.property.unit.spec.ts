import BigNumber from "bignumber.js"
import fc from "fast-check"
import type { LineAmounts } from "../proration"
import { CURRENCIES, creditingScenario, RUNS } from "./arbitraries"
import { type PostedDocument, simulate } from "./invoicing-simulation"

const sum = (xs: LineAmounts[], value: (x: LineAmounts) => BigNumber.Value) => xs.reduce((s, x) => s.plus(value(x)), new BigNumber(0)).toFixed()

/** The header a document must carry, recomputed from its own lines and charges. */
function headerOf(document: PostedDocument) {
  const all = [...document.lines, ...document.charges]
  return {
    item_subtotal: sum(document.lines, (l) => l.subtotal),
    discount_total: sum(document.lines, (l) => l.discount_total),
    charges_total: sum(document.charges, (c) => new BigNumber(c.total).minus(c.tax_total)),
    tax_total: sum(all, (x) => x.tax_total),
    total: sum(all, (x) => x.total),
  }
}

const asText = (totals: Record<string, BigNumber.Value>) => Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, new BigNumber(v).toFixed()]))

describe("every invoice and credit note adds up by itself", () => {
  it("each line and charge is subtotal − discount + tax, and the header totals are exactly the sums of the lines and charges", () => {
    fc.assert(
      fc.property(creditingScenario, (scenario) => {
        for (const document of simulate(scenario).documents) {
          const unbalanced = [...document.lines, ...document.charges].filter(
            (x) => !new BigNumber(x.subtotal).minus(x.discount_total).plus(x.tax_total).eq(x.total)
          )
          expect({ id: document.id, unbalanced }).toEqual({ id: document.id, unbalanced: [] })
          const t = document.totals
          expect({ id: document.id, ...asText(t) }).toEqual({ id: document.id, ...headerOf(document) })
          const recomposed = new BigNumber(t.item_subtotal).minus(t.discount_total).plus(t.charges_total).plus(t.tax_total)
          expect(recomposed.toFixed()).toBe(new BigNumber(t.total).toFixed())
        }
      }),
      RUNS
    )
  })

  it("no amount carries more decimals than its currency has (JPY 0, EUR 2, KWD 3)", () => {
    fc.assert(
      fc.property(creditingScenario, (scenario) => {
        const code = scenario.orders[0].order.currency_code
        const digits = CURRENCIES.find((c) => c.code === code)!.digits
        const tooPrecise = simulate(scenario).documents.flatMap((document) =>
          [document.totals, ...document.lines, ...document.charges].flatMap((x) =>
            Object.entries(x)
              .filter(([key, value]) => /(total|subtotal)$/.test(key) && new BigNumber(String(value)).decimalPlaces()! > digits)
              .map(([key, value]) => `${document.id} ${key} ${value}`)
          )
        )
        expect({ code, tooPrecise }).toEqual({ code, tooPrecise: [] })
      }),
      RUNS
    )
  })
})
