import BigNumber from "bignumber.js"
import { type CreditableInvoice, type CreditNoteDraft, CreditNoteRefused, creditNote } from "../credit-note"
import type { InvoicingOrder, PackingSlip } from "../invoicing-order"
import type { LineAmounts } from "../proration"
import { type InvoiceTotals, type ProposedInvoice, proposeInvoices } from "../propose"
import type { Closing, CreditStep, InvoiceStep, Scenario, ShipStep } from "./arbitraries"

/**
 * Plays a scenario against the pure rules as the module plays them against the database:
 * postings move the balances from what the proposal saw (refused if they moved), credit notes
 * give quantities back, and each order's invoiced amounts are the sum of its posted lines
 * and charges, credit notes included.
 */

type DocumentLine = LineAmounts & { order_id: string; line_item_id: string; packing_slip_id: string | null; quantity: number }
type DocumentCharge = LineAmounts & { order_id: string; shipping_method_id: string }

/** A posted invoice or credit note, as the properties read it. */
export type PostedDocument = {
  kind: "invoice" | "credit_note"
  id: string
  lines: DocumentLine[]
  charges: DocumentCharge[]
  totals: InvoiceTotals
  /** Invoices only: what the proposal said, for crediting. */
  invoice?: ProposedInvoice
  /** Credit notes only. */
  credit?: { invoice_id: string; note: CreditNoteDraft }
}

/** An over-credit request and whether the rules refused it. */
export type OverCredit = { invoice_id: string; line_id: string; left: number; asked: number; refused: boolean }

export type Simulation = {
  orders: InvoicingOrder[]
  documents: PostedDocument[]
  /** The orders' balances right after each document was posted (same index). */
  balances: InvoicingOrder[][]
  overCredits: OverCredit[]
  /** True when the closing run found nothing to invoice while the orders were not fully invoiced. */
  stuck: boolean
}

const TODAY = "2026-11-24"

const amountsOf = (documentOrderParts: LineAmounts[], key: "total" | "tax_total" | "discount_total") =>
  documentOrderParts.reduce((s, x) => s.plus(x[key]), new BigNumber(0))

/** Adds a document's lines and charges of `order` to the order's invoiced amounts, as the database sums them. */
function withInvoicedAmounts(order: InvoicingOrder, document: PostedDocument): InvoicingOrder {
  const mine = [...document.lines, ...document.charges].filter((x) => x.order_id === order.id)
  const plus = (key: "total" | "tax_total" | "discount_total") =>
    new BigNumber(order.invoiced_amounts[key]).plus(amountsOf(mine, key)).toFixed()
  return { ...order, invoiced_amounts: { total: plus("total"), tax_total: plus("tax_total"), discount_total: plus("discount_total") } }
}

function mapSlipLines(order: InvoicingOrder, change: (slip: PackingSlip, line: PackingSlip["lines"][number]) => number): InvoicingOrder {
  return {
    ...order,
    packing_slips: order.packing_slips.map((slip) => ({
      ...slip,
      lines: slip.lines.map((line) => ({ ...line, invoiced_quantity: change(slip, line) })),
    })),
  }
}

/** What posting does: each balance must still be what the proposal saw, then takes its new value. */
function postInvoice(orders: InvoicingOrder[], invoice: ProposedInvoice): InvoicingOrder[] {
  const items = new Map(invoice.balance.order_lines.map((c) => [c.source_id, c]))
  const slipLines = new Map(invoice.balance.packing_slip_lines.map((c) => [c.id, c]))
  return orders.map((order) => {
    const moved = (what: string, now: number, before: number) => {
      throw new Error(`posting ${invoice.group_key}: ${what} was ${now}, the proposal saw ${before}`)
    }
    const lines = order.lines.map((line) => {
      const change = items.get(line.line_item_id)
      if (!change) return line
      if (change.invoiced_before !== line.invoiced_quantity) moved(line.line_item_id, line.invoiced_quantity, change.invoiced_before)
      return { ...line, invoiced_quantity: change.invoiced_after }
    })
    const charges = order.charges.map((charge) => {
      if (!items.has(charge.shipping_method_id)) return charge
      if (charge.invoiced) moved(charge.shipping_method_id, 1, 0)
      return { ...charge, invoiced: true }
    })
    const posted = mapSlipLines({ ...order, lines, charges }, (_, line) => {
      const change = slipLines.get(line.id)
      if (!change) return line.invoiced_quantity
      if (change.invoiced_before !== line.invoiced_quantity) moved(line.id!, line.invoiced_quantity, change.invoiced_before)
      return change.invoiced_after
    })
    return withInvoicedAmounts(posted, invoiceDocument(invoice, ""))
  })
}

