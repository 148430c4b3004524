import { gunzipSync, gzipSync } from "node:zlib"
import { MedusaError } from "@medusajs/framework/utils"
import type { PostingParameters } from "../../domain/posting-parameters"
import { type ProposalSnapshot, selectionKey } from "../../domain/proposal-snapshot"

/** A snapshot of a few thousand orders is well under this; anything larger is not ours. */
const MAX_SNAPSHOT_BYTES = 50 * 1024 * 1024

/** The order ids and the parameters that decide the groups (not printing, not posting). */
export function proposalSelection(orderIds: string[], parameters: PostingParameters): string {
  const { quantity, summary_update, match_keys, lead_order_id, invoice_date, credit_check } = parameters
  return selectionKey(orderIds, {
    quantity,
    summary_update,
    match_keys: [...match_keys].sort(),
    lead_order_id: lead_order_id ?? null,
    invoice_date: invoice_date ?? null,
    credit_check,
  })
}

/** The proposal as a compact token the client hands back when it posts. */
export function proposalToken(snapshot: ProposalSnapshot): string {
  return gzipSync(Buffer.from(JSON.stringify(snapshot))).toString("base64url")
}

export function readProposalToken(token: string): ProposalSnapshot {
  try {
    const snapshot = JSON.parse(gunzipSync(Buffer.from(token, "base64url"), { maxOutputLength: MAX_SNAPSHOT_BYTES }).toString())
    if (typeof snapshot?.selection === "string" && snapshot.orders && typeof snapshot.orders === "object") {
      return snapshot
    }
  } catch {
    // reported below
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, "proposal_token is not a token returned by POST /admin/invoicing/proposals")
}
