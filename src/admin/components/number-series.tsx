import { Badge, Button, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type NumberSeries, useInvoicingMutation, useNumberSeries } from "../lib/api"
import { ErrorText, Loading } from "./ui-bits"

const SERIES_NAMES: Record<NumberSeries["code"], string> = {
  invoice: "Invoices",
  credit_note: "Credit notes",
  packing_slip: "Packing slips",
}

/** The document number series: their format can be set until a series issues its first number. */
export function NumberSeriesSection() {
  const { data, isLoading, error } = useNumberSeries()
  return (
    <section className="flex flex-col gap-y-3 px-6 pb-6" data-testid="number-series">
      <div>
        <Heading level="h2">Number series</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each kind of document is numbered without gaps, in posting order. A series can be changed until it issues its first number.
        </Text>
      </div>
      {isLoading && <Loading />}
      <ErrorText error={error} />
      {data && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Series</Table.HeaderCell>
              <Table.HeaderCell>Prefix</Table.HeaderCell>
              <Table.HeaderCell>Digits</Table.HeaderCell>
              <Table.HeaderCell>Next number</Table.HeaderCell>
              <Table.HeaderCell>Next document</Table.HeaderCell>
              <Table.HeaderCell>State</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.number_series.map((series) => (series.used ? <UsedSeriesRow key={series.code} series={series} /> : <OpenSeriesRow key={series.code} series={series} />))}
          </Table.Body>
        </Table>
      )}
    </section>
  )
}

/** A series that issued numbers: shown, not editable (a new format would break the sequence). */
function UsedSeriesRow({ series }: { series: NumberSeries }) {
  return (
    <Table.Row data-testid="series" data-code={series.code}>
      <Table.Cell>{SERIES_NAMES[series.code]}</Table.Cell>
      <Table.Cell>{series.prefix || "-"}</Table.Cell>
      <Table.Cell>{series.padding}</Table.Cell>
      <Table.Cell>{series.next_value}</Table.Cell>
      <Table.Cell data-testid="series-example">{series.example}</Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color="blue" data-testid="series-state">
          In use
        </Badge>
      </Table.Cell>
      <Table.Cell>
        <Text size="small" className="text-ui-fg-subtle" data-testid="series-read-only">
          Read-only: numbers were issued from it
        </Text>
      </Table.Cell>
    </Table.Row>
  )
}

/** A series that issued nothing yet: prefix, digits and next number can be changed. */
function OpenSeriesRow({ series }: { series: NumberSeries }) {
  const saved = { prefix: series.prefix, padding: String(series.padding), next_value: String(series.next_value) }
  const [form, setForm] = useState(saved)
  useEffect(() => setForm(saved), [series.prefix, series.padding, series.next_value]) // eslint-disable-line react-hooks/exhaustive-deps
  const save = useInvoicingMutation<Partial<Pick<NumberSeries, "prefix" | "padding" | "next_value">>, { number_series: NumberSeries }>(
    `/admin/invoicing/number-series/${series.code}`
  )
  // Only what changed is sent: the API names the field it refuses.
  const changes = {
    ...(form.prefix !== saved.prefix ? { prefix: form.prefix } : {}),
    ...(form.padding !== saved.padding ? { padding: Number(form.padding) } : {}),
    ...(form.next_value !== saved.next_value ? { next_value: Number(form.next_value) } : {}),
  }
  const complete = form.padding.trim() !== "" && form.next_value.trim() !== ""
  const set = (key: keyof typeof saved) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }))
  const submit = () =>
    save.mutate(changes, {
      onSuccess: (r) => toast.success(`${SERIES_NAMES[series.code]} start at ${r.number_series.example}`),
    })
  return (
    <>
      <Table.Row data-testid="series" data-code={series.code}>
        <Table.Cell>{SERIES_NAMES[series.code]}</Table.Cell>
        <Table.Cell>
          <Input size="small" className="w-32" value={form.prefix} onChange={set("prefix")} name="series-prefix" aria-label={`${SERIES_NAMES[series.code]} prefix`} />
        </Table.Cell>
        <Table.Cell>
          <Input size="small" className="w-20" type="number" min={1} value={form.padding} onChange={set("padding")} name="series-padding" aria-label={`${SERIES_NAMES[series.code]} digits`} />
        </Table.Cell>
        <Table.Cell>
          <Input size="small" className="w-28" type="number" min={1} value={form.next_value} onChange={set("next_value")} name="series-next" aria-label={`${SERIES_NAMES[series.code]} next number`} />
        </Table.Cell>
        <Table.Cell data-testid="series-example">{series.example}</Table.Cell>
        <Table.Cell>
          <Badge size="2xsmall" color="grey" data-testid="series-state">
            Not used yet
          </Badge>
        </Table.Cell>
        <Table.Cell>
          <Button size="small" variant="secondary" isLoading={save.isPending} disabled={!Object.keys(changes).length || !complete} onClick={submit} data-testid="series-save">
            Save
          </Button>
        </Table.Cell>
      </Table.Row>
      {save.error && (
        <Table.Row>
          <td colSpan={7} className="px-6 py-2">
            <ErrorText error={save.error} />
          </td>
        </Table.Row>
      )}
    </>
  )
}
