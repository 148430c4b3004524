import type { MiddlewareRoute } from "@medusajs/framework/http"

/**
 * JSON body limits. Every other route of the plugin keeps Express' default of 100 kB; these
 * routes accept more because their validators do, and each limit is just above the largest
 * body its validator allows. A larger body is refused with 413 before it is parsed, and
 * nothing is written.
 */
export const BODY_LIMITS: MiddlewareRoute[] = [
  // A logo is a data URI of up to 1,500,000 characters.
  { matcher: "/admin/invoicing/settings", methods: ["POST"], bodyParser: { sizeLimit: "2mb" } },
  // Up to 10,000 order ids of up to 100 characters.
  { matcher: "/admin/invoicing/proposals", methods: ["POST"], bodyParser: { sizeLimit: "1.5mb" } },
  { matcher: "/admin/invoicing/pro-forma/pdf", methods: ["POST"], bodyParser: { sizeLimit: "1.5mb" } },
  // The order ids, and the proposal token of up to 5,000,000 characters they were proposed with.
  { matcher: "/admin/invoicing/post", methods: ["POST"], bodyParser: { sizeLimit: "7mb" } },
  // Up to 1,000 lines to credit.
  { matcher: "/admin/invoices/:id/credit-notes", methods: ["POST"], bodyParser: { sizeLimit: "256kb" } },
]
