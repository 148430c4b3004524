import { Badge, Button, Checkbox, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { ErrorText, Field, Loading, PaymentBadge } from "../../../components/ui-bits"
import { type Invoice, errorMessage, money, openPdf, plainAmount, useInvoice, useInvoicingMutation, useSettings } from "../../../lib/api"

/** One invoice or credit note: header, lines with packing slips, charges, totals, documents, payments, credit notes, send again. */
const InvoicePage = () => {
  const { id } = useParams()
  const { data, isLoading, error } = useInvoice(id!)
  if (isLoading) return <Container><Loading /></Container>
  if (error) return <Container><ErrorText error={error} /></Container>
  const { invoice, credit_notes, payments, documents } = data!
  const cur = invoice.currency_code
  return (
    <div className="flex flex-col gap-y-3" data-testid="invoice-page">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
          <div>
            <Heading data-testid="invoice-number">
              {invoice.kind === "credit_note" ? "Credit note" : "Invoice"} {invoice.number}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {invoice.invoice_date}
              {invoice.due_date ? ` · due ${invoice.due_date}` : ""} · packing slip {invoice.packing_slip_number ?? "-"} · orders{" "}
              {invoice.orders.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ", "}
                  <Link to={`/orders/${o.id}`} className="text-ui-fg-interactive">
                    #{o.display_id}
                  </Link>
                </span>
              ))}
            </Text>
            {invoice.credited_invoice_id && (
              <Text size="small">
                Credits{" "}
                <Link to={`/invoicing/${invoice.credited_invoice_id}`} className="text-ui-fg-interactive">
                  the invoice
                </Link>
                {invoice.reason ? `: ${invoice.reason}` : ""}
              </Text>
            )}
          </div>
          <div className="flex flex-col items-end gap-y-1">
            <Text weight="plus">{invoice.bill_to?.name}</Text>
            {(invoice.bill_to?.address_lines ?? []).map((l, i) => (
              <Text key={i} size="small" className="text-ui-fg-subtle">
                {l}
              </Text>
            ))}
            <Text size="small" className="text-ui-fg-subtle">
              {invoice.bill_to?.email}
            </Text>
            <PaymentBadge status={invoice.payment_status} />
          </div>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Item</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Packing slip</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Unit price</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Discount</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Tax</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {invoice.lines.map((l) => (
              <Table.Row key={l.id}>
                <Table.Cell>
                  {l.title} <span className="text-ui-fg-muted">{l.variant_sku}</span>
                </Table.Cell>
                <Table.Cell>#{l.order_display_id}</Table.Cell>
                <Table.Cell>{l.packing_slip_number ?? "-"}</Table.Cell>
                <Table.Cell className="text-right">{l.quantity}</Table.Cell>
                <Table.Cell className="text-right">{money(l.unit_price, cur)}</Table.Cell>
                <Table.Cell className="text-right">{money(l.discount_total, cur)}</Table.Cell>
                <Table.Cell className="text-right">
                  {money(l.tax_total, cur)} ({l.tax_rate}%)
                </Table.Cell>
                <Table.Cell className="text-right">{money(l.total, cur)}</Table.Cell>
              </Table.Row>
            ))}
            {invoice.charge_lines.map((c, i) => (
              <Table.Row key={`c${i}`}>
                <Table.Cell>{c.name}</Table.Cell>
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
                <Table.Cell className="text-right">
                  {money(c.tax_total, cur)} ({c.tax_rate}%)
                </Table.Cell>
                <Table.Cell className="text-right">{money(c.total, cur)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <div className="flex justify-end px-6 py-4">
          <div className="grid grid-cols-2 gap-x-8 gap-y-1" data-testid="totals">
            <Text size="small">Items</Text>
            <Text size="small" className="text-right">{money(invoice.item_subtotal, cur)}</Text>
            <Text size="small">Discount</Text>
            <Text size="small" className="text-right">{money(invoice.discount_total, cur)}</Text>
            <Text size="small">Charges</Text>
            <Text size="small" className="text-right">{money(invoice.charges_total, cur)}</Text>
            <Text size="small">Tax</Text>
            <Text size="small" className="text-right">{money(invoice.tax_total, cur)}</Text>
            <Text weight="plus">Total</Text>
            <Text weight="plus" className="text-right">{money(invoice.total, cur)}</Text>
            {invoice.kind === "invoice" && (
              <>
                <Text size="small">Credited</Text>
                <Text size="small" className="text-right">{money(invoice.amount_credited, cur)}</Text>
                <Text size="small">Paid</Text>
                <Text size="small" className="text-right">{money(invoice.amount_paid, cur)}</Text>
                <Text weight="plus">Open</Text>
                <Text weight="plus" className="text-right" data-testid="amount-open">
                  {money(invoice.amount_open, cur)}
                </Text>
              </>
            )}
          </div>
        </div>
      </Container>
      <Documents invoice={invoice} stored={documents} />
      {invoice.kind === "invoice" && <Payments invoice={invoice} payments={payments} />}
      {invoice.kind === "invoice" && <CreditNotes invoice={invoice} creditNotes={credit_notes} />}
    </div>
  )
}

/** Downloads of the original and its copies; those print management stored say so (they are the same file each time). */
function Documents({ invoice, stored }: { invoice: Invoice; stored: { copy: number }[] }) {
  const settings = useSettings()
  const storedCopies = new Set(stored.map((d) => d.copy))
  const copies = Math.max(settings.data?.settings.copies ?? 0, ...storedCopies, 1)
  const label = (name: string, copy: number) => (storedCopies.has(copy) ? `${name} (stored)` : name)
  const send = useInvoicingMutation<{ idempotency_key?: string }, { sent: { to: string } }>(`/admin/invoices/${invoice.id}/send`)
  const open = (copy: number) => openPdf(`/admin/invoices/${invoice.id}/pdf${copy ? `?copy=${copy}` : ""}`).catch((e) => toast.error(errorMessage(e)))
  return (
    <Container className="flex flex-wrap items-center justify-between gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Heading level="h2">Documents</Heading>
        <Button size="small" variant="secondary" onClick={() => open(0)} data-testid="pdf-original">
          {label("Original PDF", 0)}
        </Button>
        {Array.from({ length: copies }, (_, i) => (
          <Button key={i} size="small" variant="transparent" onClick={() => open(i + 1)} data-testid={`pdf-copy-${i + 1}`}>
            {label(`Copy ${i + 1}`, i + 1)}
          </Button>
        ))}
      </div>
      <div className="flex items-center gap-x-2">
        <ErrorText error={send.error} />
        <Button
          size="small"
          isLoading={send.isPending}
          onClick={() => send.mutate({}, { onSuccess: (r) => toast.success(`Sent to ${r.sent.to}`) })}
          data-testid="send-again"
        >
          Send again
        </Button>
      </div>
    </Container>
  )
}

function Payments({ invoice, payments }: { invoice: Invoice; payments: { id: string; amount: number; paid_at: string }[] }) {
  const [amount, setAmount] = useState("")
  const [paidAt, setPaidAt] = useState(new Date().toISOString().slice(0, 10))
  const record = useInvoicingMutation<{ amount: number; paid_at: string }, unknown>(`/admin/invoices/${invoice.id}/payments`)
  return (
    <Container className="flex flex-col gap-y-2" data-testid="payments">
      <Heading level="h2">Payments</Heading>
      {!payments.length && (
        <Text size="small" className="text-ui-fg-subtle">
          No payments recorded.
        </Text>
      )}
      {payments.map((p) => (
        <div key={p.id} className="flex justify-between" data-testid="payment">
          <Text size="small">{p.paid_at.slice(0, 10)}</Text>
          <Text size="small">{money(p.amount, invoice.currency_code)}</Text>
        </div>
      ))}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Amount">
          <Input size="small" type="number" step="0.01" placeholder={plainAmount(invoice.amount_open, invoice.currency_code)} value={amount} onChange={(e) => setAmount(e.target.value)} name="payment-amount" />
        </Field>
        <Field label="Paid on">
          <Input size="small" type="date" value={paidAt} onChange={(e) => setPaidAt(e.target.value)} />
        </Field>
        <Button
          size="small"
          isLoading={record.isPending}
          disabled={!amount}
          onClick={() => record.mutate({ amount: Number(amount), paid_at: paidAt }, { onSuccess: () => (setAmount(""), toast.success("Payment recorded")) })}
          data-testid="record-payment"
        >
          Record payment
        </Button>
      </div>
      <ErrorText error={record.error} />
    </Container>
  )
}

function CreditNotes({ invoice, creditNotes }: { invoice: Invoice; creditNotes: { id: string; number: string; invoice_date: string; total: number }[] }) {
  const [chosen, setChosen] = useState<Record<string, string>>({})
  const [reason, setReason] = useState("")
  const create = useInvoicingMutation<any, { credit_note: Invoice }>(`/admin/invoices/${invoice.id}/credit-notes`)
  const lines = Object.entries(chosen)
    .filter(([, q]) => Number(q) > 0)
    .map(([invoice_line_id, q]) => ({ invoice_line_id, quantity: Number(q) }))
  return (
    <Container className="flex flex-col gap-y-2" data-testid="credit-notes">
      <Heading level="h2">Credit notes</Heading>
      {!creditNotes.length && (
        <Text size="small" className="text-ui-fg-subtle">
          None.
        </Text>
      )}
      {creditNotes.map((c) => (
        <div key={c.id} className="flex justify-between" data-testid="credit-note">
          <Text size="small" asChild>
            <Link to={`/invoicing/${c.id}`} className="text-ui-fg-interactive">
              {c.number}
            </Link>
          </Text>
          <Text size="small">{c.invoice_date}</Text>
          <Text size="small">{money(c.total, invoice.currency_code)}</Text>
        </div>
      ))}
      <Text size="small" weight="plus" className="mt-2">
        Create a credit note for chosen lines
      </Text>
      {invoice.lines.map((l) => (
        <div key={l.id} className="flex items-center gap-x-3" data-testid="credit-line">
          <Checkbox
            checked={!!chosen[l.id]}
            onCheckedChange={(c) => setChosen((s) => ({ ...s, [l.id]: c ? String(l.quantity) : "" }))}
          />
          <Text size="small" className="w-64">
            {l.title} ({l.packing_slip_number}) × {l.quantity}
          </Text>
          <Input
            size="small"
            type="number"
            min={0}
            max={l.quantity}
            className="w-24"
            value={chosen[l.id] ?? ""}
            onChange={(e) => setChosen((s) => ({ ...s, [l.id]: e.target.value }))}
          />
        </div>
      ))}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Reason">
          <Input size="small" value={reason} onChange={(e) => setReason(e.target.value)} name="credit-reason" />
        </Field>
        <Button
          size="small"
          isLoading={create.isPending}
          disabled={!lines.length || !reason.trim()}
          onClick={() =>
            create.mutate(
              { lines, reason: reason.trim() },
              { onSuccess: (r) => (setChosen({}), setReason(""), toast.success(`Credit note ${r.credit_note.number} posted`)) }
            )
          }
          data-testid="create-credit-note"
        >
          Create credit note
        </Button>
      </div>
      <ErrorText error={create.error} />
      {invoice.amount_credited > 0 && <Badge size="2xsmall" className="self-start">credited {money(invoice.amount_credited, invoice.currency_code)}</Badge>}
    </Container>
  )
}

export default InvoicePage
