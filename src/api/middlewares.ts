import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  ListInvoicesSchema,
  ListInvoicingOrdersSchema,
  PostInvoicesSchema,
  ProposeInvoicesSchema,
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
    { matcher: "/admin/invoices", methods: ["GET"], middlewares: [validateAndTransformQuery(ListInvoicesSchema, {})] },
  ],
})
