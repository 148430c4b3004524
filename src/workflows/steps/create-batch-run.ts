import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { BatchSelection } from "../../domain/batch-run"
import { pagesByInvoiceAccount } from "../../domain/posting-pages"
import type { PostingParameters } from "../../domain/posting-parameters"
import { batchSelectionFilters, selectInvoiceableOrders } from "../invoicing-orders/select-orders"
import { invoicingService } from "../invoicing-orders/read-orders"

export type CreateBatchRunInput = {
  schedule_id: string | null
  selection: BatchSelection
  parameters: PostingParameters
  chunk_size: number
}

/**
 * Evaluates the selection now (late selection: orders shipped since the schedule was saved
 * are in) and writes the run with its chunks, oldest orders first. A chunk holds whole invoice
 * accounts (pagesByInvoiceAccount): chunks are posted apart, and an account split across two
 * would get two invoices under a summary update that gives it one.
 */
export const createBatchRunStep = createStep(
  "create-batch-run",
  async (input: CreateBatchRunInput, { container }) => {
    const mode = input.selection.status === "uninvoiced" ? "all" : "packing_slip"
    const orders = await selectInvoiceableOrders(container, await batchSelectionFilters(container, input.selection), mode)
    const oldestFirst = orders.map((o) => ({ id: o.id, invoice_account_id: o.invoice_account_id })).reverse()
    const run = await invoicingService(container).createRun({
      schedule_id: input.schedule_id,
      selection: input.selection,
      parameters: input.parameters,
      chunks: pagesByInvoiceAccount(oldestFirst, input.chunk_size),
    })
    return new StepResponse(run, run.id)
  },
  // A run that could not be announced is marked failed rather than left queued.
  async (runId: string | undefined, { container }) => {
    if (runId) await invoicingService(container).updateBatchRuns({ id: runId, status: "failed", error: "the run could not be started" })
  }
)
