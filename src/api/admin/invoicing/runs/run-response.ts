/** A batch run as the API shows it: counts, progress, and (with its chunks) every group's outcome. */
export function runResponse(run: any, chunks?: any[]) {
  return {
    id: run.id,
    schedule_id: run.schedule_id,
    status: run.status,
    selected: run.selected,
    posted: run.posted,
    skipped: run.skipped,
    progress: run.chunks_total ? run.chunks_done / run.chunks_total : 1,
    chunks: { total: run.chunks_total, done: run.chunks_done },
    started_at: run.started_at,
    finished_at: run.finished_at,
    error: run.error,
    ...(chunks
      ? {
          groups: chunks.flatMap((c) => c.outcome?.groups ?? []),
          skipped_orders: chunks.flatMap((c) => c.outcome?.skipped_orders ?? []),
        }
      : {}),
  }
}
