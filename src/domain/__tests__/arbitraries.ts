import BigNumber from "bignumber.js"
import fc from "fast-check"
import type { InvoicingOrder, OrderCharge, OrderLine } from "../invoicing-order"
import type { QuantityMode, SummaryUpdate } from "../posting-parameters"

/**
 * Random orders priced the way Medusa prices them (utils/totals: line item and shipping
 * method totals), written here on their own so that the order total a property expects
 * never comes from the code under test. Medusa's MathBN is bignumber.js with its defaults.
 */
const MedusaMath = BigNumber.clone({ DECIMAL_PLACES: 20, ROUNDING_MODE: BigNumber.ROUND_HALF_UP })
const n = (value: BigNumber.Value) => new MedusaMath(value)

/** Runs per property: at least 1,000; PROPERTY_RUNS=20000 searches deeper. fast-check prints the seed of a failure. */
export const RUNS = { numRuns: Math.max(1000, Number(process.env.PROPERTY_RUNS ?? 0)) }

export const CURRENCIES = [
  { code: "jpy", digits: 0 },
  { code: "eur", digits: 2 },
  { code: "kwd", digits: 3 },
] as const

const TAX_RATES = ["0", "5", "5.5", "7.7", "8.875", "10", "19", "20", "21", "25"]

/** A promotion's share of the undiscounted price, as an amount with or without tax. */
type Adjustment = { percent: number; is_tax_inclusive: boolean }

/** What a merchant sets on a line or a shipping method; everything else is computed from it. */
type Priced = { price: BigNumber; rates: string[]; is_tax_inclusive: boolean; adjustments: Adjustment[] }

/** The order's own amounts, summed as Medusa sums them, unrounded. */
export type OrderAmounts = { total: BigNumber; tax_total: BigNumber; discount_subtotal: BigNumber }

export type GeneratedOrder = { order: InvoicingOrder; amounts: OrderAmounts }

/**
 * Medusa's subtotal, discount, tax and total of `quantity` units: a tax-inclusive price (or
 * promotion amount) is divided by 1 + the summed rates; tax is charged on the discounted net.
 */
function medusaTotals(item: Priced, quantity: number) {
  const rate = item.rates.reduce((sum, r) => sum.plus(r), n(0)).div(100)
  const gross = item.price.times(quantity)
  const subtotal = item.is_tax_inclusive ? gross.div(rate.plus(1)) : gross
  const adjustments = item.adjustments.reduce((sum, a) => {
    const amount = gross.times(a.percent).div(100)
    return sum.plus(a.is_tax_inclusive ? amount.div(rate.plus(1)) : amount)
  }, n(0))
  // Medusa spreads the discount per unit and multiplies it back by the quantity.
  const discount = adjustments.div(quantity).times(quantity)
  const taxable = subtotal.minus(discount)
  const tax = item.rates.reduce((sum, r) => sum.plus(taxable.times(n(r).div(100))), n(0))
  return { discount, tax, total: taxable.plus(tax) }
}

const adjustment = fc.record({ percent: fc.integer({ min: 1, max: 30 }), is_tax_inclusive: fc.boolean() })

function priced(digits: number, maxMinorUnits: number): fc.Arbitrary<Priced> {
  return fc
    .record({
      minorUnits: fc.integer({ min: 0, max: maxMinorUnits }),
      // Now and then a price finer than the currency, as Medusa allows.
      extraDigits: fc.constantFrom(0, 0, 0, 2),
      rates: fc.array(fc.constantFrom(...TAX_RATES), { maxLength: 2 }),
      is_tax_inclusive: fc.boolean(),
      adjustments: fc.array(adjustment, { maxLength: 2 }),
    })
    .map(({ minorUnits, extraDigits, ...rest }) => ({ ...rest, price: n(minorUnits).shiftedBy(-(digits + extraDigits)) }))
}

