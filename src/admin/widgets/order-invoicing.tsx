import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { PostingDialog } from "../components/posting-dialog"
import { ErrorText, Loading, PaymentBadge } from "../components/ui-bits"
import { date, money, openPdf, useInvoices, useInvoicingOrders } from "../lib/api"

/** On an order: its packing slips (invoiced or not), its invoices and credit notes, and "Invoice". */
const OrderInvoicingWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [open, setOpen] = useState(false)
  // The order's invoicing view (packing slips with invoiced quantities) comes from the orders list, by display id.
  const orders = useInvoicingOrders({ status: "uninvoiced", q: String(order.display_id), customer_id: order.customer_id ?? undefined, limit: 5, offset: 0 })
  const invoices = useInvoices({ order_id: order.id, limit: 50, offset: 0 })
  const mine = orders.data?.orders.find((o) => o.id === order.id)
  const invoicedSlips = new Map<string, string>()
  for (const inv of invoices.data?.invoices ?? []) for (const s of inv.packing_slips) if (inv.kind === "invoice") invoicedSlips.set(s.number, inv.number ?? "")
  const slipsToInvoice = mine?.packing_slips.filter((s) => s.lines.some((l) => l.quantity > l.invoiced_quantity)) ?? []
  return (
    <Container className="divide-y p-0" data-testid="order-invoicing">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Invoicing</Heading>
        <Button size="small" variant="secondary" disabled={!slipsToInvoice.length} onClick={() => setOpen(true)} data-testid="order-invoice">
          Invoice
        </Button>
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Packing slips
        </Text>
        {orders.isLoading && <Loading />}
        <ErrorText error={orders.error} />
        {!orders.isLoading && !slipsToInvoice.length && (
          <Text size="small" className="text-ui-fg-subtle">
            Nothing shipped waits to be invoiced.
          </Text>
        )}
        {slipsToInvoice.map((s) => (
          <div key={s.fulfillment_id} className="flex items-center justify-between py-1" data-testid="packing-slip">
            <Text size="small">{s.number ?? "(numbered on invoicing)"}</Text>
            <Text size="small" className="text-ui-fg-subtle">
              shipped {date(s.shipped_at)}
            </Text>
            <div className="flex items-center gap-x-2">
              <Badge size="2xsmall" color="orange">
                not invoiced
              </Badge>
              {s.id && (
                <Button size="small" variant="transparent" onClick={() => openPdf(`/admin/invoicing/packing-slips/${s.id}/pdf`).catch((e) => toast.error(e.message))}>
                  PDF
                </Button>
              )}
            </div>
          </div>
        ))}
        {[...invoicedSlips].map(([slip, number]) => (
          <div key={slip} className="flex items-center justify-between py-1">
            <Text size="small">{slip}</Text>
            <Badge size="2xsmall" color="green">
              invoiced {number}
            </Badge>
          </div>
        ))}
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Invoices and credit notes
        </Text>
        {invoices.isLoading && <Loading />}
        <ErrorText error={invoices.error} />
        {invoices.data && !invoices.data.invoices.length && (
          <Text size="small" className="text-ui-fg-subtle">
            None yet.
          </Text>
        )}
        {invoices.data && invoices.data.invoices.length > 0 && (
          <Table>
            <Table.Body>
              {invoices.data.invoices.map((inv) => (
                <Table.Row key={inv.id} data-testid="order-invoice-row">
                  <Table.Cell>
                    <Link to={`/invoicing/${inv.id}`} className="text-ui-fg-interactive">
                      {inv.number}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{inv.kind === "credit_note" ? "credit note" : inv.packing_slip_number}</Table.Cell>
                  <Table.Cell>{money(inv.total, inv.currency_code)}</Table.Cell>
                  <Table.Cell>
                    <PaymentBadge status={inv.payment_status} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
      <PostingDialog orderIds={[order.id]} open={open} onOpenChange={setOpen} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderInvoicingWidget
