import type { MedusaContainer } from "@medusajs/framework/types"
import { type CreditCheckedInvoice, checkCredit } from "../../domain/credit-exposure"
import type { PostingParameters } from "../../domain/posting-parameters"
import { type InvoiceProposal, proposeInvoices } from "../../domain/propose"
import { loadInvoicingOrders } from "../invoicing-orders/load-invoicing-orders"
import { readCreditContext } from "../invoicing-orders/read-credit-context"

export type CreditCheckedProposal = Omit<InvoiceProposal, "groups"> & { groups: CreditCheckedInvoice[] }

export type CheckedProposal = {
  proposal: CreditCheckedProposal
  /** Packing slip numbers by fulfillment id, to name them when a proposal changed. */
  packing_slip_numbers: Record<string, string | null>
}

/**
 * Reads the orders, proposes their invoices and gives each its credit check (limit,
 * exposure, what is available, ok or blocked and why), the orders read once.
 */
export async function proposeWithCreditCheck(container: MedusaContainer, orderIds: string[], parameters: PostingParameters): Promise<CheckedProposal> {
  const { orders, accounts } = await loadInvoicingOrders(container, orderIds)
  const today = new Date().toISOString().slice(0, 10)
  const proposal = proposeInvoices(orders, parameters, { today, accounts })
  const context = await readCreditContext(container, proposal.groups, orders, parameters.credit_check)
  const outcomes = checkCredit(proposal.groups, parameters.credit_check, context)
  return {
    proposal: { ...proposal, groups: proposal.groups.map((g) => ({ ...g, credit_check: outcomes.get(g.group_key)! })) },
    packing_slip_numbers: Object.fromEntries(orders.flatMap((o) => o.packing_slips.map((s) => [s.fulfillment_id, s.number]))),
  }
}
