import type { Recurrence } from "../../../../domain/recurrence"
import { nextRunAt } from "../../../../domain/recurrence"

/** A schedule as the API shows it, with its next run time (null: paused or ended). */
export function scheduleResponse(schedule: any) {
  return {
    id: schedule.id,
    name: schedule.name,
    selection: schedule.selection,
    parameters: schedule.parameters,
    recurrence: schedule.recurrence,
    enabled: schedule.enabled,
    next_run_at: schedule.enabled && schedule.next_run_at ? new Date(schedule.next_run_at).toISOString() : null,
    runs_started: schedule.runs_started,
    created_at: schedule.created_at,
  }
}

/** When a schedule saved or resumed now runs first: its next slot from now on, never a missed one. */
export function firstRunAt(recurrence: Recurrence, runsStarted: number, now = new Date()): Date | null {
  return nextRunAt(recurrence, new Date(now.getTime() - 1), runsStarted)
}
