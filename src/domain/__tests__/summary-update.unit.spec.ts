import type { InvoicingOrder } from "../invoicing-order"
import type { PostingParameters } from "../posting-parameters"
import { proposeInvoices } from "../propose"
import { aLine, anAccount, anOrder, aSlip } from "./order-fixture"

type Parameters = Pick<PostingParameters, "quantity" | "summary_update" | "match_keys" | "invoice_date" | "lead_order_id">

const accounts = {
  cus_david: anAccount("cus_david", { name: "Peeters Interiors", payment_terms_days: 30 }),
  cus_anna: anAccount("cus_anna", { default_summary_update: "invoice_account" }),
}
const context = { today: "2026-11-24", accounts }
const propose = (orders: InvoicingOrder[], parameters: Partial<Parameters>) =>
  proposeInvoices(orders, { quantity: "packing_slip", summary_update: "none", match_keys: [], ...parameters }, context)

const address = (city: string) => ({ first_name: "Emma", last_name: "Janssens", address_1: "9 Rue Haute", city, country_code: "be" })

/** A shipped order of one line, numbered n (display id and packing slip PS-n). */
function shipped(n: number, overrides: Partial<InvoicingOrder> = {}): InvoicingOrder {
  return anOrder({
    id: `order_${n}`,
    display_id: n,
    customer_id: "cus_emma",
    invoice_account_id: "cus_david",
    email: `order${n}@example.com`,
    billing_address: address("Brussels"),
    lines: [aLine(`line_${n}`, 1, "10")],
    packing_slips: [aSlip(`ful_${n}`, `PS-${n}`, "2026-11-01", [[`line_${n}`, 1]])],
    ...overrides,
  })
}

describe("summary update", () => {
  it("invoice_account makes one invoice of the orders of one invoice account, showing 'multiple' and every packing slip", () => {
    const orders = [shipped(1), shipped(2, { customer_id: "cus_david" }), shipped(3)]
    const { groups } = propose(orders, { summary_update: "invoice_account" })
    expect(groups).toHaveLength(1)
    expect(groups[0].orders.map((o) => o.id)).toEqual(["order_1", "order_2", "order_3"])
    expect(groups[0].packing_slip_number).toBe("multiple")
    expect(groups[0].packing_slips.map((s) => s.number)).toEqual(["PS-1", "PS-2", "PS-3"])
    expect(groups[0].keys).toEqual({ invoice_account_id: "cus_david", currency_code: "eur" })
  })

  it("invoice_account never puts two currencies or two invoice accounts on one invoice", () => {
    const orders = [shipped(1), shipped(2, { currency_code: "gbp" }), shipped(3, { invoice_account_id: "cus_anna" })]
    const { groups } = propose(orders, { summary_update: "invoice_account" })
    expect(groups.map((g) => [g.keys.invoice_account_id, g.keys.currency_code, g.orders.length])).toEqual([
      ["cus_david", "eur", 1],
      ["cus_david", "gbp", 1],
      ["cus_anna", "eur", 1],
    ])
  })

  it.each([
    ["region", { region_id: "reg_2" }],
    ["sales_channel", { sales_channel_id: "sc_2" }],
    ["billing_address", { billing_address: address("Ghent") }],
  ] as const)("the match key %s keeps orders that differ in it on separate invoices", (key, difference) => {
    const orders = [shipped(1), shipped(2, difference)]
    expect(propose(orders, { summary_update: "invoice_account" }).groups).toHaveLength(1)
    expect(propose(orders, { summary_update: "invoice_account", match_keys: [key] }).groups).toHaveLength(2)
  })

  it("billing addresses that differ only in letter case and spacing are the same address", () => {
    const orders = [shipped(1), shipped(2, { billing_address: { ...address("Brussels"), city: " BRUSSELS " } })]
    expect(propose(orders, { summary_update: "invoice_account", match_keys: ["billing_address"] }).groups).toHaveLength(1)
  })

  it("an invoice account's invoice carries the account's name, e-mail, address and payment terms", () => {
    const [invoice] = propose([shipped(1), shipped(2)], { summary_update: "invoice_account", invoice_date: "2026-11-20" }).groups
    expect(invoice.bill_to).toEqual({ name: "Peeters Interiors", email: "cus_david@example.com", address: accounts.cus_david.billing_address })
    expect(invoice.due_date).toBe("2026-12-20")
  })

  it("order mode puts the account's orders on the lead order's header", () => {
    const orders = [shipped(1), shipped(2, { billing_address: address("Ghent") }), shipped(3)]
    const { groups } = propose(orders, { summary_update: "order", lead_order_id: "order_2" })
    expect(groups).toHaveLength(1)
    expect(groups[0].lead_order_id).toBe("order_2")
    expect(groups[0].bill_to).toEqual({ name: "Emma Janssens", email: "order2@example.com", address: address("Ghent") })
    expect(groups[0].due_date).toBe("2026-12-24")
  })

  it("order mode without a lead order leads with the account's first order", () => {
    const { groups } = propose([shipped(3), shipped(1)], { summary_update: "order" })
    expect(groups[0].lead_order_id).toBe("order_1")
  })

  it("order mode proposes an order that cannot join the lead order as its own invoice, naming the key that kept it apart", () => {
    const orders = [shipped(1), shipped(2, { currency_code: "gbp" }), shipped(3, { region_id: "reg_2" }), shipped(4)]
    const { groups } = propose(orders, { summary_update: "order", match_keys: ["region"], lead_order_id: "order_1" })
    expect(groups.map((g) => [g.orders.map((o) => o.id), g.lead_order_id, g.kept_apart_by])).toEqual([
      [["order_1", "order_4"], "order_1", null],
      [["order_2"], "order_2", ["currency"]],
      [["order_3"], "order_3", ["region"]],
    ])
    expect(groups[1].bill_to.email).toBe("order2@example.com")
  })

  it("a lead order of another invoice account leads nothing there: each account leads with its own order", () => {
    const orders = [shipped(1), shipped(2, { invoice_account_id: "cus_anna" }), shipped(3, { invoice_account_id: "cus_anna" })]
    const { groups } = propose(orders, { summary_update: "order", lead_order_id: "order_3" })
    expect(groups.map((g) => [g.invoice_account_id, g.lead_order_id, g.orders.length])).toEqual([
      ["cus_david", "order_1", 1],
      ["cus_anna", "order_3", 2],
    ])
  })

  it("auto groups each invoice account by its own default summary update", () => {
    const orders = [shipped(1), shipped(2), shipped(3, { invoice_account_id: "cus_anna" }), shipped(4, { invoice_account_id: "cus_anna" })]
    const { groups } = propose(orders, { summary_update: "auto" })
    expect(groups.map((g) => [g.invoice_account_id, g.summary_update, g.orders.length])).toEqual([
      ["cus_david", "none", 1],
      ["cus_david", "none", 1],
      ["cus_anna", "invoice_account", 2],
    ])
  })

  it("regrouping the same selection changes the invoices, not what is invoiced", () => {
    const orders = [shipped(1), shipped(2), shipped(3)]
    const none = propose(orders, { summary_update: "none" }).groups
    const combined = propose(orders, { summary_update: "invoice_account" }).groups
    expect([none.length, combined.length]).toEqual([3, 1])
    const lines = (groups: typeof none) => groups.flatMap((g) => g.lines.map((l) => [l.line_item_id, l.quantity, l.total])).sort()
    expect(lines(combined)).toEqual(lines(none))
    expect(combined[0].totals.total).toBe("33")
  })
})
