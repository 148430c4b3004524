import { Badge, Button, Checkbox, FocusModal, Heading, Input, Label, Switch, Table, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import {
  DEFAULT_PARAMETERS,
  type Parameters,
  type PostResult,
  type Proposal,
  type ProposedGroup,
  errorMessage,
  money,
  openPdf,
  postWithBody,
} from "../lib/api"
import { Choice, ErrorText, Field } from "./ui-bits"

type Props = { orderIds: string[]; open: boolean; onOpenChange: (open: boolean) => void }

const MATCH_KEYS = ["region", "sales_channel", "billing_address"] as const

/**
 * The posting dialog: parameters and summary update, Arrange (propose again), the proposed
 * invoices with their orders, packing slips, totals and credit status, skipped orders, then
 * Post (with the proposal token: a changed selection answers 409 and nothing is posted) or Pro forma.
 */
export function PostingDialog({ orderIds, open, onOpenChange }: Props) {
  const client = useQueryClient()
  const [parameters, setParameters] = useState<Parameters>(DEFAULT_PARAMETERS)
  const [proposal, setProposal] = useState<Proposal | null>(null)
  const [proposing, setProposing] = useState(false)
  const [posting, setPosting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [changes, setChanges] = useState<{ change: string }[] | null>(null)
  const [result, setResult] = useState<(PostResult & { pro_forma: boolean }) | null>(null)

  const set = <K extends keyof Parameters>(key: K, value: Parameters[K]) => setParameters((p) => ({ ...p, [key]: value }))
  const body = (p: Parameters) => {
    const { lead_order_id, invoice_date, ...rest } = p
    return {
      order_ids: orderIds,
      parameters: {
        ...rest,
        ...(p.summary_update === "order" && lead_order_id ? { lead_order_id } : {}),
        ...(invoice_date ? { invoice_date } : {}),
      },
    }
  }

  const propose = async (p = parameters) => {
    setProposing(true)
    setError(null)
    setChanges(null)
    const r = await postWithBody<Proposal>("/admin/invoicing/proposals", body(p))
    setProposing(false)
    if (r.ok) setProposal(r.data)
    else setError(r.error?.message ?? `Proposing failed (${r.status})`)
  }

  useEffect(() => {
    if (open) {
      setParameters(DEFAULT_PARAMETERS)
      setProposal(null)
      setResult(null)
      setChanges(null)
      setError(null)
      if (orderIds.length) propose(DEFAULT_PARAMETERS)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, orderIds.join(",")])

  const post = async (proForma: boolean) => {
    setPosting(true)
    setError(null)
    setChanges(null)
    const p = { ...parameters, posting: !proForma }
    const r = await postWithBody<PostResult>("/admin/invoicing/post", {
      ...body(p),
      ...(proposal && !proForma ? { proposal_token: proposal.proposal_token } : {}),
      idempotency_key: proForma ? undefined : `admin-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    })
    setPosting(false)
    if (r.ok) {
      setResult({ ...r.data, pro_forma: proForma })
      client.invalidateQueries({ queryKey: ["invoicing"] })
      if (!proForma) toast.success(`${r.data.invoices.length} invoice(s) posted`)
    } else if (r.status === 409 && r.error?.changes?.length) {
      // The API's message repeats every change; they are listed one per line below it.
      setError("The selection changed since it was proposed; nothing was posted.")
      setChanges(r.error.changes)
    } else {
      setError(r.error?.message ?? `Posting failed (${r.status})`)
    }
  }

  // The pro forma PDF of one proposed invoice, proposed again with the dialog's parameters: nothing is posted.
  const previewProForma = (groupKey?: string) =>
    openPdf("/admin/invoicing/pro-forma/pdf", { ...body({ ...parameters, posting: false }), ...(groupKey ? { group_key: groupKey } : {}) }).catch((e) =>
      toast.error(errorMessage(e))
    )

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content data-testid="posting-dialog">
        <FocusModal.Header>
          <div className="flex w-full items-center justify-end gap-x-2">
            {!result && (
              <>
                <Button variant="secondary" size="small" disabled={posting || !proposal} onClick={() => post(true)} data-testid="pro-forma">
                  Pro forma
                </Button>
                <Button
                  size="small"
                  isLoading={posting}
                  disabled={proposing || !proposal || !proposal.groups.length}
                  onClick={() => post(false)}
                  data-testid="post"
                >
                  Post
                </Button>
              </>
            )}
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="overflow-y-auto">
          <div className="mx-auto flex max-w-5xl flex-col gap-y-6 px-6 py-8">
            <div>
              <FocusModal.Title asChild>
                <Heading>Post invoices</Heading>
              </FocusModal.Title>
              <Text size="small" className="text-ui-fg-subtle">
                {orderIds.length} order(s) selected
              </Text>
            </div>
            {result ? (
              <ResultView result={result} onProFormaPdf={previewProForma} />
            ) : (
              <>
                <section className="grid grid-cols-2 gap-6 rounded-lg border p-4 md:grid-cols-4">
                  <Heading level="h3" className="col-span-full">
                    Parameters
                  </Heading>
                  <Choice
                    label="Quantity"
                    value={parameters.quantity}
                    onChange={(v) => set("quantity", v)}
                    options={[
                      { value: "packing_slip", label: "Packing slip" },
                      { value: "all", label: "All" },
                    ]}
                  />
                  <Choice
                    label="Print charges"
                    value={parameters.print_charges}
                    onChange={(v) => set("print_charges", v)}
                    options={[
                      { value: "summarize", label: "Summarize" },
                      { value: "detail", label: "Detail" },
                    ]}
                  />
                  <Choice
                    label="Credit check"
                    value={parameters.credit_check}
                    onChange={(v) => set("credit_check", v)}
                    options={[
                      { value: "none", label: "None" },
                      { value: "balance", label: "Balance" },
                      { value: "balance_packing_slip", label: "Balance + packing slips" },
                      { value: "balance_all", label: "Balance + all" },
                    ]}
                  />
                  <Field label="Invoice date">
                    <Input type="date" size="small" value={parameters.invoice_date ?? ""} onChange={(e) => set("invoice_date", e.target.value || undefined)} />
                  </Field>
                  <Toggle label="Posting" checked={parameters.posting} onChange={(v) => set("posting", v)} />
                  <Toggle label="Print invoice" checked={parameters.print.invoice} onChange={(v) => set("print", { ...parameters.print, invoice: v })} />
                  <Toggle
                    label="Print management"
                    checked={parameters.print.use_print_management}
                    onChange={(v) => set("print", { ...parameters.print, use_print_management: v })}
                  />
                  <Choice
                    label="Print mode"
                    value={parameters.print.mode}
                    onChange={(v) => set("print", { ...parameters.print, mode: v })}
                    options={[
                      { value: "current", label: "Current" },
                      { value: "after", label: "After" },
                    ]}
                  />
                </section>
                <section className="grid grid-cols-2 gap-6 rounded-lg border p-4 md:grid-cols-4">
                  <Heading level="h3" className="col-span-full">
                    Summary update
                  </Heading>
                  <Choice
                    label="Mode"
                    testId="summary-update"
                    value={parameters.summary_update}
                    onChange={(v) => set("summary_update", v)}
                    options={[
                      { value: "none", label: "None" },
                      { value: "packing_slip", label: "Packing slip" },
                      { value: "invoice_account", label: "Invoice account" },
                      { value: "order", label: "Order" },
                      { value: "auto", label: "Automatic" },
                    ]}
                  />
                  <Field label="Match keys">
                    <div className="flex flex-col gap-y-1">
                      {MATCH_KEYS.map((k) => (
                        <div key={k} className="flex items-center gap-x-2">
                          <Checkbox
                            id={`mk-${k}`}
                            checked={parameters.match_keys.includes(k)}
                            onCheckedChange={(c) =>
                              set("match_keys", c ? [...parameters.match_keys, k] : parameters.match_keys.filter((x) => x !== k))
                            }
                          />
                          <Label htmlFor={`mk-${k}`} size="small">
                            {k.replace("_", " ")}
                          </Label>
                        </div>
                      ))}
                    </div>
                  </Field>
                  {parameters.summary_update === "order" ? (
                    <Choice
                      label="Lead order"
                      value={parameters.lead_order_id ?? orderIds[0]}
                      onChange={(v) => set("lead_order_id", v)}
                      options={orderIds.map((id) => ({ value: id, label: id }))}
                    />
                  ) : (
                    <div />
                  )}
                  <div className="flex items-end">
                    <Button variant="secondary" isLoading={proposing} onClick={() => propose()} data-testid="arrange">
                      Arrange
                    </Button>
                  </div>
                </section>
                {error && (
                  <div className="rounded-lg border border-ui-border-error p-4" data-testid="post-error">
                    <ErrorText error={{ message: error }} />
                    {changes && (
                      <ul className="mt-2 list-disc pl-6">
                        {changes.map((c, i) => (
                          <li key={i}>
                            <Text size="small">{c.change}</Text>
                          </li>
                        ))}
                      </ul>
                    )}
                    {changes && (
                      <Button size="small" variant="secondary" className="mt-2" onClick={() => propose()}>
                        Propose again
                      </Button>
                    )}
                  </div>
                )}
                <Overview proposal={proposal} loading={proposing} onPreview={previewProForma} />
              </>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <Field label={label}>
      <Switch checked={checked} onCheckedChange={onChange} />
    </Field>
  )
}

function Overview({ proposal, loading, onPreview }: { proposal: Proposal | null; loading: boolean; onPreview: (groupKey?: string) => void }) {
  if (loading && !proposal) return <Text size="small">Proposing…</Text>
  if (!proposal) return null
  return (
    <section className="flex flex-col gap-y-4" data-testid="proposal">
      <Heading level="h3" data-testid="proposed-count">
        {proposal.groups.length} proposed invoice(s)
      </Heading>
      {proposal.groups.map((g, i) => (
        <div key={i} className="rounded-lg border" data-testid="proposed-group">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b px-4 py-3">
            <div className="flex flex-col">
              <Text weight="plus">{g.bill_to?.name ?? g.invoice_account_id}</Text>
              <Text size="small" className="text-ui-fg-subtle">
                Orders {g.orders.map((o) => `#${o.display_id}`).join(", ")} · packing slip{" "}
                <span data-testid="group-packing-slip">{g.packing_slip_number ?? "-"}</span>
                {g.due_date ? ` · due ${g.due_date}` : ""}
                {g.kept_apart_by ? ` · kept apart by ${g.kept_apart_by}` : ""}
              </Text>
            </div>
            <div className="flex items-center gap-x-3">
              {g.credit_check && (
                <Badge size="2xsmall" color={g.credit_check.status === "ok" ? "green" : "red"} title={g.credit_check.reason ?? ""}>
                  credit {g.credit_check.status}
                </Badge>
              )}
              <Text weight="plus">{money(g.total, g.currency_code)}</Text>
              <Button size="small" variant="transparent" onClick={() => onPreview(g.group_key)}>
                Preview PDF
              </Button>
            </div>
          </div>
          {g.credit_check?.status === "blocked" && (
            <Text size="small" className="text-ui-fg-error px-4 pt-2">
              {g.credit_check.reason}
            </Text>
          )}
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Packing slip</Table.HeaderCell>
                <Table.HeaderCell>Item</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {g.lines.map((l, j) => (
                <Table.Row key={j}>
                  <Table.Cell>#{l.order_display_id}</Table.Cell>
                  <Table.Cell>{l.packing_slip_number ?? "-"}</Table.Cell>
                  <Table.Cell>{l.title}</Table.Cell>
                  <Table.Cell className="text-right">{l.quantity}</Table.Cell>
                  <Table.Cell className="text-right">{money(l.total, g.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
              {(g.charge_lines ?? []).map((c, j) => (
                <Table.Row key={`c${j}`}>
                  <Table.Cell>
                    {/* Charges print one line per tax rate: the rate tells them apart. */}
                    {c.name} <span className="text-ui-fg-muted">{c.tax_rate}% tax</span>
                  </Table.Cell>
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell className="text-right">{money(c.total, g.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ))}
      {proposal.skipped.length > 0 && (
        <div className="rounded-lg border p-4" data-testid="skipped">
          <Heading level="h3">Skipped orders</Heading>
          <ul className="mt-2 list-disc pl-6">
            {proposal.skipped.map((s, i) => (
              <li key={i}>
                <Text size="small">
                  {s.display_id ? `#${s.display_id}` : s.order_id}: {s.reason}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function ResultView({ result, onProFormaPdf }: { result: PostResult & { pro_forma: boolean }; onProFormaPdf: (groupKey?: string) => void }) {
  return (
    <section className="flex flex-col gap-y-3" data-testid="post-result">
      <Heading level="h3">{result.pro_forma ? `${result.invoices.length} pro forma(s)` : `${result.invoices.length} invoice(s) posted`}</Heading>
      {result.invoices.map((inv, i) => (
        <div key={i} className="flex items-center justify-between rounded-lg border px-4 py-3">
          <div>
            {inv.id && !result.pro_forma ? (
              <Link to={`/invoicing/${inv.id}`} className="text-ui-fg-interactive" data-testid="new-invoice">
                {inv.number}
              </Link>
            ) : (
              <Text weight="plus">Pro forma</Text>
            )}
            <Text size="small" className="text-ui-fg-subtle">
              {inv.bill_to?.name} · orders {inv.orders.map((o) => `#${o.display_id}`).join(", ")} · packing slip{" "}
              <span data-testid="result-packing-slip">{inv.packing_slip_number}</span>
            </Text>
          </div>
          <div className="flex items-center gap-x-3">
            <Text weight="plus">{money(inv.total, inv.currency_code)}</Text>
            {result.pro_forma ? (
              <Button size="small" variant="transparent" onClick={() => onProFormaPdf((inv as ProposedGroup).group_key)} data-testid="pro-forma-pdf">
                PDF
              </Button>
            ) : (
              inv.id && (
                <Button size="small" variant="transparent" onClick={() => openPdf(`/admin/invoices/${inv.id}/pdf`).catch((e) => toast.error(errorMessage(e)))}>
                  PDF
                </Button>
              )
            )}
          </div>
        </div>
      ))}
      {result.skipped.length > 0 && (
        <div className="rounded-lg border p-4">
          <Heading level="h3">Skipped</Heading>
          <ul className="mt-2 list-disc pl-6">
            {result.skipped.map((s, i) => (
              <li key={i}>
                <Text size="small">
                  {s.display_id ? `#${s.display_id}` : s.order_id}: {s.reason}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
