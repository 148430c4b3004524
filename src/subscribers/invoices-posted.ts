import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { INVOICES_POSTED, type InvoicesPostedEvent } from "../events"
import { printPostedInvoices } from "../workflows/documents/print-posted-invoices"

/** Posted invoices are printed as the posting's print parameters and print management say: stored, copies, e-mailed. */
export default async function printPosted({ event, container }: SubscriberArgs<InvoicesPostedEvent>) {
  if (event.data.print.invoice) await printPostedInvoices(container, event.data.ids, event.data.print)
}

export const config: SubscriberConfig = {
  event: INVOICES_POSTED,
  context: { subscriberId: "invoicing-print-posted-invoices" },
}
