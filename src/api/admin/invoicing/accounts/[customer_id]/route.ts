import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { big } from "../../../../../domain/money"
import { decimal } from "../../../../../workflows/invoicing-orders/decimal"
import { readExposures } from "../../../../../workflows/invoicing-orders/read-credit-context"
import { readInvoiceAccounts } from "../../../../../workflows/invoicing-orders/read-invoice-accounts"
import { invoicingService } from "../../../../../workflows/invoicing-orders/read-orders"
import { saveInvoicingProfileWorkflow } from "../../../../../workflows/save-invoicing-profile"
import type { SaveInvoicingProfileBody } from "../../validators"

/** A customer's profile as stored (defaults when none is), with the account its invoices actually go to. */
async function invoicingProfile(container: MedusaContainer, customerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)
  }
  const [[profile], { accountOf }] = await Promise.all([
    invoicingService(container).listInvoicingProfiles({ customer_id: customerId }),
    readInvoiceAccounts(container, [customerId]),
  ])
  return {
    customer_id: customerId,
    invoice_account_id: profile?.invoice_account_id ?? customerId,
    billed_to: accountOf.get(customerId) ?? customerId,
    default_summary_update: profile?.default_summary_update ?? "none",
    payment_terms_days: profile?.payment_terms_days ?? null,
    email: profile?.email ?? null,
    copies: profile?.copies ?? null,
    email_invoices: profile?.email_invoices ?? null,
    credit_limit: profile?.credit_limit === null || profile?.credit_limit === undefined ? null : Number(decimal(profile.credit_limit)),
    credit_limit_currency_code: profile?.credit_limit_currency_code ?? null,
    credit_check_mandatory: profile?.credit_check_mandatory ?? false,
  }
}

/**
 * What the customer owes as an invoice account, per currency (always the credit limit's):
 * open balance, overdue amount, and the exposure each credit check mode would see.
 */
async function accountBalances(container: MedusaContainer, customerId: string, limitCurrency: string | null) {
  const today = new Date().toISOString().slice(0, 10)
  const balances = await invoicingService(container).readAccountBalances([customerId], today)
  const currencies = [...new Set([...(limitCurrency ? [limitCurrency] : []), ...balances.map((b) => b.currency_code)])]
  return Promise.all(
    currencies.map(async (currency_code) => {
      const balance = balances.find((b) => b.currency_code === currency_code)
      const { [customerId]: exposure } = await readExposures(container, new Map([[customerId, currency_code]]), {
        pipeline: true,
        known: [],
        proposal: [],
      })
      const open = big(exposure.open_balance)
      return {
        currency_code,
        open_balance: Number(open.toFixed()),
        overdue: Number(balance?.overdue ?? 0),
        exposure: {
          balance: Number(open.toFixed()),
          balance_packing_slip: Number(open.plus(exposure.shipped_not_invoiced).toFixed()),
          balance_all: Number(open.plus(exposure.not_invoiced).toFixed()),
        },
      }
    })
  )
}

async function accountResponse(container: MedusaContainer, customerId: string) {
  const profile = await invoicingProfile(container, customerId)
  return { invoicing_profile: profile, balances: await accountBalances(container, customerId, profile.credit_limit_currency_code) }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await accountResponse(req.scope, req.params.customer_id))
}

export async function POST(req: AuthenticatedMedusaRequest<SaveInvoicingProfileBody>, res: MedusaResponse) {
  await saveInvoicingProfileWorkflow(req.scope).run({ input: { customer_id: req.params.customer_id, changes: req.validatedBody } })
  res.json(await accountResponse(req.scope, req.params.customer_id))
}
