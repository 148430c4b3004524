import type { PostingParameters } from "../domain/posting-parameters"

/** Emitted when invoices were posted: one per invoice as it posts (print mode "current"), or all at once in number order ("after"). */
export const INVOICES_POSTED = "invoicing.invoices.posted"

export type InvoicesPostedEvent = { ids: string[]; print: PostingParameters["print"] }

/** A chunk of a batch run is ready for any worker to post. */
export const RUN_CHUNK_READY = "invoicing.run.chunk_ready"

export type RunChunkReadyEvent = { chunk_id: string }