function orderOf(index: number, currency: (typeof CURRENCIES)[number], lines: (Priced & { quantity: number })[], charges: Priced[]): GeneratedOrder {
  const orderId = `order_${index}`
  const orderLines: OrderLine[] = []
  const orderCharges: OrderCharge[] = []
  const amounts: OrderAmounts = { total: n(0), tax_total: n(0), discount_subtotal: n(0) }
  lines.forEach((line, i) => {
    const t = medusaTotals(line, line.quantity)
    orderLines.push({
      line_item_id: `${orderId}_item_${i}`,
      title: `Item ${i}`,
      variant_sku: `SKU-${i}`,
      quantity: line.quantity,
      invoiced_quantity: 0,
      unit_price: line.price.toFixed(),
      is_tax_inclusive: line.is_tax_inclusive,
      tax_rate: line.rates.reduce((sum, r) => sum.plus(r), n(0)).toFixed(),
      total: t.total.toFixed(),
      tax_total: t.tax.toFixed(),
      discount_subtotal: t.discount.toFixed(),
    })
    amounts.total = amounts.total.plus(t.total)
    amounts.tax_total = amounts.tax_total.plus(t.tax)
    amounts.discount_subtotal = amounts.discount_subtotal.plus(t.discount)
  })
  charges.forEach((charge, i) => {
    const t = medusaTotals(charge, 1)
    orderCharges.push({
      shipping_method_id: `${orderId}_shipping_${i}`,
      name: `Shipping ${i}`,
      tax_rate: charge.rates.reduce((sum, r) => sum.plus(r), n(0)).toFixed(),
      total: t.total.toFixed(),
      tax_total: t.tax.toFixed(),
      discount_subtotal: t.discount.toFixed(),
      invoiced: false,
    })
    amounts.total = amounts.total.plus(t.total)
    amounts.tax_total = amounts.tax_total.plus(t.tax)
    amounts.discount_subtotal = amounts.discount_subtotal.plus(t.discount)
  })
  return {
    amounts,
    order: {
      id: orderId,
      display_id: index + 1,
      status: "pending",
      currency_code: currency.code,
      decimal_digits: currency.digits,
      customer_id: "cus_1",
      invoice_account_id: "cus_1",
      region_id: "reg_1",
      sales_channel_id: "sc_1",
      email: "buyer@example.com",
      billing_address: null,
      lines: orderLines,
      charges: orderCharges,
      packing_slips: [],
      invoiced_amounts: { total: "0", tax_total: "0", discount_total: "0" },
    },
  }
}

/** One or two orders of one customer in one currency (so summary updates can combine them). */
const ordersArbitrary: fc.Arbitrary<GeneratedOrder[]> = fc.constantFrom(...CURRENCIES).chain((currency) =>
  fc
    .array(
      fc.record({
        lines: fc.array(
          fc.tuple(priced(currency.digits, 300_000), fc.integer({ min: 1, max: 5 })).map(([p, quantity]) => ({ ...p, quantity })),
          { minLength: 1, maxLength: 4 }
        ),
        charges: fc.array(priced(currency.digits, 5_000), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 2 }
    )
    .map((orders) => orders.map((o, i) => orderOf(i, currency, o.lines, o.charges)))
)

const quantityMode = fc.constantFrom<QuantityMode>("packing_slip", "all")
const summaryUpdate = fc.constantFrom<Exclude<SummaryUpdate, "auto">>("none", "invoice_account", "order", "packing_slip")

/** Random numbers a step turns into quantities and choices, so that fast-check can shrink them. */
const picks = fc.array(fc.nat({ max: 99 }), { minLength: 4, maxLength: 4 })

export type ShipStep = { kind: "ship"; order: number; quantities: number[] }
export type InvoiceStep = { kind: "invoice"; quantity: QuantityMode; summary_update: Exclude<SummaryUpdate, "auto">; orders: number }
/** `over`: ask for more units than the invoice line has left, which must be refused. */
export type CreditStep = { kind: "credit"; invoice: number; whole: boolean; over: boolean; lines: number[] }
export type Step = ShipStep | InvoiceStep | CreditStep

const ship = fc.record({ kind: fc.constant("ship" as const), order: fc.nat({ max: 1 }), quantities: picks })
const invoice = fc.record({
  kind: fc.constant("invoice" as const),
  // Mostly by packing slip: "all" takes everything at once, leaving little to invoice in parts.
  quantity: fc.constantFrom<QuantityMode>("packing_slip", "packing_slip", "packing_slip", "all"),
  summary_update: summaryUpdate,
  // A bit mask of the orders selected for the proposal.
  orders: fc.integer({ min: 1, max: 3 }),
})
const credit = fc.record({
  kind: fc.constant("credit" as const),
  invoice: fc.nat({ max: 99 }),
  whole: fc.boolean(),
  over: fc.constantFrom(false, false, false, false, false, true),
  lines: picks,
})

/** The closing run that invoices whatever is left: everything ships, then proposals until done. */
export type Closing = { quantity: QuantityMode; summary_update: Exclude<SummaryUpdate, "auto"> }

export type Scenario = { orders: GeneratedOrder[]; steps: Step[]; closing: Closing }

function scenario(steps: fc.Arbitrary<Step>): fc.Arbitrary<Scenario> {
  return fc.record({
    orders: ordersArbitrary,
    steps: fc.array(steps, { minLength: 2, maxLength: 12, size: "medium" }),
    closing: fc.record({ quantity: quantityMode, summary_update: summaryUpdate }),
  })
}

/** Shipments and invoicing runs in random order, no credit note. */
export const invoicingScenario = scenario(fc.oneof({ arbitrary: ship, weight: 2 }, invoice))

/** Shipments, invoicing runs and credit notes (partial, whole, and refused over-credits) in random order. */
export const creditingScenario = scenario(fc.oneof({ arbitrary: ship, weight: 2 }, invoice, { arbitrary: credit, weight: 2 }))
