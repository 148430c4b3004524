import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import type { PostOutcome } from "../../modules/invoicing/types"
import { invoicingService } from "../invoicing-orders/read-orders"
import type { CreditCheckedProposal } from "./check-credit"

function reasonOf(error: unknown): { type: string; message: string } {
  if (error instanceof MedusaError) {
    return { type: error.type, message: error.message }
  }
  return { type: "database_error", message: (error as Error)?.message ?? String(error) }
}

/**
 * Posts each proposed invoice in its own transaction; a group blocked by its credit check
 * or that fails is reported with its reason and the others still post (DESIGN §3.6). No compensation: posted
 * invoices are final, corrected only by credit notes.
 */
export const postInvoicesStep = createStep(
  "post-invoices",
  async (input: { proposal: CreditCheckedProposal; parameters: PostingParameters; idempotency_key: string | null }, { container }) => {
    const service = invoicingService(container)
    const alreadyPosted = input.idempotency_key ? await service.findPostedByIdempotencyKey(input.idempotency_key) : new Map()
    const outcomes: PostOutcome[] = []
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
      } catch (error) {
        outcomes.push({ group_key: group.group_key, error: reasonOf(error) })
      }
    }
    return new StepResponse(outcomes)
  }
)
