import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  CreateCreditNoteSchema,
  ListInvoicesSchema,
  ListInvoicingOrdersSchema,
  PostInvoicesSchema,
  ProposeInvoicesSchema,
  RecordPaymentSchema,
  SaveInvoicingProfileSchema,
} from "./admin/invoicing/validators"

export default defineMiddlewares({
  routes: [
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
    { matcher: "/admin/invoices", methods: ["GET"], middlewares: [validateAndTransformQuery(ListInvoicesSchema, {})] },
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
