import type { InvoicingOrder } from "./invoicing-order"
import { type Amount, big, sum, toAmount } from "./money"
import type { CreditCheck, QuantityMode } from "./posting-parameters"
import type { ProposedInvoice } from "./propose"
import { OrderProgress, priceOrderPart } from "./proration"
import { invoiceableQuantities } from "./quantities"

/** An invoice account's credit limit, from its invoicing profile. */
export type CreditLimit = { amount: Amount; currency_code: string; mandatory: boolean }

/** What an account owes and has in the pipeline, in the currency of its credit limit. */
export type AccountExposure = {
  /** Posted invoices less credit notes less payments. */
  open_balance: Amount
  /** Value of shipped, not yet invoiced quantities of its orders outside this proposal. */
  shipped_not_invoiced: Amount
  /** Value of all not yet invoiced quantities of its orders outside this proposal. */
  not_invoiced: Amount
}

export type CreditCheckOutcome = {
  mode: CreditCheck
  limit: Amount | null
  exposure: Amount | null
  available: Amount | null
  status: "ok" | "blocked"
  reason: string | null
  /**
   * The mode's not-invoiced value, which posting adds to the open balance it re-reads under
   * the account's lock (where invoices posted meanwhile, by this request or another, are).
   */
  pipeline: Amount
}

/** A profile flagged mandatory is checked at "balance" even when the posting asks for none. */
export function effectiveCreditCheck(requested: CreditCheck, limit: CreditLimit | null): CreditCheck {
  return requested === "none" && limit?.mandatory ? "balance" : requested
}

/** Which not-yet-invoiced quantities a mode counts beside the open balance. */
export function pipelineQuantity(mode: CreditCheck): QuantityMode | null {
  return mode === "balance_packing_slip" ? "packing_slip" : mode === "balance_all" ? "all" : null
}

/**
 * The value an order would still bring onto invoices: what invoicing its `mode` quantities
 * would total now, charges included; a canceled order brings nothing.
 */
export function notInvoicedValue(order: InvoicingOrder, mode: QuantityMode): Amount {
  const allocations = order.status === "canceled" ? [] : invoiceableQuantities(order, mode)
  if (!allocations.length) return "0"
  const { lines, charges } = priceOrderPart(new OrderProgress(order), allocations, true)
  return toAmount(sum([...lines, ...charges].map((x) => x.total)))
}

/**
 * The account's pipeline beside a proposal: every order's not-invoiced value less what the
 * proposal's invoices take of it (never below zero), so nothing counts twice.
 */
export function pipelineValue(orders: InvoicingOrder[], mode: QuantityMode, proposal: ProposedInvoice[]): Amount {
  const proposed = new Map<string, ReturnType<typeof big>>()
  for (const group of proposal) {
    for (const x of [...group.lines, ...group.charges]) {
      proposed.set(x.order_id, (proposed.get(x.order_id) ?? big(0)).plus(x.total))
    }
  }
  return toAmount(
    sum(
      orders.map((order) => {
        const rest = big(notInvoicedValue(order, mode)).minus(proposed.get(order.id) ?? 0)
        return rest.isNegative() ? big(0) : rest
      })
    )
  )
}

const money = (amount: Amount, currency: string) => `${big(amount).toFixed()} ${currency.toUpperCase()}`

/**
 * One invoice against a limit: `before` is what the account is exposed to without it.
 * Exactly reaching the limit passes.
 */
export function judgeExposure(input: { mode: CreditCheck; limit: Amount; before: Amount; invoice_total: Amount; currency_code: string }) {
  const exposure = big(input.before).plus(input.invoice_total)
  const available = big(input.limit).minus(input.before)
  const blocked = exposure.isGreaterThan(input.limit)
  const figure = (amount: ReturnType<typeof big> | Amount) => money(typeof amount === "string" ? amount : toAmount(amount), input.currency_code)
  return {
    exposure: toAmount(exposure),
    available: toAmount(available),
    blocked,
    reason: blocked
      ? `credit limit exceeded (${input.mode}): exposure ${figure(exposure)} is above the limit ${figure(input.limit)}; ` +
        `${figure(available)} available, this invoice is ${figure(input.invoice_total)}`
      : null,
  }
}

/** A proposed invoice with the outcome of its credit check. */
export type CreditCheckedInvoice = ProposedInvoice & { credit_check: CreditCheckOutcome }

/**
 * Checks each proposed invoice against its account's credit limit, in proposal order: an
 * invoice that fits adds to the exposure of the account's next invoices; one that does not is
 * blocked and adds nothing. An account without a limit is never blocked.
 */
export function checkCredit(
  groups: ProposedInvoice[],
  requested: CreditCheck,
  accounts: Record<string, { limit: CreditLimit | null; exposure: AccountExposure }>
): Map<string, CreditCheckOutcome> {
  const accepted = new Map<string, ReturnType<typeof big>>()
  const outcomes = new Map<string, CreditCheckOutcome>()
  for (const group of groups) {
    const account = accounts[group.invoice_account_id]
    const limit = account?.limit ?? null
    const mode = effectiveCreditCheck(requested, limit)
    const unchecked = (reason: string | null): CreditCheckOutcome => ({
      mode,
      limit: limit?.amount ?? null,
      exposure: null,
      available: null,
      status: "ok",
      reason,
      pipeline: "0",
    })
    if (mode === "none" || !limit) {
      outcomes.set(group.group_key, unchecked(null))
      continue
    }
    if (limit.currency_code !== group.currency_code) {
      outcomes.set(group.group_key, unchecked(`the credit limit is in ${limit.currency_code.toUpperCase()}; invoices in ${group.currency_code.toUpperCase()} are not checked against it`))
      continue
    }
    const exposure = account.exposure
    const pipeline =
      mode === "balance_packing_slip" ? exposure.shipped_not_invoiced : mode === "balance_all" ? exposure.not_invoiced : "0"
    const before = big(exposure.open_balance).plus(pipeline).plus(accepted.get(group.invoice_account_id) ?? 0)
    const judged = judgeExposure({
      mode,
      limit: limit.amount,
      before: toAmount(before),
      invoice_total: group.totals.total,
      currency_code: group.currency_code,
    })
    if (!judged.blocked) accepted.set(group.invoice_account_id, (accepted.get(group.invoice_account_id) ?? big(0)).plus(group.totals.total))
    outcomes.set(group.group_key, {
      mode,
      limit: limit.amount,
      exposure: judged.exposure,
      available: judged.available,
      status: judged.blocked ? "blocked" : "ok",
      reason: judged.reason,
      pipeline: toAmount(big(pipeline)),
    })
  }
  return outcomes
}
