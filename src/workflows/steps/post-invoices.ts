import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import { INVOICES_POSTED, type InvoicesPostedEvent } from "../../events"
import type { PostOutcome } from "../../modules/invoicing/types"
import { invoicingService } from "../invoicing-orders/read-orders"
import type { CreditCheckedProposal } from "./check-credit"

function reasonOf(error: unknown): { type: string; message: string } {
  if (error instanceof MedusaError) {
    return { type: error.type, message: error.message }
  }
  return { type: "database_error", message: (error as Error)?.message ?? String(error) }
}

async function announcePosted(container: MedusaContainer, data: InvoicesPostedEvent): Promise<void> {
  if (data.ids.length) await container.resolve(Modules.EVENT_BUS).emit({ name: INVOICES_POSTED, data })
}

/**
 * Posts each proposed invoice in its own transaction; a group blocked by its credit check
 * or that fails is reported with its reason and the others still post (DESIGN §3.6). No compensation: posted
 * invoices are final, corrected only by credit notes. Announces what it posted, for printing:
 * each invoice as it is posted (print mode "current"), or all of them at the end in number order.
 */
export const postInvoicesStep = createStep(
  "post-invoices",
  async (input: { proposal: CreditCheckedProposal; parameters: PostingParameters; idempotency_key: string | null }, { container }) => {
    const service = invoicingService(container)
    const alreadyPosted = input.idempotency_key ? await service.findPostedByIdempotencyKey(input.idempotency_key) : new Map()
    const outcomes: PostOutcome[] = []
    const print = input.parameters.print
    for (const group of input.proposal.groups) {
      const replay = alreadyPosted.get(group.group_key)
      if (replay) {
        outcomes.push({ group_key: group.group_key, invoice: replay, replayed: true })
        continue
      }
      if (group.credit_check.status === "blocked") {
        outcomes.push({ group_key: group.group_key, error: { type: "credit_blocked", message: group.credit_check.reason! } })
        continue
      }
      try {
        const invoice = await service.postInvoice({
          ...group,
          quantity_mode: input.parameters.quantity,
          print_charges: input.parameters.print_charges,
          idempotency_key: input.idempotency_key,
        })
        outcomes.push({ group_key: group.group_key, invoice, replayed: false })
        if (print.mode === "current") await announcePosted(container, { ids: [invoice.id], print })
      } catch (error) {
        outcomes.push({ group_key: group.group_key, error: reasonOf(error) })
      }
    }
    if (print.mode === "after") {
      const posted = outcomes.flatMap((o) => ("invoice" in o && !o.replayed ? [o.invoice] : []))
      posted.sort((a, b) => a.number.localeCompare(b.number))
      await announcePosted(container, { ids: posted.map((i) => i.id), print })
    }
    return new StepResponse(outcomes)
  }
)
