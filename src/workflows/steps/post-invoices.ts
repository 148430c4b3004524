import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PostingParameters } from "../../domain/posting-parameters"
import { INVOICES_POSTED, type InvoicesPostedEvent } from "../../events"
import type InvoicingModuleService from "../../modules/invoicing/service"
import type { InvoiceDraft, PostOutcome } from "../../modules/invoicing/types"
import { invoicingService } from "../invoicing-orders/read-orders"
import type { ProposalChange } from "../../domain/proposal-snapshot"
import type { ProposedInvoice, SkippedOrder } from "../../domain/propose"
import { pagesByInvoiceAccount } from "../../domain/posting-pages"
import { readAhead } from "../../domain/read-ahead"
import { changesSinceProposal } from "../invoicing-orders/changes-since-proposal"
import { readInvoiceAccounts } from "../invoicing-orders/read-invoice-accounts"
import { readOrderCustomers } from "../invoicing-orders/read-order-tables"
import { type CreditCheckedProposal, proposeWithCreditCheck } from "./propose-with-credit-check"

/** Invoices posted per transaction: a few statements for all of them; a failure costs one batch's retry alone. */
const POSTING_BATCH = 200

function reasonOf(error: unknown): { type: string; message: string } {
  if (error instanceof MedusaError) {
    return { type: error.type, message: error.message }
  }
  return { type: "database_error", message: (error as Error)?.message ?? String(error) }
}

async function announcePosted(container: MedusaContainer, data: InvoicesPostedEvent): Promise<void> {
  if (data.ids.length) await container.resolve(Modules.EVENT_BUS).emit({ name: INVOICES_POSTED, data })
}

type DraftResult = { invoice: { id: string; number: string } } | { error: { type: string; message: string } }

/**
 * Posts a batch of drafts in one transaction. Should the batch fail as a whole (an error no
 * check foresaw), nothing of it was written: each draft is then posted in its own
 * transaction, so the failing one fails alone and the others still post.
 */
async function postBatch(service: InvoicingModuleService, drafts: InvoiceDraft[]): Promise<DraftResult[]> {
  try {
    const outcomes = await service.postInvoices(drafts)
    return outcomes.map((o) => ("refused" in o ? { error: reasonOf(o.refused) } : o))
  } catch {
    const results: DraftResult[] = []
    for (const draft of drafts) {
      try {
        results.push({ invoice: await service.postInvoice(draft) })
      } catch (error) {
        results.push({ error: reasonOf(error) })
      }
    }
    return results
  }
}

/**
 * Posts the proposed invoices in batches, announcing each batch for printing in print mode
 * "current"; an outcome per group, in proposal order, and the invoices it posted.
 */
async function postProposedInvoices(
  container: MedusaContainer,
  proposal: CreditCheckedProposal,
  parameters: PostingParameters,
  idempotencyKey: string | null,
  alreadyPosted: Map<string, { id: string; number: string }>
): Promise<{ outcomes: PostOutcome[]; posted: { id: string; number: string }[] }> {
  const service = invoicingService(container)
  const print = parameters.print
  const outcomes = new Map<string, PostOutcome>()
  const drafts: InvoiceDraft[] = []
  for (const group of proposal.groups) {
    const replay = alreadyPosted.get(group.group_key)
    if (replay) {
      outcomes.set(group.group_key, { group_key: group.group_key, invoice: replay, replayed: true })
    } else if (group.credit_check.status === "blocked") {
      outcomes.set(group.group_key, { group_key: group.group_key, error: { type: "credit_blocked", message: group.credit_check.reason! } })
    } else {
      drafts.push({ ...group, quantity_mode: parameters.quantity, print_charges: parameters.print_charges, idempotency_key: idempotencyKey })
    }
  }
  const posted: { id: string; number: string }[] = []
  for (let start = 0; start < drafts.length; start += POSTING_BATCH) {
    const batch = drafts.slice(start, start + POSTING_BATCH)
    const results = await postBatch(service, batch)
    const batchPosted = results.flatMap((r) => ("invoice" in r ? [r.invoice] : []))
    results.forEach((r, i) => {
      const group_key = batch[i].group_key
      outcomes.set(group_key, "invoice" in r ? { group_key, invoice: r.invoice, replayed: false } : { group_key, error: r.error })
    })
    posted.push(...batchPosted)
    if (print.mode === "current") await announcePosted(container, { ids: batchPosted.map((i) => i.id), print })
  }
  return { outcomes: proposal.groups.map((g) => outcomes.get(g.group_key)!), posted }
}

