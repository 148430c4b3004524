import type { MedusaContainer } from "@medusajs/framework/types"
import type { InvoicingOrder } from "../../domain/invoicing-order"
import { invoicingService, readDecimalDigits, readMedusaOrders } from "./read-orders"
import { toInvoicingOrder } from "./to-invoicing-order"

export type LoadedOrders = { orders: InvoicingOrder[]; payment_terms: Record<string, number | null> }

/**
 * Reads orders with everything invoicing needs: Medusa's order data, the invoicing
 * balances and the invoice accounts' profiles, in a few set-based queries.
 */
export async function loadInvoicingOrders(container: MedusaContainer, orderIds: string[]): Promise<LoadedOrders> {
  const medusaOrders = await readMedusaOrders(container, orderIds)
  const ids = medusaOrders.map((o) => o.id)
  const service = invoicingService(container)
  const customerIds = [...new Set(medusaOrders.map((o) => o.customer_id).filter(Boolean))]
  const [state, digits, profiles] = await Promise.all([
    service.readInvoicingState(ids),
    readDecimalDigits(container, medusaOrders.map((o) => o.currency_code)),
    service.listInvoicingProfiles({ customer_id: customerIds }),
  ])
  const accountOf = new Map(profiles.map((p) => [p.customer_id, p.invoice_account_id ?? p.customer_id]))
  const accountIds = [...new Set(customerIds.map((c) => accountOf.get(c) ?? c))]
  const accountProfiles = await service.listInvoicingProfiles({ customer_id: accountIds })
  const orders = medusaOrders.map((o) =>
    toInvoicingOrder(o, state, digits.get(o.currency_code) ?? 2, o.customer_id ? accountOf.get(o.customer_id) ?? o.customer_id : null)
  )
  const paymentTerms = Object.fromEntries(accountProfiles.map((p) => [p.customer_id, p.payment_terms_days ?? null]))
  return { orders, payment_terms: paymentTerms }
}
