import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type AccountExposure, type CreditLimit, effectiveCreditCheck, pipelineValue } from "../../domain/credit-exposure"
import type { InvoicingOrder } from "../../domain/invoicing-order"
import type { CreditCheck } from "../../domain/posting-parameters"
import type { ProposedInvoice } from "../../domain/propose"
import { decimal } from "./decimal"
import { loadInvoicingOrders } from "./load-invoicing-orders"
import { customersBilledTo } from "./read-invoice-accounts"
import { invoicingService } from "./read-orders"

export type CreditContext = Record<string, { limit: CreditLimit | null; exposure: AccountExposure }>

const today = () => new Date().toISOString().slice(0, 10)

/** The credit limits of some invoice accounts, from their profiles; accounts without one are left out. */
export async function readCreditLimits(container: MedusaContainer, accountIds: string[]): Promise<Map<string, CreditLimit>> {
  const profiles = accountIds.length ? await invoicingService(container).listInvoicingProfiles({ customer_id: accountIds }) : []
  return new Map(
    profiles
      .filter((p) => p.credit_limit !== null && p.credit_limit !== undefined && p.credit_limit_currency_code)
      .map((p) => [
        p.customer_id,
        { amount: decimal(p.credit_limit), currency_code: p.credit_limit_currency_code!, mandatory: p.credit_check_mandatory },
      ])
  )
}

/**
 * What each account is exposed to, in `currency` per account, beside the proposed invoices:
 * its open balance, and — only when asked — the not-invoiced value of all its orders, read
 * in a few set-based queries (profiles per chain level, one order query, the orders' state).
 */
export async function readExposures(
  container: MedusaContainer,
  currencyOf: Map<string, string>,
  options: { pipeline: boolean; known: InvoicingOrder[]; proposal: ProposedInvoice[] }
): Promise<Record<string, AccountExposure>> {
  const accountIds = [...currencyOf.keys()]
  const exposures: Record<string, AccountExposure> = {}
  if (!accountIds.length) return exposures
  const balances = await invoicingService(container).readAccountBalances(accountIds, today())
  for (const id of accountIds) {
    const balance = balances.find((b) => b.invoice_account_id === id && b.currency_code === currencyOf.get(id))
    exposures[id] = { open_balance: balance?.open_balance ?? "0", shipped_not_invoiced: "0", not_invoiced: "0" }
  }
  if (!options.pipeline) return exposures

  const accountOf = await customersBilledTo(container, accountIds)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "currency_code"],
    filters: { customer_id: [...accountOf.keys()] },
  })
  const wanted = data.filter((o: any) => currencyOf.get(accountOf.get(o.customer_id)!) === o.currency_code)
  const known = new Map(options.known.map((o) => [o.id, o]))
  const missing = wanted.filter((o: any) => !known.has(o.id)).map((o: any) => o.id)
  const loaded = missing.length ? (await loadInvoicingOrders(container, missing)).orders : []
  const orders = [...wanted.map((o: any) => known.get(o.id)).filter(Boolean), ...loaded] as InvoicingOrder[]
  for (const id of accountIds) {
    const mine = orders.filter((o) => accountOf.get(o.customer_id ?? "") === id)
    const proposed = options.proposal.filter((g) => g.invoice_account_id === id)
    exposures[id].shipped_not_invoiced = pipelineValue(mine, "packing_slip", proposed)
    exposures[id].not_invoiced = pipelineValue(mine, "all", proposed)
  }
  return exposures
}

/** Limits and exposures for the accounts of a proposal that the credit check will look at. */
export async function readCreditContext(
  container: MedusaContainer,
  proposal: ProposedInvoice[],
  known: InvoicingOrder[],
  requested: CreditCheck
): Promise<CreditContext> {
  const limits = await readCreditLimits(container, [...new Set(proposal.map((g) => g.invoice_account_id))])
  const checked = [...limits].filter(([, limit]) => effectiveCreditCheck(requested, limit) !== "none")
  const modes = new Set(checked.map(([, limit]) => effectiveCreditCheck(requested, limit)))
  const exposures = await readExposures(container, new Map(checked.map(([id, limit]) => [id, limit.currency_code])), {
    pipeline: modes.has("balance_packing_slip") || modes.has("balance_all"),
    known,
    proposal,
  })
  return Object.fromEntries(checked.map(([id, limit]) => [id, { limit, exposure: exposures[id] }]))
}
