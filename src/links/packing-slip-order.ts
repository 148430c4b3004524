import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import InvoicingModule from "../modules/invoicing"

export default defineLink(
  { linkable: InvoicingModule.linkable.packingSlip, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