function invoiceDocument(invoice: ProposedInvoice, id: string): PostedDocument {
  return { kind: "invoice", id, lines: invoice.lines, charges: invoice.charges, totals: invoice.totals, invoice }
}

/** What a credit note does to the balances: the credited units and charges become invoiceable again. */
function postCreditNote(orders: InvoicingOrder[], note: CreditNoteDraft): InvoicingOrder[] {
  const items = new Map(note.returns.order_lines.map((r) => [r.source_id, r.quantity]))
  const slipLines = new Map(note.returns.packing_slip_lines.map((r) => [`${r.packing_slip_id}|${r.line_item_id}`, r.quantity]))
  const giveBack = (what: string, invoiced: number, quantity: number) => {
    if (invoiced < quantity) throw new Error(`credit note: ${what} has ${invoiced} invoiced, less than the ${quantity} to credit`)
    return invoiced - quantity
  }
  return orders.map((order) => {
    const lines = order.lines.map((line) =>
      items.has(line.line_item_id) ? { ...line, invoiced_quantity: giveBack(line.line_item_id, line.invoiced_quantity, items.get(line.line_item_id)!) } : line
    )
    const charges = order.charges.map((charge) =>
      items.has(charge.shipping_method_id) ? { ...charge, invoiced: giveBack(charge.shipping_method_id, charge.invoiced ? 1 : 0, 1) > 0 } : charge
    )
    const credited = mapSlipLines({ ...order, lines, charges }, (slip, line) => {
      const quantity = slipLines.get(`${slip.id}|${line.line_item_id}`)
      return quantity === undefined ? line.invoiced_quantity : giveBack(`${slip.id} ${line.line_item_id}`, line.invoiced_quantity, quantity)
    })
    return withInvoicedAmounts(credited, { kind: "credit_note", id: "", lines: note.lines, charges: note.charges, totals: note.totals })
  })
}

/** An invoice as the credit note rules see it: its lines with the units earlier credit notes took. */
export function creditableInvoice(invoice: PostedDocument, documents: PostedDocument[]): CreditableInvoice {
  const notes = documents.filter((d) => d.credit?.invoice_id === invoice.id).map((d) => d.credit!.note)
  const credited = (lineId: string) =>
    notes.flatMap((n) => n.lines).filter((l) => l.credited_line_id === lineId).reduce((s, l) => s - l.quantity, 0)
  const chargeCredited = (chargeId: string) => notes.some((n) => n.charges.some((c) => c.credited_charge_id === chargeId))
  return {
    id: invoice.id,
    number: invoice.id,
    kind: "invoice",
    lines: invoice.invoice!.lines.map((line, i) => {
      const id = `${invoice.id}_line_${i}`
      return { ...line, id, credited_quantity: credited(id) }
    }),
    charges: invoice.invoice!.charges.map((charge, i) => {
      const id = `${invoice.id}_charge_${i}`
      return { ...charge, id, credited: chargeCredited(id) }
    }),
  }
}

class Run {
  orders: InvoicingOrder[]
  documents: PostedDocument[] = []
  balances: InvoicingOrder[][] = []
  overCredits: OverCredit[] = []
  private slips = 0

  constructor(scenario: Scenario) {
    this.orders = scenario.orders.map((o) => o.order)
  }

  private record(document: PostedDocument, orders: InvoicingOrder[]) {
    this.orders = orders
    this.documents.push(document)
    this.balances.push(orders)
  }

  /** A packing slip of the order, each line shipping a random part of what it has not shipped yet. */
  ship(step: ShipStep, everything = false) {
    const index = step.order % this.orders.length
    const order = this.orders[index]
    const shipped = (lineId: string) =>
      order.packing_slips.flatMap((s) => s.lines).filter((l) => l.line_item_id === lineId).reduce((s, l) => s + l.quantity, 0)
    const lines = order.lines
      .map((line, i) => {
        const unshipped = line.quantity - shipped(line.line_item_id)
        return { line_item_id: line.line_item_id, quantity: everything ? unshipped : (step.quantities[i % step.quantities.length] + i) % (unshipped + 1) }
      })
      .filter((l) => l.quantity > 0)
    if (!lines.length) return
    const number = ++this.slips
    const fulfillmentId = `ful_${number}`
    const slip: PackingSlip = {
      fulfillment_id: fulfillmentId,
      id: `ps_${number}`,
      number: `PS-${String(number).padStart(6, "0")}`,
      shipped_at: new Date(Date.UTC(2026, 2, 1, 0, number)).toISOString(),
      lines: lines.map((l) => ({ ...l, invoiced_quantity: 0, id: `psl_${number}_${l.line_item_id}` })),
    }
    this.orders = this.orders.map((o, i) => (i === index ? { ...o, packing_slips: [...o.packing_slips, slip] } : o))
  }

