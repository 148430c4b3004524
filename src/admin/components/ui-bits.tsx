import { Badge, Select, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled @medusajs/ui Select of fixed options. */
export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string
  value: T
  options: { value: T; label: string }[]
  onChange: (v: T) => void
  testId?: string
}) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" leading="compact" weight="plus">
        {label}
      </Text>
      <Select value={value} onValueChange={(v) => onChange(v as T)}>
        <Select.Trigger data-testid={testId}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" leading="compact" weight="plus">
        {label}
      </Text>
      {children}
    </div>
  )
}

export function PaymentBadge({ status }: { status: string | null }) {
  if (!status) return <Text size="small">-</Text>
  const color = status === "paid" ? "green" : status === "partially_paid" ? "orange" : "grey"
  return (
    <Badge size="2xsmall" color={color}>
      {status.replace("_", " ")}
    </Badge>
  )
}

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null
  const message = (error as any)?.message || String(error)
  return (
    <Text size="small" className="text-ui-fg-error" data-testid="error">
      {message}
    </Text>
  )
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <Text size="small" className="text-ui-fg-subtle px-6 py-4">
      {label}
    </Text>
  )
}

/** A progress bar (0..1). */
export function Progress({ value }: { value: number }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100)
  return (
    <div className="flex items-center gap-x-2" data-testid="run-progress" data-progress={pct}>
      <div className="bg-ui-bg-component h-2 w-32 overflow-hidden rounded-full border">
        <div className="bg-ui-fg-interactive h-full" style={{ width: `${pct}%` }} />
      </div>
      <Text size="small">{pct} %</Text>
    </div>
  )
}
