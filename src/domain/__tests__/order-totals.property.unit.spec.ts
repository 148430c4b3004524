import BigNumber from "bignumber.js"
import fc from "fast-check"
import { creditingScenario, invoicingScenario, RUNS, type Scenario } from "./arbitraries"
import { simulate } from "./invoicing-simulation"
import { aLine, anOrder } from "./order-fixture"

type Sums = { item_subtotal: BigNumber; discount_total: BigNumber; charges_total: BigNumber; tax_total: BigNumber; total: BigNumber }
const zero = (): Sums => ({ item_subtotal: new BigNumber(0), discount_total: new BigNumber(0), charges_total: new BigNumber(0), tax_total: new BigNumber(0), total: new BigNumber(0) })
const plus = (a: Sums, b: Record<keyof Sums, BigNumber.Value>): Sums => ({
  item_subtotal: a.item_subtotal.plus(b.item_subtotal),
  discount_total: a.discount_total.plus(b.discount_total),
  charges_total: a.charges_total.plus(b.charges_total),
  tax_total: a.tax_total.plus(b.tax_total),
  total: a.total.plus(b.total),
})
const text = (s: Sums) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.toFixed()]))

/**
 * What the fully invoiced orders must come to, from the orders' own Medusa amounts (never
 * from the rules): total, tax and discount each rounded to the currency; each charge at its
 * own rounded amounts, since a charge is invoiced whole; the items take the rest.
 */
function expectedSums(scenario: Scenario): Sums {
  return scenario.orders.reduce((acc, { order, amounts }) => {
    const round = (value: BigNumber.Value) => new BigNumber(value).decimalPlaces(order.decimal_digits, BigNumber.ROUND_HALF_UP)
    const charges = order.charges.reduce(
      (c, x) => ({ total: c.total.plus(round(x.total)), tax: c.tax.plus(round(x.tax_total)), discount: c.discount.plus(round(x.discount_subtotal)) }),
      { total: new BigNumber(0), tax: new BigNumber(0), discount: new BigNumber(0) }
    )
    const total = round(amounts.total)
    const tax = round(amounts.tax_total)
    const itemDiscount = round(amounts.discount_subtotal).minus(charges.discount)
    return plus(acc, {
      item_subtotal: total.minus(charges.total).minus(tax.minus(charges.tax)).plus(itemDiscount),
      discount_total: itemDiscount,
      charges_total: charges.total.minus(charges.tax),
      tax_total: tax,
      total,
    })
  }, zero())
}

/** Invoices, less credit notes (whose totals are negative), of the whole scenario. */
function expectFullyInvoicedOrdersAddUp(scenario: Scenario) {
  const { documents, stuck } = simulate(scenario)
  expect({ stuck }).toEqual({ stuck: false })
  expect(text(documents.reduce((acc, d) => plus(acc, d.totals), zero()))).toEqual(text(expectedSums(scenario)))

  // Per order too, from the lines and charges (an invoice may combine orders).
  for (const { order, amounts } of scenario.orders) {
    const round = (value: BigNumber.Value) => new BigNumber(value).decimalPlaces(order.decimal_digits, BigNumber.ROUND_HALF_UP).toFixed()
    const parts = documents.flatMap((d) => [...d.lines, ...d.charges]).filter((x) => x.order_id === order.id)
    const sum = (key: "total" | "tax_total" | "discount_total") => parts.reduce((s, x) => s.plus(x[key]), new BigNumber(0)).toFixed()
    expect({ order: order.id, total: sum("total"), tax: sum("tax_total"), discount: sum("discount_total") }).toEqual({
      order: order.id,
      total: round(amounts.total),
      tax: round(amounts.tax_total),
      discount: round(amounts.discount_subtotal),
    })
    for (const charge of order.charges) {
      const invoiced = documents.flatMap((d) => d.charges).filter((c) => c.shipping_method_id === charge.shipping_method_id)
      const net = (key: "total" | "tax_total" | "discount_total") => invoiced.reduce((s, c) => s.plus(c[key]), new BigNumber(0)).toFixed()
      expect({ charge: charge.shipping_method_id, total: net("total"), tax: net("tax_total"), discount: net("discount_total") }).toEqual({
        charge: charge.shipping_method_id,
        total: round(charge.total),
        tax: round(charge.tax_total),
        discount: round(charge.discount_subtotal),
      })
    }
  }
}

describe("a fully invoiced order adds up to its own total, rounded to the currency (JPY, EUR, KWD)", () => {
  it("invoiced in random partial shipments, by packing slip or all, under every summary update: the invoices add up to the order's total, tax, discount and charges", () => {
    fc.assert(fc.property(invoicingScenario, expectFullyInvoicedOrdersAddUp), RUNS)
  })

  it("with random credit notes in between and the credited quantities invoiced again: invoices less credit notes add up to the order's total, tax, discount and charges", () => {
    fc.assert(fc.property(creditingScenario, expectFullyInvoicedOrdersAddUp), RUNS)
  })
})

it("a charge given back alone by a credit note (its invoice's lines were credited and invoiced again before) is invoiced again on its own", () => {
  // One unit at 10.00 + 20 % tax, shipping 5.00 + 20 % tax: the order's total is 18.00.
  const shipping = { shipping_method_id: "sm_1", name: "Standard", tax_rate: "20", total: "6", tax_total: "1", discount_subtotal: "0", invoiced: false }
  const order = anOrder({ lines: [aLine("a", 1, "10", "20")], charges: [shipping] })
  const amount = (value: number) => new BigNumber(value)
  const scenario: Scenario = {
    orders: [{ order, amounts: { total: amount(18), tax_total: amount(3), discount_subtotal: amount(0) } }],
    steps: [
      { kind: "invoice", quantity: "all", summary_update: "none", orders: 1 },
      { kind: "credit", invoice: 0, whole: false, over: false, lines: [0, 0, 0, 0] },
      { kind: "invoice", quantity: "all", summary_update: "none", orders: 1 },
      { kind: "credit", invoice: 0, whole: true, over: false, lines: [0, 0, 0, 0] },
    ],
    closing: { quantity: "packing_slip", summary_update: "none" },
  }
  const { documents } = simulate(scenario)
  expect(documents.map((d) => [d.kind, d.lines.map((l) => l.quantity), d.charges.map((c) => c.total)])).toEqual([
    ["invoice", [1], ["6"]],
    ["credit_note", [-1], []],
    ["invoice", [1], []],
    ["credit_note", [], ["-6"]],
    ["invoice", [], ["6"]],
  ])
  expectFullyInvoicedOrdersAddUp(scenario)
})
