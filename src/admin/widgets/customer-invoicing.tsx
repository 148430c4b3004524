import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Switch, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { Choice, ErrorText, Field, Loading, PaymentBadge } from "../components/ui-bits"
import { type Account, money, useAccount, useCustomerName, useInvoices, useInvoicingMutation } from "../lib/api"
import { ADMIN_LIST_FIELDS } from "../lib/invoice-list-fields"

/** On a customer: the invoicing profile (editable), balances per currency, and the invoices billed to them. */
const CustomerInvoicingWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const account = useAccount(customer.id)
  const invoices = useInvoices({ invoice_account_id: customer.id, limit: 10, offset: 0, fields: ADMIN_LIST_FIELDS.join(",") })
  return (
    <Container className="divide-y p-0" data-testid="customer-invoicing">
      <div className="px-6 py-4">
        <Heading level="h2">Invoicing</Heading>
      </div>
      {account.isLoading && <Loading />}
      {account.error && (
        <div className="px-6 py-4">
          <ErrorText error={account.error} />
        </div>
      )}
      {account.data && <ProfileForm customerId={customer.id} account={account.data} />}
      {account.data && <Balances balances={account.data.balances} />}
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Invoices billed to this customer
        </Text>
        {invoices.isLoading && <Loading />}
        <ErrorText error={invoices.error} />
        {invoices.data && !invoices.data.invoices.length && (
          <Text size="small" className="text-ui-fg-subtle">
            None.
          </Text>
        )}
        {invoices.data && invoices.data.invoices.length > 0 && (
          <Table>
            <Table.Body>
              {invoices.data.invoices.map((inv) => (
                <Table.Row key={inv.id}>
                  <Table.Cell>
                    <Link to={`/invoicing/${inv.id}`} className="text-ui-fg-interactive">
                      {inv.number}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{inv.invoice_date}</Table.Cell>
                  <Table.Cell>{money(inv.total, inv.currency_code)}</Table.Cell>
                  <Table.Cell>
                    <PaymentBadge status={inv.payment_status} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {invoices.data && invoices.data.count > 10 && (
          <Text size="small" asChild>
            <Link to={`/invoicing?tab=invoices`} className="text-ui-fg-interactive">
              All {invoices.data.count} in Invoicing
            </Link>
          </Text>
        )}
      </div>
    </Container>
  )
}

/** What the customer owes per currency, and what they would owe once everything shipped (or ordered) is invoiced. */
function Balances({ balances }: { balances: Account["balances"] }) {
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <Text size="small" weight="plus">
        Balances
      </Text>
      {!balances.length && (
        <Text size="small" className="text-ui-fg-subtle">
          Nothing owed.
        </Text>
      )}
      {balances.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Open</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Overdue</Table.HeaderCell>
              <Table.HeaderCell className="text-right">With shipped, not invoiced</Table.HeaderCell>
              <Table.HeaderCell className="text-right">With all not invoiced</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {balances.map((b) => (
              <Table.Row key={b.currency_code} data-testid="balance">
                <Table.Cell>{b.currency_code.toUpperCase()}</Table.Cell>
                <Table.Cell className="text-right" data-testid="open-balance">
                  {money(b.open_balance, b.currency_code)}
                </Table.Cell>
                <Table.Cell className="text-right">{money(b.overdue, b.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{money(b.exposure.balance_packing_slip, b.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{money(b.exposure.balance_all, b.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}

const SUMMARY_UPDATES = [
  { value: "none", label: "None: one invoice per order" },
  { value: "packing_slip", label: "Packing slip: one per packing slip" },
  { value: "invoice_account", label: "Invoice account: one per account" },
  { value: "order", label: "Order: onto a lead order" },
]

function ProfileForm({ customerId, account }: { customerId: string; account: Account }) {
  const p = account.invoicing_profile
  const init = () => ({
    invoice_account_id: p.invoice_account_id === customerId ? "" : p.invoice_account_id,
    default_summary_update: p.default_summary_update,
    payment_terms_days: p.payment_terms_days === null ? "" : String(p.payment_terms_days),
    email: p.email ?? "",
    copies: p.copies === null ? "" : String(p.copies),
    credit_limit: p.credit_limit === null ? "" : String(p.credit_limit),
    credit_limit_currency_code: p.credit_limit_currency_code ?? "",
    credit_check_mandatory: p.credit_check_mandatory,
  })
  const [form, setForm] = useState(init)
  useEffect(() => setForm(init()), [JSON.stringify(p)]) // eslint-disable-line react-hooks/exhaustive-deps
  const save = useInvoicingMutation<any, Account>(`/admin/invoicing/accounts/${customerId}`)
  const num = (s: string) => (s.trim() === "" ? null : Number(s))
  const submit = () =>
    save.mutate(
      {
        invoice_account_id: form.invoice_account_id.trim() || null,
        default_summary_update: form.default_summary_update,
        payment_terms_days: num(form.payment_terms_days),
        email: form.email.trim() || null,
        copies: num(form.copies),
        credit_limit: num(form.credit_limit),
        credit_limit_currency_code: form.credit_limit_currency_code.trim() || null,
        credit_check_mandatory: form.credit_check_mandatory,
      },
      { onSuccess: () => toast.success("Invoicing profile saved") }
    )
  const set = (k: keyof ReturnType<typeof init>) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))
  return (
    <div className="grid grid-cols-2 gap-3 px-6 py-4" data-testid="invoicing-profile">
      <Field label="Invoice account (customer id)">
        <Input size="small" placeholder="this customer" value={form.invoice_account_id} onChange={set("invoice_account_id")} name="invoice_account_id" />
      </Field>
      <Choice
        label="Default summary update"
        value={form.default_summary_update}
        onChange={(v) => setForm((f) => ({ ...f, default_summary_update: v }))}
        options={SUMMARY_UPDATES}
      />
      <Field label="Credit limit">
        <Input size="small" type="number" min={0} value={form.credit_limit} onChange={set("credit_limit")} name="credit_limit" />
      </Field>
      <Field label="Limit currency">
        <Input size="small" placeholder="eur" value={form.credit_limit_currency_code} onChange={set("credit_limit_currency_code")} name="credit_limit_currency_code" />
      </Field>
      <Field label="Credit check mandatory">
        <Switch checked={form.credit_check_mandatory} onCheckedChange={(v) => setForm((f) => ({ ...f, credit_check_mandatory: v }))} />
      </Field>
      <Field label="Payment terms (days)">
        <Input size="small" type="number" min={0} value={form.payment_terms_days} onChange={set("payment_terms_days")} name="payment_terms_days" />
      </Field>
      <Field label="Invoice e-mail">
        <Input size="small" placeholder="the customer's e-mail" value={form.email} onChange={set("email")} name="email" />
      </Field>
      <Field label="Copies">
        <Input size="small" type="number" min={0} placeholder="store default" value={form.copies} onChange={set("copies")} name="copies" />
      </Field>
      {p.billed_to !== customerId && <BilledTo customerId={p.billed_to} />}
      <div className="col-span-2 flex items-center justify-between">
        <ErrorText error={save.error} />
        <Button size="small" isLoading={save.isPending} onClick={submit} data-testid="save-profile">
          Save profile
        </Button>
      </div>
    </div>
  )
}

/** Where this customer's invoices end up, by name (the end of the invoice account chain). */
function BilledTo({ customerId }: { customerId: string }) {
  const name = useCustomerName(customerId)
  return (
    <Text size="small" className="text-ui-fg-subtle col-span-2" data-testid="billed-to">
      Invoices of this customer go to{" "}
      <Link to={`/customers/${customerId}`} className="text-ui-fg-interactive">
        {name.data ?? customerId}
      </Link>
      .
    </Text>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerInvoicingWidget
