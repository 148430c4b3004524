import { z } from "@medusajs/framework/zod"
import { PRINT_CHARGES, PRINT_MODES, QUANTITY_MODES } from "../../../domain/posting-parameters"

// Summary updates "invoice_account", "order" and "auto" and the credit check come with
// the invoice-account issue; until then they are refused rather than ignored.
const AVAILABLE_SUMMARY_UPDATES = ["none", "packing_slip"] as const

export const PostingParametersSchema = z
  .object({
    quantity: z.enum(QUANTITY_MODES).default("packing_slip"),
    summary_update: z.enum(AVAILABLE_SUMMARY_UPDATES).default("none"),
    match_keys: z.array(z.enum(["region", "sales_channel", "billing_address"])).max(0).default([]),
    posting: z.boolean().default(true),
    print: z
      .object({
        mode: z.enum(PRINT_MODES).default("current"),
        invoice: z.boolean().default(false),
        use_print_management: z.boolean().default(false),
      })
      .strict()
      .default({ mode: "current", invoice: false, use_print_management: false }),
    print_charges: z.enum(PRINT_CHARGES).default("summarize"),
    credit_check: z.enum(["none"]).default("none"),
    invoice_date: z.iso.date({ error: "invoice_date must be an ISO date (YYYY-MM-DD)" }).optional(),
  })
  .strict()

const orderIds = z.array(z.string().min(1).max(100)).min(1).max(10000)

export const ProposeInvoicesSchema = z.object({ order_ids: orderIds, parameters: PostingParametersSchema.default({} as any) }).strict()

export const PostInvoicesSchema = ProposeInvoicesSchema.extend({
  idempotency_key: z.string().min(1).max(200).optional(),
}).strict()

export const ListInvoicingOrdersSchema = z
  .object({
    status: z.enum(["uninvoiced", "shipped_not_invoiced"]).default("shipped_not_invoiced"),
    customer_id: z.string().optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const ListInvoicesSchema = z
  .object({
    invoice_account_id: z.string().optional(),
    order_id: z.string().optional(),
    kind: z.enum(["invoice", "credit_note"]).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type ProposeInvoicesBody = z.infer<typeof ProposeInvoicesSchema>
export type PostInvoicesBody = z.infer<typeof PostInvoicesSchema>
export type ListInvoicingOrdersQuery = z.infer<typeof ListInvoicingOrdersSchema>
export type ListInvoicesQuery = z.infer<typeof ListInvoicesSchema>
