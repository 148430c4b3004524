import { model } from "@medusajs/framework/utils"

/** One batch posting: its selection as evaluated when it started, split into chunks any worker can take. */
export const BatchRun = model.define(
  { name: "BatchRun", tableName: "invoicing_run" },
  {
    id: model.id({ prefix: "ivrun" }).primaryKey(),
    schedule_id: model.text().index().nullable(),
    status: model.enum(["queued", "running", "succeeded", "partially_failed", "failed"]).default("queued"),
    selection: model.json(),
    parameters: model.json(),
    selected: model.number().default(0),
    posted: model.number().default(0),
    skipped: model.number().default(0),
    chunks_total: model.number().default(0),
    chunks_done: model.number().default(0),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  }
)
