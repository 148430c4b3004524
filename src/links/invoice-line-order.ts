import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import InvoicingModule from "../modules/invoicing"

// An invoice may combine orders: each line names its order.
export default defineLink(
  { linkable: InvoicingModule.linkable.invoiceLine, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
