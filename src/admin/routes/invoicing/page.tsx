import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
  Heading,
  Input,
  Switch,
  Tabs,
  Text,
  Textarea,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import { NumberSeriesSection } from "../../components/number-series"
import { PostingDialog } from "../../components/posting-dialog"
import { Choice, ErrorText, Field, Loading, PaymentBadge, Progress } from "../../components/ui-bits"
import {
  type Invoice,
  type InvoicingOrder,
  type Run,
  type Schedule,
  type Settings,
  date,
  errorMessage,
  invoiceAccountLabel,
  money,
  openSlips,
  useInvoices,
  useInvoicingMutation,
  useInvoicingOrders,
  useRun as useRunDetails,
  useRuns,
  useSchedules,
  useSettings,
} from "../../lib/api"
import { ADMIN_LIST_FIELDS } from "../../lib/invoice-list-fields"

const PAGE_SIZE = 20

const InvoicingPage = () => {
  const [params, setParams] = useSearchParams()
  const tab = params.get("tab") ?? "orders"
  return (
    <Container className="p-0">
      <div className="px-6 py-4">
        <Heading>Invoicing</Heading>
      </div>
      <Tabs value={tab} onValueChange={(t) => setParams({ tab: t })}>
        <Tabs.List className="px-6">
          <Tabs.Trigger value="orders">Shipped not invoiced</Tabs.Trigger>
          <Tabs.Trigger value="invoices">Invoices</Tabs.Trigger>
          <Tabs.Trigger value="batch">Batch invoicing</Tabs.Trigger>
          <Tabs.Trigger value="settings">Settings</Tabs.Trigger>
        </Tabs.List>
        <div className="pt-2">
          <Tabs.Content value="orders">
            <OrdersTab />
          </Tabs.Content>
          <Tabs.Content value="invoices">
            <InvoicesTab />
          </Tabs.Content>
          <Tabs.Content value="batch">
            <BatchTab />
          </Tabs.Content>
          <Tabs.Content value="settings">
            <SettingsTab />
          </Tabs.Content>
        </div>
      </Tabs>
    </Container>
  )
}

const orderColumns = createDataTableColumnHelper<InvoicingOrder>()

