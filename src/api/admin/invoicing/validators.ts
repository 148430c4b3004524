import { z } from "@medusajs/framework/zod"
import { CREDIT_CHECKS, MATCH_KEYS, PRINT_CHARGES, PRINT_MODES, QUANTITY_MODES, SUMMARY_UPDATES } from "../../../domain/posting-parameters"
import { PAYMENT_STATUSES } from "../../../domain/settlement"

const id = z.string().min(1).max(100)

export const PostingParametersSchema = z
  .object({
    quantity: z.enum(QUANTITY_MODES).default("packing_slip"),
    summary_update: z.enum(SUMMARY_UPDATES).default("none"),
    match_keys: z
      .array(z.enum(MATCH_KEYS))
      .refine((keys) => new Set(keys).size === keys.length, { error: "match_keys must not repeat a key" })
      .default([]),
    lead_order_id: id.optional(),
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
    credit_check: z.enum(CREDIT_CHECKS).default("none"),
    invoice_date: z.iso.date({ error: "invoice_date must be an ISO date (YYYY-MM-DD)" }).optional(),
  })
  .strict()

const orderIds = z.array(id).min(1).max(10000)

const selection = {
  order_ids: orderIds,
  parameters: PostingParametersSchema.default({} as any),
}

/** A lead order leads only in order mode (or auto), and only from within the selection. */
function checkLeadOrder(body: { order_ids: string[]; parameters: { summary_update: string; lead_order_id?: string } }, ctx: z.RefinementCtx) {
  const lead = body.parameters.lead_order_id
  if (lead === undefined) return
  if (!["order", "auto"].includes(body.parameters.summary_update)) {
    ctx.addIssue({ code: "custom", path: ["parameters", "lead_order_id"], message: "lead_order_id is used only with summary_update order or auto" })
  } else if (!body.order_ids.includes(lead)) {
    ctx.addIssue({ code: "custom", path: ["parameters", "lead_order_id"], message: "lead_order_id must be one of order_ids" })
  }
}

export const ProposeInvoicesSchema = z.object(selection).strict().superRefine(checkLeadOrder)

export const PostInvoicesSchema = z
  .object({
    ...selection,
    idempotency_key: z.string().min(1).max(200).optional(),
    /** From POST /admin/invoicing/proposals: post exactly that proposal, or get 409 with what changed. */
    proposal_token: z.string().min(1).max(5_000_000).optional(),
  })
  .strict()
  .superRefine(checkLeadOrder)

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
    payment_status: z.enum(PAYMENT_STATUSES).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const CreateCreditNoteSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            invoice_line_id: z.string().min(1).max(100),
            quantity: z.number().int().positive(),
          })
          .strict()
      )
      .min(1)
      .max(1000)
      .superRefine((lines, ctx) => {
        const seen = new Set<string>()
        lines.forEach((line, i) => {
          if (seen.has(line.invoice_line_id)) {
            ctx.addIssue({
              code: "custom",
              path: [i, "invoice_line_id"],
              message: `lines.${i}.invoice_line_id: invoice line ${line.invoice_line_id} is listed more than once`,
            })
          }
          seen.add(line.invoice_line_id)
        })
      })
      .optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()

export const RecordPaymentSchema = z
  .object({
    amount: z.number({ error: "amount must be a number" }).positive({ error: "amount must be positive" }).finite(),
    paid_at: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], {
        error: "paid_at must be an ISO date-time with a time zone (2026-01-31T14:30:00Z) or an ISO date (2026-01-31)",
      })
      .optional(),
  })
  .strict()

export type ProposeInvoicesBody = z.infer<typeof ProposeInvoicesSchema>
export type PostInvoicesBody = z.infer<typeof PostInvoicesSchema>
export type ListInvoicingOrdersQuery = z.infer<typeof ListInvoicingOrdersSchema>
export type ListInvoicesQuery = z.infer<typeof ListInvoicesSchema>
export type CreateCreditNoteBody = z.infer<typeof CreateCreditNoteSchema>
export type RecordPaymentBody = z.infer<typeof RecordPaymentSchema>

export const SaveInvoicingProfileSchema = z
  .object({
    /** The customer who is billed; null (or the customer itself) bills the customer. */
    invoice_account_id: id.nullable().optional(),
    default_summary_update: z.enum(["none", "invoice_account", "order", "packing_slip"]).optional(),
    payment_terms_days: z.number().int().min(0).max(3650).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    copies: z.number().int().min(0).max(20).optional(),
    /** The most the account may owe; null removes the limit. Sent as a number, kept as a decimal string. */
    credit_limit: z
      .number()
      .min(0)
      .max(1e15)
      .nullable()
      .optional()
      .transform((v) => (v === null || v === undefined ? v : String(v))),
    credit_limit_currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, { error: "credit_limit_currency_code must be a three-letter currency code" })
      .transform((v) => v.toLowerCase())
      .nullable()
      .optional(),
    credit_check_mandatory: z.boolean().optional(),
  })
  .strict()

export type SaveInvoicingProfileBody = z.infer<typeof SaveInvoicingProfileSchema>
