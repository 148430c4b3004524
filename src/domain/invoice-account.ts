import type { SummaryUpdate } from "./posting-parameters"

/** The customer who is billed, with what its invoices carry in their header. */
export type InvoiceAccount = {
  id: string
  name: string | null
  email: string | null
  billing_address: Record<string, unknown> | null
  payment_terms_days: number | null
  /** What summary update "auto" means for this account. */
  default_summary_update: Exclude<SummaryUpdate, "auto">
}

/** A customer's profile setting: who it is billed to (null: itself). */
export type BilledTo = Map<string, string | null>

/**
 * The invoice account of a customer: an account that is itself billed to another customer
 * passes the bill on, so the chain ends at the customer who pays. Chains never loop
 * (profiles are validated with invoiceAccountCycle); a loop would stop where it closes.
 */
export function invoiceAccountOf(customerId: string, billedTo: BilledTo): string {
  const seen = new Set<string>([customerId])
  let account = customerId
  for (;;) {
    const next = billedTo.get(account)
    if (!next || seen.has(next)) return account
    seen.add(next)
    account = next
  }
}

/**
 * The loop that billing `customerId` to `accountId` would close, as the chain of customers
 * from the customer back to itself; null when there is none.
 */
export function invoiceAccountCycle(customerId: string, accountId: string | null, billedTo: BilledTo): string[] | null {
  const chain = [customerId]
  let next = accountId
  while (next && next !== chain[chain.length - 1]) {
    chain.push(next)
    if (next === customerId) return chain
    if (chain.indexOf(next) !== chain.length - 1) return null // a loop elsewhere, not through this customer
    next = billedTo.get(next) ?? null
  }
  return null
}
