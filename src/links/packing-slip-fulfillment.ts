import FulfillmentModule from "@medusajs/medusa/fulfillment"
import { defineLink } from "@medusajs/framework/utils"
import InvoicingModule from "../modules/invoicing"

// Read-only: the packing slip keeps the fulfillment id, so posting stays in one module transaction.
export default defineLink(
  { linkable: InvoicingModule.linkable.packingSlip, field: "fulfillment_id" },
  FulfillmentModule.linkable.fulfillment,
  { readOnly: true }
)
