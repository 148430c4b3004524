import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { documentsConfig } from "../documents/config"

/**
 * Keeps one client from exhausting the PDF renderer. Every PDF download holds a place from
 * the moment it arrives until its handler has answered (the response ended — also when the
 * client hung up early: the render still runs, so it still counts). Past the plugin options
 * `pdf_requests.max_pending` (all clients) or `pdf_requests.max_pending_per_client`, a
 * download is answered 429 with Retry-After at once and renders nothing. Counted per
 * process: each server of a cluster protects its own browser.
 */

/** The routes that render (or may render) a PDF. */
export const PDF_ROUTES = [
  "/admin/invoices/:id/pdf",
  "/admin/invoicing/packing-slips/:id/pdf",
  "/admin/invoicing/pro-forma/pdf",
  "/store/invoices/:id/pdf",
  "/invoicing/documents/:token",
] as const

/** Seconds a refused client is asked to wait: a few renders of the pool. */
export const PDF_RETRY_AFTER_SECONDS = 2

const pendingByClient = new Map<string, number>()
let pending = 0

/** Downloads held right now (all clients, and per client): for monitoring and tests. */
export function pendingPdfRequests(): { total: number; clients: number } {
  return { total: pending, clients: pendingByClient.size }
}

/** A logged-in admin user or customer is one client wherever they connect from; anyone else is their address. */
function clientOf(req: MedusaRequest): string {
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  return auth?.actor_id ? `${auth.actor_type}:${auth.actor_id}` : `ip:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`
}

function tooManyRequests(res: MedusaResponse, message: string) {
  res.set("Retry-After", String(PDF_RETRY_AFTER_SECONDS))
  res.status(429).json({ type: "too_many_requests", message })
}

export function limitPdfRequests(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const limits = documentsConfig().pdf_requests
  const client = clientOf(req)
  const mine = pendingByClient.get(client) ?? 0
  if (mine >= limits.max_pending_per_client) {
    return tooManyRequests(res, `Too many PDF downloads at once from this client (at most ${limits.max_pending_per_client}): retry in ${PDF_RETRY_AFTER_SECONDS} seconds.`)
  }
  if (pending >= limits.max_pending) {
    return tooManyRequests(res, `The PDF renderer is busy (${limits.max_pending} downloads pending): retry in ${PDF_RETRY_AFTER_SECONDS} seconds.`)
  }
  pending++
  pendingByClient.set(client, mine + 1)

  let released = false
  const release = () => {
    if (released) return
    released = true
    pending--
    const left = (pendingByClient.get(client) ?? 1) - 1
    if (left > 0) pendingByClient.set(client, left)
    else pendingByClient.delete(client)
  }
  // The handler's answer (a PDF, or an error through the error handler) ends the response:
  // that, not the socket closing, is when the render is over.
  const end = res.end
  res.end = function (this: MedusaResponse, ...args: unknown[]) {
    release()
    return (end as (...a: unknown[]) => MedusaResponse).apply(this, args)
  } as MedusaResponse["end"]
  next()
}
