import type { MedusaContainer } from "@medusajs/framework/types"
import type { InvoiceAccount } from "../../domain/invoice-account"
import type { InvoicingOrder } from "../../domain/invoicing-order"
import { readInvoiceAccounts } from "./read-invoice-accounts"
import { readOrdersForInvoicing } from "./read-order-tables"
import { invoicingService, readDecimalDigits } from "./read-orders"
import { invoicingStateByOrder, toInvoicingOrder } from "./to-invoicing-order"

export type LoadedOrders = { orders: InvoicingOrder[]; accounts: Record<string, InvoiceAccount> }

/**
 * Reads orders, in the order given, with everything invoicing needs: Medusa's order data, the invoicing
 * balances and the invoice accounts, in a few set-based queries.
 */
export async function loadInvoicingOrders(container: MedusaContainer, orderIds: string[]): Promise<LoadedOrders> {
  const medusaOrders = await readOrdersForInvoicing(container, orderIds)
  const ids = medusaOrders.map((o) => o.id)
  const customerIds = [...new Set(medusaOrders.map((o) => o.customer_id).filter(Boolean))] as string[]
  const [state, digits, { accountOf, accounts }] = await Promise.all([
    invoicingService(container).readInvoicingState(ids),
    readDecimalDigits(container, medusaOrders.map((o) => o.currency_code)),
    readInvoiceAccounts(container, customerIds),
  ])
  const stateOf = invoicingStateByOrder(state)
  const orders = medusaOrders.map((o) =>
    toInvoicingOrder(o, stateOf(o.id), digits.get(o.currency_code) ?? 2, o.customer_id ? accountOf.get(o.customer_id) ?? o.customer_id : null)
  )
  return { orders, accounts }
}
