import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { newId } from "./ids"
import { type ChunkOutcome, type ChunkStatus, MAX_CHUNK_ATTEMPTS, chunkIsDone, runStatus } from "../../../domain/batch-run"
import { insertRows } from "./rows"

export type NewRun = { schedule_id: string | null; selection: unknown; parameters: unknown; chunks: string[][] }

export type ClaimedChunk = { id: string; run_id: string; position: number; order_ids: string[]; attempts: number; parameters: any }

/** A run with its chunks, written in one transaction: queued, or done at once when nothing was selected. */
export async function createRun(manager: SqlEntityManager, run: NewRun): Promise<{ id: string; chunk_ids: string[] }> {
  const id = newId("ivrun")
  const empty = run.chunks.length === 0
  await insertRows(manager, "invoicing_run", [
    {
      id,
      schedule_id: run.schedule_id,
      status: empty ? "succeeded" : "queued",
      selection: run.selection,
      parameters: run.parameters,
      selected: run.chunks.reduce((n, c) => n + c.length, 0),
      posted: 0,
      skipped: 0,
      chunks_total: run.chunks.length,
      chunks_done: 0,
      started_at: new Date().toISOString(),
      finished_at: empty ? new Date().toISOString() : null,
    },
  ])
  const chunks = run.chunks.map((order_ids, position) => ({
    id: newId("ivchunk"),
    run_id: id,
    position,
    order_ids,
    status: "queued",
    attempts: 0,
  }))
  await insertRows(manager, "invoicing_run_chunk", chunks)
  return { id, chunk_ids: chunks.map((c) => c.id) }
}

/**
 * Takes a chunk for this worker: only a queued chunk, or a failed one with attempts left, and
 * only once however many workers try at the same moment (a conditional update).
 */
export async function claimChunk(manager: SqlEntityManager, chunkId: string, worker: string): Promise<ClaimedChunk | null> {
  const [chunk] = await manager.execute<ClaimedChunk[]>(
    `update "invoicing_run_chunk" c set "status" = 'running', "attempts" = c."attempts" + 1, "claimed_at" = now(),
         "worker" = ?, "updated_at" = now()
       from "invoicing_run" r
      where c."id" = ? and r."id" = c."run_id"
        and (c."status" = 'queued' or (c."status" = 'failed' and c."attempts" < ?))
      returning c."id", c."run_id", c."position", c."order_ids", c."attempts", r."parameters"`,
    [worker, chunkId, MAX_CHUNK_ATTEMPTS]
  )
  if (chunk) {
    await manager.execute(`update "invoicing_run" set "status" = 'running', "updated_at" = now() where "id" = ? and "status" = 'queued'`, [chunk.run_id])
  }
  return chunk ?? null
}

/**
 * Records how a chunk ended and, once it is done for good, adds its counts to the run and
 * settles the run's status. The run row is locked so chunks finishing together count once each.
 */
export async function finishChunk(
  manager: SqlEntityManager,
  chunkId: string,
  attempt: number,
  result: { status: Extract<ChunkStatus, "succeeded" | "failed">; outcome: ChunkOutcome | null; error?: string }
): Promise<{ done: boolean; retry: boolean }> {
  const [{ run_id }] = await manager.execute<{ run_id: string }[]>(`select "run_id" from "invoicing_run_chunk" where "id" = ?`, [chunkId])
  await manager.execute(`select 1 from "invoicing_run" where "id" = ? for update`, [run_id])
  // Only the claim that is still current may finish the chunk: a worker that was given up on and
  // offered again must not count it a second time.
  const [chunk] = await manager.execute<{ attempts: number }[]>(
    `update "invoicing_run_chunk" set "status" = ?, "outcome" = ?::jsonb, "updated_at" = now()
      where "id" = ? and "status" = 'running' and "attempts" = ? returning "attempts"`,
    [result.status, JSON.stringify(result.outcome ?? { error: result.error ?? null }), chunkId, attempt]
  )
  if (!chunk) return { done: false, retry: false }
  const done = chunkIsDone({ status: result.status, attempts: chunk.attempts })
  const chunks = await manager.execute<{ status: ChunkStatus; attempts: number; outcome: any }[]>(
    `select "status", "attempts", "outcome" from "invoicing_run_chunk" where "run_id" = ?`,
    [run_id]
  )
  const failedGroups = (outcome: any) => (outcome?.groups ?? []).filter((g: any) => g.failed).length
  const status = runStatus(chunks.map((c) => ({ status: c.status, attempts: c.attempts, failed_groups: failedGroups(c.outcome) })))
  const counts = done && result.outcome ? countsOf(result.outcome) : { posted: 0, skipped: 0 }
  const finished = status !== "queued" && status !== "running"
  await manager.execute(
    `update "invoicing_run" set "posted" = "posted" + ?, "skipped" = "skipped" + ?, "chunks_done" = "chunks_done" + ?,
        "status" = ?, "finished_at" = case when ? then now() else null end, "error" = coalesce(?, "error"), "updated_at" = now()
      where "id" = ?`,
    [counts.posted, counts.skipped, done ? 1 : 0, status, finished, result.error ?? null, run_id]
  )
  return { done, retry: !done }
}

/** Invoices posted, and orders skipped (with a reason, or in a group that did not post). */
function countsOf(outcome: ChunkOutcome): { posted: number; skipped: number } {
  return {
    posted: outcome.groups.filter((g) => g.invoice_number).length,
    skipped: outcome.skipped_orders.length + outcome.groups.filter((g) => !g.invoice_number).reduce((n, g) => n + g.order_ids.length, 0),
  }
}

/**
 * Chunks to offer again: those whose worker went quiet (claimed longer ago than
 * `staleAfterSeconds`), marked failed to be claimed again; and those still queued that long,
 * whose offer was lost (the claim failed on a database error, or the process died before it
 * claimed them; Medusa's in-process event bus keeps no event across a restart).
 */
export async function releaseStaleChunks(manager: SqlEntityManager, staleAfterSeconds: number): Promise<string[]> {
  const rows = await manager.execute<{ id: string }[]>(
    `update "invoicing_run_chunk" set "status" = case when "status" = 'running' then 'failed' else "status" end, "updated_at" = now()
      where ("status" = 'running' and "claimed_at" < now() - make_interval(secs => ?))
         or ("status" = 'queued' and "updated_at" < now() - make_interval(secs => ?))
      returning "id"`,
    [staleAfterSeconds, staleAfterSeconds]
  )
  return rows.map((r) => r.id)
}

/**
 * Claims a schedule's due slot: moves next_run_at on only if nobody moved it since it was
 * read, so of all tickers racing for one slot exactly one starts the run.
 */
export async function claimScheduleSlot(manager: SqlEntityManager, scheduleId: string, due: Date, next: Date | null): Promise<boolean> {
  const rows = await manager.execute<{ id: string }[]>(
    `update "invoicing_schedule" set "next_run_at" = ?, "runs_started" = "runs_started" + 1, "updated_at" = now()
      where "id" = ? and "enabled" and "deleted_at" is null
        -- the slot as read, to the millisecond a JavaScript date keeps
        and "next_run_at" >= ?::timestamptz - interval '1 millisecond' and "next_run_at" < ?::timestamptz + interval '1 millisecond'
      returning "id"`,
    [next?.toISOString() ?? null, scheduleId, due.toISOString(), due.toISOString()]
  )
  return rows.length === 1
}
