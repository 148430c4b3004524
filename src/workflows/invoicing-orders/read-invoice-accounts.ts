import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type BilledTo, type InvoiceAccount, invoiceAccountOf } from "../../domain/invoice-account"
import { invoicingService } from "./read-orders"

/** Profile chains are short; this bounds the lookups should one ever loop. */
const MAX_CHAIN = 20

export type InvoiceAccounts = {
  /** The invoice account of each customer asked for. */
  accountOf: Map<string, string>
  accounts: Record<string, InvoiceAccount>
}

/**
 * The invoice accounts of some customers with their header data: one profile query per
 * level of billing chain, and one customer query, whatever the number of customers.
 */
export async function readInvoiceAccounts(container: MedusaContainer, customerIds: string[]): Promise<InvoiceAccounts> {
  const service = invoicingService(container)
  const billedTo: BilledTo = new Map()
  const profiles = new Map<string, Awaited<ReturnType<typeof service.listInvoicingProfiles>>[number]>()
  let pending = [...new Set(customerIds)]
  for (let level = 0; pending.length && level < MAX_CHAIN; level++) {
    for (const id of pending) billedTo.set(id, null)
    const found = await service.listInvoicingProfiles({ customer_id: pending })
    for (const profile of found) {
      profiles.set(profile.customer_id, profile)
      billedTo.set(profile.customer_id, profile.invoice_account_id)
    }
    pending = found.flatMap((p) => (p.invoice_account_id && !billedTo.has(p.invoice_account_id) ? [p.invoice_account_id] : []))
  }

  const accountOf = new Map(customerIds.map((id) => [id, invoiceAccountOf(id, billedTo)]))
  const accountIds = [...new Set(accountOf.values())]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = accountIds.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name", "company_name", "addresses.*"],
        filters: { id: accountIds },
      })
    : { data: [] }

  const accounts: Record<string, InvoiceAccount> = {}
  for (const customer of customers as any[]) {
    const profile = profiles.get(customer.id)
    const address = (customer.addresses ?? []).find((a: any) => a.is_default_billing) ?? null
    accounts[customer.id] = {
      id: customer.id,
      name: customerName(customer),
      email: profile?.email ?? customer.email ?? null,
      billing_address: address && billingAddress(address),
      payment_terms_days: profile?.payment_terms_days ?? null,
      default_summary_update: profile?.default_summary_update ?? "none",
    }
  }
  return { accountOf, accounts }
}

/** A customer as documents and lists name it: the company, else first and last name. */
export function customerName(customer: { company_name?: string | null; first_name?: string | null; last_name?: string | null }): string | null {
  return customer.company_name || [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null
}

/** A customer address in the shape of an order's billing address. */
function billingAddress(address: any): Record<string, unknown> {
  const fields = ["company", "first_name", "last_name", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone"]
  return Object.fromEntries(fields.map((f) => [f, address[f] ?? null]))
}

/** Every customer whose orders are billed to one of these accounts (the accounts included), one query per chain level. */
export async function customersBilledTo(container: MedusaContainer, accountIds: string[]): Promise<Map<string, string>> {
  const service = invoicingService(container)
  const accountOf = new Map(accountIds.map((id) => [id, id]))
  let frontier = accountIds
  for (let level = 0; frontier.length && level < MAX_CHAIN; level++) {
    const billed = await service.listInvoicingProfiles({ invoice_account_id: frontier })
    frontier = []
    for (const profile of billed) {
      if (!accountOf.has(profile.customer_id)) {
        accountOf.set(profile.customer_id, accountOf.get(profile.invoice_account_id!)!)
        frontier.push(profile.customer_id)
      }
    }
  }
  return accountOf
}
