import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  CreateCreditNoteSchema,
  InvoicePdfSchema,
  ListStoreInvoicesSchema,
  ProFormaPdfSchema,
  SendInvoiceSchema,
  ListInvoicesSchema,
  ListInvoicingOrdersSchema,
  PostInvoicesSchema,
  ProposeInvoicesSchema,
  RecordPaymentSchema,
  SaveInvoicingProfileSchema,
  SaveInvoicingSettingsSchema,
  SaveNumberSeriesSchema,
  CreateScheduleSchema,
  UpdateScheduleSchema,
  ListRunsSchema,
} from "./admin/invoicing/validators"
import { BODY_LIMITS } from "./body-limits"
import { INVOICE_LIST_FIELDS } from "./admin/invoices/list-fields"
import { PLUGIN_ROUTES, invoicingErrorHandler, refuseMalformedRequests } from "./malformed-requests"
import { PDF_ROUTES, limitPdfRequests } from "./render-limit"

export default defineMiddlewares({
  // Medusa's own handler, but a path that is not UTF-8 is a 400 (see malformed-requests.ts).
  errorHandler: invoicingErrorHandler,
  routes: [
    // Undecodable paths, over-deep query keys and NUL characters: 400 naming them, never a 500 (see malformed-requests.ts).
    ...PLUGIN_ROUTES.map((matcher) => ({ matcher, middlewares: [refuseMalformedRequests] })),
    // Security limits (README "Renderer" → Limits): JSON body sizes, and PDF downloads pending per client and in all.
    ...BODY_LIMITS,
    ...PDF_ROUTES.map((matcher) => ({ matcher, middlewares: [limitPdfRequests] })),
    // Downloads and e-mail (see README "Downloads and e-mail").
    { matcher: "/admin/invoices/:id/pdf", methods: ["GET"], middlewares: [validateAndTransformQuery(InvoicePdfSchema, {})] },
    { matcher: "/admin/invoices/:id/send", methods: ["POST"], middlewares: [validateAndTransformBody(SendInvoiceSchema)] },
    { matcher: "/admin/invoicing/pro-forma/pdf", methods: ["POST"], middlewares: [validateAndTransformBody(ProFormaPdfSchema)] },
    // A customer's documents need a logged-in customer (Medusa's /store default lets anonymous requests through).
    { matcher: "/store/invoices*", middlewares: [authenticate("customer", ["session", "bearer"])] },
    { matcher: "/store/invoices", methods: ["GET"], middlewares: [validateAndTransformQuery(ListStoreInvoicesSchema, {})] },
    { matcher: "/admin/invoicing/proposals", methods: ["POST"], middlewares: [validateAndTransformBody(ProposeInvoicesSchema)] },
    { matcher: "/admin/invoicing/post", methods: ["POST"], middlewares: [validateAndTransformBody(PostInvoicesSchema)] },
    {
      matcher: "/admin/invoicing/orders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListInvoicingOrdersSchema, {})],
    },
    {
      matcher: "/admin/invoicing/accounts/:customer_id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SaveInvoicingProfileSchema)],
    },
    { matcher: "/admin/invoicing/schedules", methods: ["POST"], middlewares: [validateAndTransformBody(CreateScheduleSchema)] },
    { matcher: "/admin/invoicing/schedules/:id", methods: ["POST"], middlewares: [validateAndTransformBody(UpdateScheduleSchema)] },
    { matcher: "/admin/invoicing/runs", methods: ["GET"], middlewares: [validateAndTransformQuery(ListRunsSchema, {})] },
    {
      matcher: "/admin/invoicing/settings",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SaveInvoicingSettingsSchema)],
    },
    {
      matcher: "/admin/invoicing/number-series/:code",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SaveNumberSeriesSchema)],
    },
    {
      matcher: "/admin/invoices",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListInvoicesSchema, { defaults: [...INVOICE_LIST_FIELDS], isList: true })],
    },
    {
      matcher: "/admin/invoices/:id/credit-notes",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(CreateCreditNoteSchema)],
    },
    {
      matcher: "/admin/invoices/:id/payments",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(RecordPaymentSchema)],
    },
  ],
})
