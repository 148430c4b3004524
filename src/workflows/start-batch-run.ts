import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { RUN_CHUNK_READY } from "../events"
import { type CreateBatchRunInput, createBatchRunStep } from "./steps/create-batch-run"

/** Starts a batch posting: selects the orders, writes the run and its chunks, and offers each chunk to the workers. */
export const startBatchRunWorkflow = createWorkflow("invoicing-start-batch-run", (input: CreateBatchRunInput) => {
  const run = createBatchRunStep(input)
  emitEventStep({
    eventName: RUN_CHUNK_READY,
    data: transform({ run }, ({ run }) => run.chunk_ids.map((chunk_id) => ({ chunk_id }))),
  })
  return new WorkflowResponse(run)
})
