import { model } from "@medusajs/framework/utils"

/**
 * A recurring batch posting: a saved selection (evaluated when each run starts), the posting
 * parameters and a recurrence. The ticker claims a due slot by moving next_run_at on with a
 * conditional update, so each slot starts one run however many processes tick.
 */
export const BatchSchedule = model.define(
  { name: "BatchSchedule", tableName: "invoicing_schedule" },
  {
    id: model.id({ prefix: "ivsch" }).primaryKey(),
    name: model.text(),
    selection: model.json(),
    parameters: model.json(),
    recurrence: model.json(),
    enabled: model.boolean().default(true),
    next_run_at: model.dateTime().index().nullable(),
    runs_started: model.number().default(0),
  }
)
