import BigNumber from "bignumber.js"
import type { InvoicingOrder } from "../invoicing-order"
import { type ProposedInvoice, proposeInvoices } from "../propose"
import { aLine, anAccount, anOrder, aSlip } from "./order-fixture"

const none = { quantity: "packing_slip" as const, summary_update: "none" as const, match_keys: [] }
const today = { today: "2026-11-24", accounts: {} }

/** What posting does to the balances, so a test can propose again after it. */
function afterPosting(order: InvoicingOrder, invoice: ProposedInvoice): InvoicingOrder {
  const change = new Map(invoice.balance.order_lines.map((c) => [c.source_id, c.invoiced_after]))
  const slipChange = new Map(invoice.balance.packing_slip_lines.map((c) => [c.id, c.invoiced_after]))
  const mine = [...invoice.lines, ...invoice.charges].filter((x) => x.order_id === order.id)
  const plus = (a: string, key: "total" | "tax_total" | "discount_total") =>
    new BigNumber(a).plus(mine.reduce((s, x) => s.plus(x[key]), new BigNumber(0))).toFixed()
  return {
    ...order,
    lines: order.lines.map((l) => ({ ...l, invoiced_quantity: change.get(l.line_item_id) ?? l.invoiced_quantity })),
    charges: order.charges.map((c) => ({ ...c, invoiced: c.invoiced || change.has(c.shipping_method_id) })),
    packing_slips: order.packing_slips.map((s) => ({
      ...s,
      lines: s.lines.map((l) => ({ ...l, invoiced_quantity: slipChange.get(l.id) ?? l.invoiced_quantity })),
    })),
    invoiced_amounts: {
      total: plus(order.invoiced_amounts.total, "total"),
      tax_total: plus(order.invoiced_amounts.tax_total, "tax_total"),
      discount_total: plus(order.invoiced_amounts.discount_total, "discount_total"),
    },
  }
}

const sumOf = (invoices: ProposedInvoice[], key: "total" | "tax_total") =>
  invoices.reduce((s, i) => s.plus(i.totals[key]), new BigNumber(0)).toFixed()

const shipping = { shipping_method_id: "sm_1", name: "Standard", tax_rate: "10", total: "5.5", tax_total: "0.5", discount_subtotal: "0", invoiced: false }

