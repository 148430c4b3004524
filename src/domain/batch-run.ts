/** Which orders a batch run takes, evaluated when the run starts (late selection). */
export type BatchSelection = {
  status: "shipped_not_invoiced" | "uninvoiced"
  invoice_account_id?: string
  customer_id?: string
  sales_channel_id?: string
  region_id?: string
  /** ISO date-times bounding the order date. */
  ordered_from?: string
  ordered_to?: string
}

export type ChunkStatus = "queued" | "running" | "succeeded" | "failed"
export type RunStatus = "queued" | "running" | "succeeded" | "partially_failed" | "failed"

/** A chunk that failed is retried until it has been tried this often. */
export const MAX_CHUNK_ATTEMPTS = 3

/** What one chunk did: per invoice group, the invoice it posted or why it did not. */
export type ChunkOutcome = {
  /** `failed`: the group hit an error (not a reason such as a blocked credit check or a conflict). */
  groups: { group_key: string; order_ids: string[]; invoice_number: string | null; reason: string | null; failed: boolean }[]
  /** Orders skipped before grouping (canceled, nothing left to invoice), with the reason. */
  skipped_orders: { order_id: string; reason: string }[]
}

/** A chunk is done when it succeeded, or failed and may not be tried again. */
export function chunkIsDone(chunk: { status: ChunkStatus; attempts: number }): boolean {
  return chunk.status === "succeeded" || (chunk.status === "failed" && chunk.attempts >= MAX_CHUNK_ATTEMPTS)
}

/**
 * A run's status from its chunks: running until every chunk is done; then succeeded when
 * every chunk posted without a failed group, failed when no chunk succeeded, else partially failed.
 * Orders skipped for a reason (nothing to invoice, credit blocked) are outcomes, not failures.
 */
export function runStatus(chunks: { status: ChunkStatus; attempts: number; failed_groups: number }[]): RunStatus {
  if (!chunks.length) return "succeeded"
  if (!chunks.every(chunkIsDone)) return chunks.some((c) => c.attempts > 0) ? "running" : "queued"
  const succeeded = chunks.filter((c) => c.status === "succeeded")
  if (!succeeded.length) return "failed"
  return succeeded.length === chunks.length && succeeded.every((c) => c.failed_groups === 0) ? "succeeded" : "partially_failed"
}
