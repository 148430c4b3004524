import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import InvoicingModule from "../modules/invoicing"

export default defineLink(
  { linkable: InvoicingModule.linkable.invoicingProfile, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
