import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import InvoicingModule from "../modules/invoicing"

// The invoice account: the customer who is billed.
export default defineLink(
  { linkable: InvoicingModule.linkable.invoice, field: "invoice_account_id"},
  CustomerModule.linkable.customer,
  { readOnly: true }
)
