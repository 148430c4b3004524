import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ChunkOutcome } from "../../domain/batch-run"
import { RUN_CHUNK_READY } from "../../events"
import { invoicingService } from "../invoicing-orders/read-orders"
import { postInvoicesWorkflow } from "../post-invoices"
import type { PostingReport } from "../steps/post-invoices"

/**
 * What a chunk's postings did, from the invoices its idempotency key posted (on this attempt
 * or an earlier one) and the groups and orders the last attempt could not post.
 */
async function chunkOutcome(container: MedusaContainer, key: string, result: PostingReport): Promise<ChunkOutcome> {
  const service = invoicingService(container)
  const posted = await service.findPostedByIdempotencyKey(key)
  const lines = posted.size
    ? await service.listInvoiceLines({ invoice_id: [...posted.values()].map((i) => i.id) }, { select: ["order_id", "invoice_id"] as any })
    : []
  const ordersOf = (invoiceId: string) => [...new Set(lines.filter((l: any) => l.invoice_id === invoiceId).map((l) => l.order_id))]
  const invoiced = new Set(lines.map((l) => l.order_id))
  const errors = new Map((result.outcomes ?? []).flatMap((o) => ("error" in o ? [[o.group_key, o.error]] : [])))
  return {
    groups: [
      ...[...posted].map(([group_key, invoice]) => ({ group_key, order_ids: ordersOf(invoice.id), invoice_number: invoice.number, reason: null, failed: false })),
      ...result.proposal.groups
        .filter((g) => errors.has(g.group_key))
        .map((g) => {
          const error = errors.get(g.group_key)!
          return { group_key: g.group_key, order_ids: g.orders.map((o) => o.id), invoice_number: null, reason: error.message, failed: error.type === "database_error" }
        }),
    ],
    // An order an earlier attempt invoiced shows as "nothing left" now: it is in its group above.
    skipped_orders: result.proposal.skipped.filter((s) => !invoiced.has(s.order_id)).map((s) => ({ order_id: s.order_id, reason: s.reason })),
  }
}

/**
 * Posts one chunk of a batch run, if this worker wins the claim. A chunk that fails is
 * offered again until its attempts run out; it posts under the same idempotency key each
 * time, and the balances refuse anything already invoiced, so nothing is invoiced twice.
 */
export async function postRunChunk(container: MedusaContainer, chunkId: string, worker: string): Promise<void> {
  const service = invoicingService(container)
  const chunk = await service.claimChunk(chunkId, worker)
  if (!chunk) return
  const key = `${chunk.run_id}:${chunk.position}`
  try {
    const { result } = await postInvoicesWorkflow(container).run({
      input: { order_ids: chunk.order_ids, parameters: chunk.parameters, idempotency_key: key },
    })
    await service.finishChunk(chunkId, chunk.attempts, { status: "succeeded", outcome: await chunkOutcome(container, key, result) })
  } catch (error) {
    const { retry } = await service.finishChunk(chunkId, chunk.attempts, { status: "failed", outcome: null, error: (error as Error).message })
    if (retry) await container.resolve(Modules.EVENT_BUS).emit({ name: RUN_CHUNK_READY, data: { chunk_id: chunkId } })
  }
}