/** Orders posted per page: their data, proposal and drafts are in memory one page at a time. */
const POSTING_PAGE = 1000

/**
 * The pages a selection is posted in (see pagesByInvoiceAccount). With a proposal token,
 * one page: the token stands for the one proposal the user saw and is compared whole.
 */
async function postingPages(container: MedusaContainer, input: PostInvoicesStepInput): Promise<string[][]> {
  if (input.proposal_token || input.order_ids.length <= POSTING_PAGE) return [input.order_ids]
  const orders = await readOrderCustomers(container, input.order_ids)
  const { accountOf } = await readInvoiceAccounts(container, orders.flatMap((o) => (o.customer_id ? [o.customer_id] : [])))
  const withAccounts = orders.map((o) => ({ id: o.id, invoice_account_id: o.customer_id ? accountOf.get(o.customer_id) ?? o.customer_id : null }))
  return pagesByInvoiceAccount(withAccounts, POSTING_PAGE)
}

/** What a posting reports: each proposed group (its orders and line count), the skipped orders, what changed, the outcomes. */
export type PostingReport = {
  proposal: { groups: (Pick<ProposedInvoice, "group_key" | "orders"> & { line_count: number })[]; skipped: SkippedOrder[] }
  changes: ProposalChange[]
  /** Absent when the proposal changed and nothing was posted. */
  outcomes?: PostOutcome[]
}

export type PostInvoicesStepInput = {
  order_ids: string[]
  parameters: PostingParameters
  idempotency_key: string | null
  proposal_token: string | null
}

/**
 * Proposes, checks credit and, unless the proposal changed since its token was given,
 * posts each proposed invoice, page by page; a group blocked by its credit check or that
 * fails is reported with its reason and the others still post (DESIGN §3.6). One step, so
 * that orders and proposals (thousands of lines) are not copied from step to step. No
 * compensation: posted invoices are final, corrected only by credit notes. In print mode
 * "after", announces every invoice it posted at the end, in number order.
 */
export const postInvoicesStep = createStep("post-invoices", async (input: PostInvoicesStepInput, { container }) => {
  const alreadyPosted = input.idempotency_key ? await invoicingService(container).findPostedByIdempotencyKey(input.idempotency_key) : new Map()
  const report: Required<PostingReport> = { proposal: { groups: [], skipped: [] }, changes: [], outcomes: [] }
  const posted: { id: string; number: string }[] = []
  const pages = await postingPages(container, input)
  // Pages share no invoice account, so what one page posts changes nothing the next page's
  // proposal or credit check reads: the next page is read while this one posts.
  for await (const [page, checked] of readAhead(pages, (p) => proposeWithCreditCheck(container, p, input.parameters))) {
    const changes = changesSinceProposal(input.proposal_token, page, input.parameters, checked)
    if (changes.length) return new StepResponse<PostingReport>({ ...report, changes, outcomes: undefined })
    const result = await postProposedInvoices(container, checked.proposal, input.parameters, input.idempotency_key, alreadyPosted)
    const { groups, skipped } = checked.proposal
    report.proposal.groups.push(...groups.map((g) => ({ group_key: g.group_key, orders: g.orders, line_count: g.lines.length })))
    report.proposal.skipped.push(...skipped)
    report.outcomes.push(...result.outcomes)
    posted.push(...result.posted)
  }
  if (input.parameters.print.mode === "after") {
    posted.sort((a, b) => a.number.localeCompare(b.number))
    await announcePosted(container, { ids: posted.map((i) => i.id), print: input.parameters.print })
  }
  return new StepResponse<PostingReport>(report)
})
