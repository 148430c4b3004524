import { model } from "@medusajs/framework/utils"

/**
 * A few hundred orders of a run, posted by whichever worker claims the chunk. A retried
 * chunk posts under the same idempotency key, so it never invoices anything twice.
 */
export const BatchRunChunk = model
  .define(
    { name: "BatchRunChunk", tableName: "invoicing_run_chunk" },
    {
      id: model.id({ prefix: "ivchunk" }).primaryKey(),
      run_id: model.text().index(),
      position: model.number(),
      order_ids: model.json(),
      status: model.enum(["queued", "running", "succeeded", "failed"]).default("queued"),
      attempts: model.number().default(0),
      outcome: model.json().nullable(),
      claimed_at: model.dateTime().nullable(),
      worker: model.text().nullable(),
    }
  )
  .indexes([{ on: ["run_id", "position"], unique: true }])