  /** One invoicing run: proposes for the selected orders and posts every invoice of the proposal. */
  invoice(step: Pick<InvoiceStep, "quantity" | "summary_update" | "orders">): number {
    const selected = this.orders.filter((_, i) => (step.orders >> i) & 1)
    const { groups } = proposeInvoices(selected, { quantity: step.quantity, summary_update: step.summary_update, match_keys: [] }, { today: TODAY, accounts: {} })
    for (const invoice of groups) {
      this.record(invoiceDocument(invoice, `INV-${this.documents.length + 1}`), postInvoice(this.orders, invoice))
    }
    return groups.length
  }

  /** A credit note of a posted invoice: whole, some units of some lines, or an over-credit that must be refused. */
  credit(step: CreditStep) {
    const invoices = this.documents.filter((d) => d.kind === "invoice")
    if (!invoices.length) return
    const invoice = invoices[step.invoice % invoices.length]
    const creditable = creditableInvoice(invoice, this.documents)
    const left = (l: CreditableInvoice["lines"][number]) => l.quantity - l.credited_quantity
    const digits = this.orders[0].decimal_digits

    if (step.over) {
      // An invoice of charges only has no line to ask too much of.
      if (!creditable.lines.length) return
      const line = creditable.lines[step.lines[0] % creditable.lines.length]
      const asked = left(line) + 1 + (step.lines[1] % 3)
      let refused = false
      try {
        creditNote(creditable, { lines: [{ invoice_line_id: line.id, quantity: asked }] }, digits)
      } catch (error) {
        if (!(error instanceof CreditNoteRefused)) throw error
        refused = true
      }
      this.overCredits.push({ invoice_id: invoice.id, line_id: line.id, left: left(line), asked, refused })
      return
    }

    let request: { lines?: { invoice_line_id: string; quantity: number }[] } = {}
    if (!step.whole) {
      const open = creditable.lines.filter((l) => left(l) > 0)
      if (!open.length) return
      const chosen = [...new Set([open[step.lines[0] % open.length], ...(step.lines[2] % 2 ? [open[step.lines[1] % open.length]] : [])])]
      request = { lines: chosen.map((l, i) => ({ invoice_line_id: l.id, quantity: 1 + (step.lines[3 - i] % left(l)) })) }
    } else if (!creditable.lines.some((l) => left(l) > 0) && creditable.charges.every((c) => c.credited)) {
      return
    }
    const note = creditNote(creditable, request, digits)
    this.record(
      { kind: "credit_note", id: `CN-${this.documents.length + 1}`, lines: note.lines, charges: note.charges, totals: note.totals, credit: { invoice_id: invoice.id, note } },
      postCreditNote(this.orders, note)
    )
  }

  complete(): boolean {
    return this.orders.every((o) => o.lines.every((l) => l.invoiced_quantity === l.quantity) && o.charges.every((c) => c.invoiced))
  }

  /** Ships whatever is left, then invoices until every order is fully invoiced; false if it cannot get there. */
  close(closing: Closing): boolean {
    this.orders.forEach((_, order) => this.ship({ kind: "ship", order, quantities: [0] }, true))
    const all = (1 << this.orders.length) - 1
    for (let round = 0; round < 3 && !this.complete(); round++) {
      if (!this.invoice({ ...closing, orders: all })) return false
    }
    return this.complete()
  }
}

export function simulate(scenario: Scenario): Simulation {
  const run = new Run(scenario)
  for (const step of scenario.steps) {
    if (step.kind === "ship") run.ship(step)
    else if (step.kind === "invoice") run.invoice(step)
    else run.credit(step)
  }
  const closed = run.close(scenario.closing)
  return { orders: run.orders, documents: run.documents, balances: run.balances, overCredits: run.overCredits, stuck: !closed }
}