describe("proposing invoices", () => {
  it("an order with two packing slips shows 'multiple' on the invoice and each line names its packing slip", () => {
    const order = anOrder({
      lines: [aLine("a", 2, "10"), aLine("b", 1, "5")],
      packing_slips: [
        aSlip("ful_1", "PS-000001", "2026-03-01T09:00:00Z", [["a", 1]]),
        aSlip("ful_2", "PS-000002", "2026-03-02T09:00:00Z", [["a", 1], ["b", 1]]),
      ],
    })
    const { groups } = proposeInvoices([order], none, today)
    expect(groups).toHaveLength(1)
    expect(groups[0].packing_slip_number).toBe("multiple")
    expect(groups[0].lines.map((l) => [l.line_item_id, l.packing_slip_number, l.quantity])).toEqual([
      ["a", "PS-000001", 1],
      ["a", "PS-000002", 1],
      ["b", "PS-000002", 1],
    ])
  })

  it("an invoice drawn from one packing slip shows that packing slip's number", () => {
    const order = anOrder({ lines: [aLine("a", 2, "10")], packing_slips: [aSlip("ful_1", "PS-000007", "2026-03-01", [["a", 2]])] })
    expect(proposeInvoices([order], none, today).groups[0].packing_slip_number).toBe("PS-000007")
  })

  it("summary update 'packing_slip' makes one invoice per packing slip", () => {
    const order = anOrder({
      lines: [aLine("a", 3, "10")],
      charges: [shipping],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 1]]), aSlip("ful_2", "PS-2", "2026-03-02", [["a", 2]])],
    })
    const { groups } = proposeInvoices([order], { ...none, summary_update: "packing_slip" }, today)
    expect(groups.map((g) => [g.packing_slip_number, g.lines[0].quantity, g.charges.length])).toEqual([
      ["PS-1", 1, 1],
      ["PS-2", 2, 0],
    ])
    // The second invoice is priced after the first: together they make the whole line.
    expect(groups[1].balance.order_lines[0]).toMatchObject({ invoiced_before: 1, invoiced_after: 3 })
  })

  it("charges are invoiced once, with the first invoice of their order", () => {
    const order = anOrder({
      lines: [aLine("a", 2, "10")],
      charges: [shipping],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 1]])],
    })
    const first = proposeInvoices([order], none, today).groups[0]
    expect(first.charges.map((c) => c.total)).toEqual(["5.5"])
    const secondOrder = afterPosting(order, first)
    secondOrder.packing_slips.push(aSlip("ful_2", "PS-2", "2026-03-02", [["a", 1]]))
    const second = proposeInvoices([secondOrder], none, today).groups[0]
    expect(second.charges).toEqual([])
  })

  it("a canceled order is skipped with a reason, and so is an order with nothing left to invoice", () => {
    const canceled = anOrder({ id: "order_c", display_id: 7, status: "canceled", lines: [aLine("a", 1, "1")] })
    const unshipped = anOrder({ id: "order_u", display_id: 8, lines: [aLine("b", 1, "1")] })
    const { groups, skipped } = proposeInvoices([canceled, unshipped], none, today)
    expect(groups).toEqual([])
    expect(skipped.map((s) => [s.order_id, s.reason])).toEqual([
      ["order_c", "order #7 is canceled"],
      ["order_u", "order #8 has no shipped quantity that is not yet invoiced"],
    ])
  })

  it("an invoice date before the latest packing slip's ship date skips that invoice with a reason", () => {
    const order = anOrder({ lines: [aLine("a", 1, "10")], packing_slips: [aSlip("ful_1", "PS-1", "2026-03-05T10:00:00Z", [["a", 1]])] })
    const { groups, skipped } = proposeInvoices([order], { ...none, invoice_date: "2026-03-04" }, today)
    expect(groups).toEqual([])
    expect(skipped[0].reason).toBe("invoice date 2026-03-04 is before the ship date 2026-03-05 of its packing slips")
  })

  it("the due date is the invoice date plus the invoice account's payment terms", () => {
    const order = anOrder({ lines: [aLine("a", 1, "10")], packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 1]])] })
    const [invoice] = proposeInvoices([order], { ...none, invoice_date: "2026-03-20" }, { ...today, accounts: { cus_1: anAccount("cus_1", { payment_terms_days: 14 }) } }).groups
    expect([invoice.invoice_date, invoice.due_date]).toEqual(["2026-03-20", "2026-04-03"])
  })

  it("three partial invoices of a 10 % taxed line of 62.98 add up to the order total rounded (69.278 → 69.28)", () => {
    let order = anOrder({
      lines: [aLine("a", 3, "20.993333333333333333", "10", { total: "69.278", tax_total: "6.298" })],
      packing_slips: [
        aSlip("ful_1", "PS-1", "2026-03-01", [["a", 1]]),
        aSlip("ful_2", "PS-2", "2026-03-02", [["a", 1]]),
        aSlip("ful_3", "PS-3", "2026-03-03", [["a", 1]]),
      ],
    })
    const invoices: ProposedInvoice[] = []
    for (let i = 0; i < 3; i++) {
      const slips = order.packing_slips
      const view = { ...order, packing_slips: slips.slice(0, i + 1) }
      const [invoice] = proposeInvoices([view], none, today).groups
      invoices.push(invoice)
      order = afterPosting(order, invoice)
    }
    expect(invoices.map((i) => i.totals.total)).toEqual(["23.09", "23.1", "23.09"])
    expect(sumOf(invoices, "total")).toBe("69.28")
    expect(sumOf(invoices, "tax_total")).toBe("6.3")
  })

  it("the last invoice of an order takes the order-level rounding rest (two lines of 1.375 make 2.75, not 2.76)", () => {
    const order = anOrder({
      lines: [aLine("a", 1, "1.25"), aLine("b", 1, "1.25")],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 1], ["b", 1]])],
    })
    const [invoice] = proposeInvoices([order], none, today).groups
    expect(invoice.totals.total).toBe("2.75")
    expect(invoice.lines.map((l) => l.total)).toEqual(["1.38", "1.37"])
  })

  it("every invoice line keeps total = subtotal − discount + tax, and the invoice totals are the sums of its lines", () => {
    const order = anOrder({
      lines: [aLine("a", 3, "19.99", "20", { discount_subtotal: "5.997", tax_total: "10.7946", total: "64.7676" })],
      charges: [shipping],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-03-01", [["a", 2]])],
    })
    const [invoice] = proposeInvoices([order], none, today).groups
    for (const l of [...invoice.lines, ...invoice.charges]) {
      expect(new BigNumber(l.subtotal).minus(l.discount_total).plus(l.tax_total).toFixed()).toBe(new BigNumber(l.total).toFixed())
    }
    const t = invoice.totals
    const recomposed = new BigNumber(t.item_subtotal).minus(t.discount_total).plus(t.charges_total).plus(t.tax_total)
    expect(recomposed.toFixed()).toBe(new BigNumber(t.total).toFixed())
  })

  it("amounts round to the currency's digits: 0 for JPY, 3 for KWD", () => {
    const jpy = anOrder({ currency_code: "jpy", decimal_digits: 0, lines: [aLine("a", 3, "333", "10")], packing_slips: [aSlip("f", "PS-1", "2026-03-01", [["a", 1]])] })
    expect(proposeInvoices([jpy], none, today).groups[0].totals.total).toBe("366")
    const kwd = anOrder({ currency_code: "kwd", decimal_digits: 3, lines: [aLine("a", 3, "1.2345", "5")], packing_slips: [aSlip("f", "PS-1", "2026-03-01", [["a", 1]])] })
    expect(proposeInvoices([kwd], none, today).groups[0].totals.total).toBe("1.296")
  })

  it("for many random orders invoiced in random partial shipments, the invoices add up exactly to the rounded order total", () => {
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
    for (let n = 0; n < 300; n++) {
      const digits = pick([0, 2, 2, 3])
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => {
        const quantity = 1 + Math.floor(random() * 7)
        const unit = new BigNumber(random() * 200).decimalPlaces(digits)
        const rate = pick(["0", "5.5", "10", "20", "8.875"])
        const discount = unit.times(quantity).times(pick([0, 0, 0.1, 0.15]))
        const taxable = unit.times(quantity).minus(discount)
        const tax = taxable.times(rate).div(100)
        return aLine(`l${i}`, quantity, unit.toFixed(), rate, {
          discount_subtotal: discount.toFixed(),
          tax_total: tax.toFixed(),
          total: taxable.plus(tax).toFixed(),
        })
      })
      const charges = random() < 0.7 ? [{ ...shipping, total: "4.995", tax_total: "0.454090909" }] : []
      let order = anOrder({ decimal_digits: digits, lines, charges })
      const invoices: ProposedInvoice[] = []
      for (let shipment = 1; !order.lines.every((l) => l.invoiced_quantity === l.quantity); shipment++) {
        const slipLines = order.lines
          .map((l) => [l.line_item_id, Math.min(l.quantity - l.invoiced_quantity, 1 + Math.floor(random() * 3))] as [string, number])
          .filter(([, q]) => q > 0)
        order = { ...order, packing_slips: [...order.packing_slips, aSlip(`f${shipment}`, `PS-${shipment}`, "2026-03-01", slipLines)] }
        for (const invoice of proposeInvoices([order], none, today).groups) {
          invoices.push(invoice)
          order = afterPosting(order, invoice)
        }
      }
      const expected = [...lines, ...charges].reduce((s, x) => s.plus(x.total), new BigNumber(0)).decimalPlaces(digits, BigNumber.ROUND_HALF_UP)
      expect(sumOf(invoices, "total")).toBe(expected.toFixed())
    }
  })
})
