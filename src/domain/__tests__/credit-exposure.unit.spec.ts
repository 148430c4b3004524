import { type AccountExposure, type CreditLimit, checkCredit, effectiveCreditCheck, notInvoicedValue, pipelineValue } from "../credit-exposure"
import type { CreditCheck } from "../posting-parameters"
import { proposeInvoices } from "../propose"
import { aLine, anOrder, aSlip } from "./order-fixture"

const limit = (amount: string, mandatory = false): CreditLimit => ({ amount, currency_code: "eur", mandatory })
const exposure = (open_balance: string, shipped_not_invoiced = "0", not_invoiced = "0"): AccountExposure => ({
  open_balance,
  shipped_not_invoiced,
  not_invoiced,
})

/** A shipped order of the account cus_1, invoiced for `total` (one line, no tax). */
function proposalOf(...totals: string[]) {
  const orders = totals.map((total, i) =>
    anOrder({
      id: `order_${i}`,
      display_id: i,
      lines: [aLine(`line_${i}`, 1, total, "0")],
      packing_slips: [aSlip(`ful_${i}`, `PS-${i}`, "2026-11-01", [[`line_${i}`, 1]])],
    })
  )
  return proposeInvoices(orders, { quantity: "packing_slip", summary_update: "none", match_keys: [] }, { today: "2026-11-24", accounts: {} }).groups
}

const statuses = (mode: CreditCheck, account: { limit: CreditLimit | null; exposure: AccountExposure }, ...totals: string[]) =>
  [...checkCredit(proposalOf(...totals), mode, { cus_1: account }).values()].map((o) => o.status)

describe("the credit limit check", () => {
  it("balance blocks an invoice that would take the open balance above the limit, and names the figures", () => {
    const [outcome] = checkCredit(proposalOf("300"), "balance", { cus_1: { limit: limit("1000"), exposure: exposure("800") } }).values()
    expect(outcome).toMatchObject({ mode: "balance", limit: "1000", exposure: "1100", available: "200", status: "blocked" })
    expect(outcome.reason).toBe(
      "credit limit exceeded (balance): exposure 1100 EUR is above the limit 1000 EUR; 200 EUR available, this invoice is 300 EUR"
    )
  })

  it("an invoice that takes the exposure exactly to the limit passes", () => {
    expect(statuses("balance", { limit: limit("1000"), exposure: exposure("700") }, "300")).toEqual(["ok"])
  })

  it("balance_packing_slip adds shipped, not invoiced value of other orders: a group that passes under balance is blocked", () => {
    const account = { limit: limit("1000"), exposure: exposure("500", "300", "600") }
    expect(statuses("balance", account, "300")).toEqual(["ok"])
    expect(statuses("balance_packing_slip", account, "300")).toEqual(["blocked"])
  })

  it("balance_all adds everything not invoiced: a group that passes under balance_packing_slip is blocked", () => {
    const account = { limit: limit("1000"), exposure: exposure("500", "100", "300") }
    expect(statuses("balance_packing_slip", account, "300")).toEqual(["ok"])
    expect(statuses("balance_all", account, "300")).toEqual(["blocked"])
  })

  it("invoices of one account in one request add up: the one that no longer fits is blocked, a smaller later one may pass", () => {
    expect(statuses("balance", { limit: limit("1000"), exposure: exposure("0") }, "600", "500", "300")).toEqual(["ok", "blocked", "ok"])
  })

  it("a customer without a credit limit is never blocked", () => {
    expect(statuses("balance_all", { limit: null, exposure: exposure("1000000", "1", "1") }, "300")).toEqual(["ok"])
  })

  it("a mandatory profile is checked at balance even when the posting asks for none", () => {
    expect(effectiveCreditCheck("none", limit("1", true))).toBe("balance")
    expect(effectiveCreditCheck("balance_all", limit("1", true))).toBe("balance_all")
    expect(statuses("none", { limit: limit("1000", true), exposure: exposure("900") }, "300")).toEqual(["blocked"])
    expect(statuses("none", { limit: limit("1000"), exposure: exposure("900") }, "300")).toEqual(["ok"])
  })

  it("an invoice in another currency than the limit is not checked against it, and says so", () => {
    const [outcome] = checkCredit(proposalOf("300"), "balance", {
      cus_1: { limit: { amount: "10", currency_code: "gbp", mandatory: false }, exposure: exposure("0") },
    }).values()
    expect(outcome.status).toBe("ok")
    expect(outcome.reason).toMatch(/limit is in GBP; invoices in EUR are not checked/)
  })

  it("an order's not-invoiced value counts shipped quantities, or all of them, with its charges", () => {
    const order = anOrder({
      lines: [aLine("a", 2, "10", "0"), aLine("b", 1, "5", "0")],
      charges: [{ shipping_method_id: "sm", name: "Post", tax_rate: "0", total: "4", tax_total: "0", discount_subtotal: "0", invoiced: false }],
      packing_slips: [aSlip("ful_1", "PS-1", "2026-11-01", [["a", 1]])],
    })
    expect(notInvoicedValue(order, "packing_slip")).toBe("14")
    expect(notInvoicedValue(order, "all")).toBe("29")
    expect(notInvoicedValue({ ...order, status: "canceled" }, "all")).toBe("0")
  })

  it("what a proposal invoices is not counted again in the pipeline", () => {
    const order = anOrder({ lines: [aLine("a", 2, "10", "0")], packing_slips: [aSlip("ful_1", "PS-1", "2026-11-01", [["a", 1]])] })
    const groups = proposeInvoices([order], { quantity: "packing_slip", summary_update: "none", match_keys: [] }, { today: "2026-11-24", accounts: {} }).groups
    expect(pipelineValue([order], "all", groups)).toBe("10")
    expect(pipelineValue([order], "packing_slip", groups)).toBe("0")
  })
})