function OrdersTab() {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [search, setSearch] = useState("")
  const [status, setStatus] = useState<"shipped_not_invoiced" | "uninvoiced">("shipped_not_invoiced")
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [dialogOrders, setDialogOrders] = useState<string[] | null>(null)
  const { data, isLoading, error } = useInvoicingOrders({
    status,
    q: search || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const columns = useMemo(
    () => [
      orderColumns.select(),
      orderColumns.accessor("display_id", { header: "Order", cell: ({ getValue }) => `#${getValue()}` }),
      orderColumns.display({
        id: "customer",
        header: "Customer",
        cell: ({ row }) => {
          const a = row.original.billing_address as any
          const name = a ? [a.first_name, a.last_name].filter(Boolean).join(" ") : ""
          return name || row.original.email || "-"
        },
      }),
      orderColumns.display({ id: "account", header: "Invoice account", cell: ({ row }) => invoiceAccountLabel(row.original) }),
      orderColumns.display({
        id: "packing_slip",
        header: "Packing slip",
        cell: ({ row }) => {
          const slips = openSlips(row.original)
          return slips.length > 1 ? "multiple" : slips[0]?.number ?? "-"
        },
      }),
      orderColumns.accessor((order) => order.uninvoiced_value ?? 0, {
        id: "value",
        header: "Uninvoiced value",
        align: "right",
        cell: ({ getValue, row }) => money(getValue(), row.original.currency_code),
      }),
    ],
    []
  )
  const table = useDataTable({
    columns,
    data: data?.orders ?? [],
    getRowId: (o) => o.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    search: { state: search, onSearchChange: (s) => (setSearch(s), setPagination((p) => ({ ...p, pageIndex: 0 }))) },
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
  })
  const selected = Object.keys(selection).filter((k) => selection[k])
  return (
    <>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <div className="flex items-center gap-x-2">
            <div className="w-56">
              <Choice
                label=""
                value={status}
                onChange={(v) => (setStatus(v), setSelection({}))}
                options={[
                  { value: "shipped_not_invoiced", label: "Shipped, not invoiced" },
                  { value: "uninvoiced", label: "Anything not invoiced" },
                ]}
              />
            </div>
            <DataTable.Search placeholder="Order number or e-mail" />
          </div>
          <Button size="small" disabled={!selected.length} onClick={() => setDialogOrders(selected)} data-testid="invoice-selected">
            Invoice{selected.length ? ` (${selected.length})` : ""}
          </Button>
        </DataTable.Toolbar>
        {error && (
          <div className="px-6">
            <ErrorText error={error} />
          </div>
        )}
        <DataTable.Table emptyState={{ empty: { heading: "Nothing to invoice", description: "Every shipped packing slip is invoiced." } }} />
        <DataTable.Pagination />
      </DataTable>
      <PostingDialog
        orderIds={dialogOrders ?? []}
        open={!!dialogOrders}
        onOpenChange={(o) => {
          if (!o) {
            setDialogOrders(null)
            setSelection({})
          }
        }}
      />
    </>
  )
}

const invoiceColumns = createDataTableColumnHelper<Invoice>()

function InvoicesTab() {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [search, setSearch] = useState("")
  const [kind, setKind] = useState<"all" | "invoice" | "credit_note">("all")
  const [paymentStatus, setPaymentStatus] = useState<"all" | "open" | "partially_paid" | "paid">("all")
  const [account, setAccount] = useState("")
  const { data, isLoading, error } = useInvoices({
    q: search || undefined,
    kind: kind === "all" ? undefined : kind,
    payment_status: paymentStatus === "all" ? undefined : paymentStatus,
    invoice_account_id: account || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    fields: ADMIN_LIST_FIELDS.join(","),
  })
  const columns = useMemo(
    () => [
      invoiceColumns.accessor("number", { header: "Number" }),
      invoiceColumns.accessor("kind", { header: "Kind", cell: ({ getValue }) => (getValue() === "credit_note" ? "Credit note" : "Invoice") }),
      invoiceColumns.accessor("status", { header: "Status" }),
      invoiceColumns.display({ id: "account", header: "Invoice account", cell: ({ row }) => invoiceAccountLabel(row.original) }),
      invoiceColumns.accessor("invoice_date", { header: "Date" }),
      invoiceColumns.accessor("due_date", { header: "Due", cell: ({ getValue }) => getValue() ?? "-" }),
      invoiceColumns.accessor("total", { header: "Total", align: "right", cell: ({ row }) => money(row.original.total, row.original.currency_code) }),
      invoiceColumns.display({ id: "payment", header: "Payment", cell: ({ row }) => <PaymentBadge status={row.original.payment_status} /> }),
    ],
    []
  )
  const table = useDataTable({
    columns,
    data: data?.invoices ?? [],
    getRowId: (i) => i.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    search: { state: search, onSearchChange: (s) => (setSearch(s), setPagination((p) => ({ ...p, pageIndex: 0 }))) },
    onRowClick: (_, row) => navigate(`/invoicing/${row.id}`),
  })
  const reset = () => setPagination((p) => ({ ...p, pageIndex: 0 }))
  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex flex-wrap items-end gap-2 px-6 py-4">
        <div className="w-40">
          <Choice
            label="Kind"
            value={kind}
            onChange={(v) => (setKind(v), reset())}
            options={[
              { value: "all", label: "All" },
              { value: "invoice", label: "Invoices" },
              { value: "credit_note", label: "Credit notes" },
            ]}
          />
        </div>
        <div className="w-40">
          <Choice
            label="Payment"
            value={paymentStatus}
            onChange={(v) => (setPaymentStatus(v), reset())}
            options={[
              { value: "all", label: "All" },
              { value: "open", label: "Open" },
              { value: "partially_paid", label: "Partially paid" },
              { value: "paid", label: "Paid" },
            ]}
          />
        </div>
        <Field label="Invoice account (customer id)">
          <Input size="small" placeholder="cus_…" value={account} onChange={(e) => (setAccount(e.target.value.trim()), reset())} />
        </Field>
        <DataTable.Search placeholder="Number" />
      </DataTable.Toolbar>
      {error && (
        <div className="px-6">
          <ErrorText error={error} />
        </div>
      )}
      <DataTable.Table emptyState={{ empty: { heading: "No invoices", description: "Posted invoices and credit notes appear here." } }} />
      <DataTable.Pagination />
    </DataTable>
  )
}

function BatchTab() {
  const { data, isLoading, error } = useSchedules()
  const [creating, setCreating] = useState(false)
  return (
    <div className="flex flex-col gap-y-6 px-6 pb-6">
      <section className="flex flex-col gap-y-2">
        <div className="flex items-center justify-between">
          <Heading level="h2">Schedules</Heading>
          <Button size="small" variant="secondary" onClick={() => setCreating((c) => !c)} data-testid="new-schedule">
            {creating ? "Cancel" : "New schedule"}
          </Button>
        </div>
        {creating && <ScheduleForm onDone={() => setCreating(false)} />}
        {isLoading && <Loading />}
        <ErrorText error={error} />
        {data && !data.schedules.length && <Text size="small" className="text-ui-fg-subtle">No schedules yet.</Text>}
        {data?.schedules.map((s) => <ScheduleRow key={s.id} schedule={s} />)}
      </section>
      <RunsSection />
    </div>
  )
}

const SELECTION_LABELS: Record<string, string> = { shipped_not_invoiced: "shipped, not invoiced", uninvoiced: "anything not invoiced" }

/** "every day", "every 2 weeks". */
const recurrenceLabel = (r: Schedule["recurrence"]) => (r.interval === 1 ? `every ${r.unit.replace(/s$/, "")}` : `every ${r.interval} ${r.unit}`)

/** A schedule without a next run is paused, or (still enabled) past its last run. */
const nextRunLabel = (schedule: Schedule) => (schedule.next_run_at ? date(schedule.next_run_at) : schedule.enabled ? "none (ended)" : "paused")

function ScheduleRow({ schedule }: { schedule: Schedule }) {
  const toggle = useInvoicingMutation<{ enabled: boolean }, unknown>(`/admin/invoicing/schedules/${schedule.id}`)
  const run = useInvoicingMutation<Record<string, never>, unknown>(`/admin/invoicing/schedules/${schedule.id}/run`)
  const remove = useInvoicingMutation<void, unknown>(`/admin/invoicing/schedules/${schedule.id}`, "DELETE")
  const [editing, setEditing] = useState(false)
  const r = schedule.recurrence
  return (
    <div className="rounded-lg border px-4 py-3" data-testid="schedule">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Text weight="plus">{schedule.name}</Text>
          <Text size="small" className="text-ui-fg-subtle">
            {recurrenceLabel(r)} from {r.starts_at.replace("T", " ")} ({r.time_zone}) · {SELECTION_LABELS[schedule.selection?.status] ?? schedule.selection?.status} ·
            summary update {schedule.parameters?.summary_update ?? "none"} · next run <span data-testid="next-run">{nextRunLabel(schedule)}</span> ·{" "}
            {schedule.runs_started} scheduled run(s)
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Text size="small" data-testid="schedule-state">
            {schedule.enabled ? "Enabled" : "Paused"}
          </Text>
          <Switch
            aria-label="Enabled"
            data-testid="schedule-enabled"
            disabled={toggle.isPending}
            checked={schedule.enabled}
            onCheckedChange={(enabled) => toggle.mutate({ enabled }, { onError: (e) => toast.error(errorMessage(e)) })}
          />
          <Button size="small" variant="secondary" onClick={() => setEditing((e) => !e)}>
            {editing ? "Close" : "Edit"}
          </Button>
          <Button
            size="small"
            isLoading={run.isPending}
            onClick={() => run.mutate({}, { onSuccess: () => toast.success("Run started"), onError: (e) => toast.error(errorMessage(e)) })}
            data-testid="run-now"
          >
            Run now
          </Button>
          <Button
            size="small"
            variant="danger"
            onClick={() => confirm(`Delete schedule ${schedule.name}?`) && remove.mutate(undefined, { onError: (e) => toast.error(errorMessage(e)) })}
          >
            Delete
          </Button>
        </div>
      </div>
      {editing && <ScheduleForm schedule={schedule} onDone={() => setEditing(false)} />}
    </div>
  )
}

function ScheduleForm({ schedule, onDone }: { schedule?: Schedule; onDone: () => void }) {
  const today = new Date().toISOString().slice(0, 10)
  const [name, setName] = useState(schedule?.name ?? "")
  const [unit, setUnit] = useState(schedule?.recurrence.unit ?? "days")
  const [interval, setInterval] = useState(String(schedule?.recurrence.interval ?? 1))
  const [startsAt, setStartsAt] = useState(schedule?.recurrence.starts_at ?? `${today}T02:00`)
  const [timeZone, setTimeZone] = useState(schedule?.recurrence.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC")
  const [status, setStatus] = useState<string>(schedule?.selection?.status ?? "shipped_not_invoiced")
  const [account, setAccount] = useState<string>(schedule?.selection?.invoice_account_id ?? "")
  const [summary, setSummary] = useState<string>(schedule?.parameters?.summary_update ?? "none")
  const save = useInvoicingMutation<any, unknown>(schedule ? `/admin/invoicing/schedules/${schedule.id}` : "/admin/invoicing/schedules")
  const submit = () =>
    save.mutate(
      {
        name,
        selection: { status, ...(account ? { invoice_account_id: account } : {}) },
        parameters: { ...(schedule?.parameters ?? {}), summary_update: summary },
        recurrence: { unit, interval: Number(interval), starts_at: startsAt, time_zone: timeZone, end: schedule?.recurrence.end ?? { type: "never" } },
      },
      { onSuccess: () => (toast.success("Schedule saved"), onDone()) }
    )
  return (
    <div className="mt-2 grid grid-cols-2 gap-4 rounded-lg border p-4 md:grid-cols-4" data-testid="schedule-form">
      <Field label="Name">
        <Input size="small" value={name} onChange={(e) => setName(e.target.value)} name="schedule-name" />
      </Field>
      <Choice
        label="Every"
        value={unit}
        onChange={setUnit}
        options={["minutes", "hours", "days", "weeks", "months", "years"].map((u) => ({ value: u, label: u }))}
      />
      <Field label="Interval">
        <Input size="small" type="number" min={1} value={interval} onChange={(e) => setInterval(e.target.value)} />
      </Field>
      <Field label="Starts at">
        <Input size="small" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
      </Field>
      <Field label="Time zone">
        <Input size="small" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
      </Field>
      <Choice
        label="Selection"
        value={status}
        onChange={setStatus}
        options={[
          { value: "shipped_not_invoiced", label: "Shipped, not invoiced" },
          { value: "uninvoiced", label: "Anything not invoiced" },
        ]}
      />
      <Field label="Invoice account (optional)">
        <Input size="small" placeholder="cus_…" value={account} onChange={(e) => setAccount(e.target.value.trim())} />
      </Field>
      <Choice
        label="Summary update"
        value={summary}
        onChange={setSummary}
        options={["none", "packing_slip", "invoice_account", "order", "auto"].map((u) => ({ value: u, label: u }))}
      />
      <div className="col-span-full flex items-center justify-between">
        <ErrorText error={save.error} />
        <Button size="small" isLoading={save.isPending} onClick={submit} disabled={!name} data-testid="save-schedule">
          Save schedule
        </Button>
      </div>
    </div>
  )
}

function RunsSection() {
  const [offset, setOffset] = useState(0)
  const { data, isLoading, error } = useRuns({ limit: 10, offset })
  const [open, setOpen] = useState<string | null>(null)
  return (
    <section className="flex flex-col gap-y-2">
      <Heading level="h2">Runs</Heading>
      {isLoading && <Loading />}
      <ErrorText error={error} />
      {data && !data.runs.length && <Text size="small" className="text-ui-fg-subtle">No runs yet.</Text>}
      {data?.runs.map((run) => (
        <RunRow key={run.id} run={run} open={open === run.id} onToggle={() => setOpen(open === run.id ? null : run.id)} />
      ))}
      {data && data.count > 10 && (
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(offset - 10)}>
            Previous
          </Button>
          <Text size="small">
            {offset + 1}–{Math.min(offset + 10, data.count)} of {data.count}
          </Text>
          <Button size="small" variant="secondary" disabled={offset + 10 >= data.count} onClick={() => setOffset(offset + 10)}>
            Next
          </Button>
        </div>
      )}
    </section>
  )
}

function RunRow({ run, open, onToggle }: { run: Run; open: boolean; onToggle: () => void }) {
  return (
    <div className="rounded-lg border px-4 py-3" data-testid="run" data-status={run.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-x-4">
          <RunStatus status={run.status} />
          <Progress value={run.progress} />
          <Text size="small">
            {run.selected} selected · {run.posted} posted · {run.skipped} skipped
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">
            {date(run.started_at)} → {run.finished_at ? date(run.finished_at) : "…"}
          </Text>
          <Button size="small" variant="transparent" onClick={onToggle}>
            {open ? "Hide" : "Details"}
          </Button>
        </div>
      </div>
      {run.error && <ErrorText error={{ message: run.error }} />}
      {open && <RunDetails id={run.id} />}
    </div>
  )
}

const RUN_STATUSES: Record<Run["status"], { label: string; color: "grey" | "blue" | "green" | "orange" | "red" }> = {
  queued: { label: "Queued", color: "grey" },
  running: { label: "Running", color: "blue" },
  succeeded: { label: "Succeeded", color: "green" },
  partially_failed: { label: "Partially failed", color: "orange" },
  failed: { label: "Failed", color: "red" },
}

function RunStatus({ status }: { status: Run["status"] }) {
  const { label, color } = RUN_STATUSES[status] ?? { label: status, color: "grey" }
  return (
    <Badge size="small" color={color}>
      {label}
    </Badge>
  )
}

const ordersCount = (n: number) => `${n} ${n === 1 ? "order" : "orders"}`

function RunDetails({ id }: { id: string }) {
  const { data, isLoading, error } = useRunDetails(id)
  if (isLoading) return <Loading />
  if (error) return <ErrorText error={error} />
  const run = data!.run
  return (
    <ul className="mt-2 list-disc pl-6">
      {/* Posted invoices first, in number order; then the groups that posted nothing, with their reason. */}
      {[...(run.groups ?? [])].sort(byInvoiceNumber).map((g: any, i: number) => (
        <li key={i}>
          <Text size="small" className={g.failed ? "text-ui-fg-error" : undefined}>
            {g.invoice_number
              ? `${g.invoice_number} · ${ordersCount(g.order_ids?.length ?? 0)}`
              : `${g.failed ? "Failed" : "Not posted"} (${ordersCount(g.order_ids?.length ?? 0)}): ${g.reason ?? "-"}`}
          </Text>
        </li>
      ))}
      {(run.skipped_orders ?? []).map((s: any, i: number) => (
        <li key={`s${i}`}>
          <Text size="small">
            {s.display_id ? `#${s.display_id}` : s.order_id}: {s.reason}
          </Text>
        </li>
      ))}
      {!run.groups?.length && !run.skipped_orders?.length && <Text size="small">Nothing recorded.</Text>}
    </ul>
  )
}

// Groups without an invoice sort last.
const byInvoiceNumber = (a: { invoice_number?: string | null }, b: { invoice_number?: string | null }) =>
  (a.invoice_number ?? "\uffff").localeCompare(b.invoice_number ?? "\uffff")

function SettingsTab() {
  return (
    <>
      <SellerAndPrintSettings />
      <NumberSeriesSection />
    </>
  )
}

function SellerAndPrintSettings() {
  const { data, isLoading, error } = useSettings()
  if (isLoading) return <Loading />
  if (error) return <div className="px-6 pb-6"><ErrorText error={error} /></div>
  return <SettingsForm settings={data!.settings} />
}

function SettingsForm({ settings }: { settings: Settings }) {
  const seller = settings.seller
  const [name, setName] = useState(seller?.name ?? "")
  const [address, setAddress] = useState((seller?.address_lines ?? []).join("\n"))
  const [vat, setVat] = useState(seller?.vat_number ?? "")
  const [email, setEmail] = useState(seller?.email ?? "")
  const [phone, setPhone] = useState(seller?.phone ?? "")
  const [footer, setFooter] = useState(seller?.footer ?? "")
  const [logo, setLogo] = useState(seller?.logo_data_uri ?? null)
  const [copies, setCopies] = useState(String(settings.copies ?? 0))
  const [storeDocs, setStoreDocs] = useState(!!settings.store_documents)
  const [emailInvoices, setEmailInvoices] = useState(!!settings.email_invoices)
  const save = useInvoicingMutation<any, { settings: Settings }>("/admin/invoicing/settings")
  useEffect(() => setLogo(seller?.logo_data_uri ?? null), [seller?.logo_data_uri])
  const orNull = (s: string) => (s.trim() ? s.trim() : null)
  const submit = () =>
    save.mutate(
      {
        seller: name.trim()
          ? {
              name: name.trim(),
              address_lines: address.split("\n").map((l) => l.trim()).filter(Boolean),
              vat_number: orNull(vat),
              email: orNull(email),
              phone: orNull(phone),
              footer: orNull(footer),
              logo_data_uri: logo,
            }
          : null,
        copies: Number(copies),
        store_documents: storeDocs,
        email_invoices: emailInvoices,
      },
      { onSuccess: () => toast.success("Settings saved") }
    )
  return (
    <div className="grid grid-cols-1 gap-6 px-6 pb-6 md:grid-cols-2">
      <section className="flex flex-col gap-y-3">
        <Heading level="h2">Seller details</Heading>
        <Field label="Name">
          <Input size="small" value={name} onChange={(e) => setName(e.target.value)} name="seller-name" />
        </Field>
        <Field label="Address (one line each)">
          <Textarea value={address} onChange={(e) => setAddress(e.target.value)} rows={4} name="seller-address" />
        </Field>
        <Field label="VAT number">
          <Input size="small" value={vat} onChange={(e) => setVat(e.target.value)} name="seller-vat" />
        </Field>
        <Field label="E-mail">
          <Input size="small" value={email} onChange={(e) => setEmail(e.target.value)} name="seller-email" />
        </Field>
        <Field label="Phone">
          <Input size="small" value={phone} onChange={(e) => setPhone(e.target.value)} name="seller-phone" />
        </Field>
        <Field label="Footer">
          <Input size="small" value={footer} onChange={(e) => setFooter(e.target.value)} name="seller-footer" />
        </Field>
        <Field label="Logo (PNG, JPEG or SVG)">
          <LogoPicker logo={logo} onChange={setLogo} />
        </Field>
      </section>
      <section className="flex flex-col gap-y-3">
        <Heading level="h2">Print management defaults</Heading>
        <Field label="Copies beside the original">
          <Input size="small" type="number" min={0} max={20} value={copies} onChange={(e) => setCopies(e.target.value)} />
        </Field>
        <Field label="Store the copies' PDFs">
          <Switch checked={storeDocs} onCheckedChange={setStoreDocs} />
        </Field>
        <Field label="E-mail the original to the invoice account">
          <Switch checked={emailInvoices} onCheckedChange={setEmailInvoices} />
        </Field>
        <div className="mt-4 flex items-center justify-between">
          <ErrorText error={save.error} />
          <Button size="small" isLoading={save.isPending} onClick={submit} data-testid="save-settings">
            Save settings
          </Button>
        </div>
      </section>
    </div>
  )
}

/** The seller's logo, kept as a data: URI (documents may load nothing from outside). */
function LogoPicker({ logo, onChange }: { logo: string | null; onChange: (logo: string | null) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const read = (file: File | undefined) => {
    if (!file) return
    const reader = new FileReader()
    reader.onload = () => onChange(String(reader.result))
    reader.readAsDataURL(file)
  }
  return (
    <div className="flex items-center gap-x-3">
      {logo ? (
        <img src={logo} alt="Logo" className="h-10" />
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          No logo
        </Text>
      )}
      <input ref={input} type="file" accept="image/png,image/jpeg,image/svg+xml" className="hidden" onChange={(e) => (read(e.target.files?.[0]), (e.target.value = ""))} />
      <Button size="small" variant="secondary" onClick={() => input.current?.click()}>
        {logo ? "Replace" : "Upload"}
      </Button>
      {logo && (
        <Button size="small" variant="transparent" onClick={() => onChange(null)}>
          Remove
        </Button>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Invoicing", icon: DocumentText })

export default InvoicingPage
