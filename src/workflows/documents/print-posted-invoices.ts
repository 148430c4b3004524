import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PostingParameters } from "../../domain/posting-parameters"
import { printPlan } from "../../domain/print-management"
import { invoicingService } from "../invoicing-orders/read-orders"
import { emailInvoice } from "./email-invoice"
import { invoicePdf } from "./invoice-pdf"

/**
 * Prints posted invoices one after another, in the order given: renders and stores the
 * documents print management asks for and e-mails the original. A failure is logged and
 * does not stop the others: the invoices are posted, and can be printed or sent again.
 */
export async function printPostedInvoices(container: MedusaContainer, invoiceIds: string[], print: PostingParameters["print"]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = invoicingService(container)
  const invoices = await service.listInvoices({ id: invoiceIds }, { select: ["id", "invoice_account_id"] })
  const accountOf = new Map(invoices.map((i) => [i.id, i.invoice_account_id]))
  const [settings, profiles] = await Promise.all([
    service.readSettings(),
    service.listInvoicingProfiles({ customer_id: [...new Set(accountOf.values())] }),
  ])
  for (const id of invoiceIds) {
    const profile = profiles.find((p) => p.customer_id === accountOf.get(id)) ?? null
    const plan = printPlan(print, settings, profile)
    try {
      for (const copy of plan.documents) await invoicePdf(container, id, copy)
      if (plan.email) await emailInvoice(container, id, `invoice-email:${id}:posted`)
    } catch (error) {
      logger.error(`medusa-invoicing: printing invoice ${id} failed: ${(error as Error).message}`)
    }
  }
}
