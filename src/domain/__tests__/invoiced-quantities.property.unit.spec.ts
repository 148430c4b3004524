import fc from "fast-check"
import type { InvoicingOrder } from "../invoicing-order"
import { creditingScenario, RUNS } from "./arbitraries"
import { type PostedDocument, simulate } from "./invoicing-simulation"

/** Units of each order line, packing slip line and charge that the documents posted so far invoice, less what they credit. */
function netInvoiced(documents: PostedDocument[]) {
  const lines = new Map<string, number>()
  const slipLines = new Map<string, number>()
  const charges = new Map<string, number>()
  const add = (map: Map<string, number>, key: string, units: number) => map.set(key, (map.get(key) ?? 0) + units)
  for (const d of documents) {
    for (const l of d.lines) {
      add(lines, l.line_item_id, l.quantity)
      if (l.packing_slip_id) add(slipLines, `${l.packing_slip_id}|${l.line_item_id}`, l.quantity)
    }
    for (const c of d.charges) add(charges, c.shipping_method_id, d.kind === "invoice" ? 1 : -1)
  }
  return { lines, slipLines, charges }
}

/** Every quantity out of bounds after one posting, and every balance that disagrees with the documents. */
function violations(orders: InvoicingOrder[], documents: PostedDocument[]): string[] {
  const net = netInvoiced(documents)
  const found: string[] = []
  for (const order of orders) {
    for (const line of order.lines) {
      const units = net.lines.get(line.line_item_id) ?? 0
      if (units < 0 || units > line.quantity) found.push(`${line.line_item_id}: ${units} invoiced of ${line.quantity} ordered`)
      if (units !== line.invoiced_quantity) found.push(`${line.line_item_id}: balance ${line.invoiced_quantity}, documents ${units}`)
    }
    for (const slip of order.packing_slips) {
      for (const line of slip.lines) {
        const units = net.slipLines.get(`${slip.id}|${line.line_item_id}`) ?? 0
        if (units < 0 || units > line.quantity) found.push(`${slip.number} ${line.line_item_id}: ${units} invoiced of ${line.quantity} shipped`)
        if (units !== line.invoiced_quantity) found.push(`${slip.number} ${line.line_item_id}: balance ${line.invoiced_quantity}, documents ${units}`)
      }
    }
    for (const charge of order.charges) {
      const times = net.charges.get(charge.shipping_method_id) ?? 0
      if (times !== (charge.invoiced ? 1 : 0)) found.push(`${charge.shipping_method_id}: invoiced ${times} times`)
    }
  }
  // A packing slip line an invoice draws on is one the order shipped.
  const shipped = new Set(orders.flatMap((o) => o.packing_slips.flatMap((s) => s.lines.map((l) => `${s.id}|${l.line_item_id}`))))
  for (const key of net.slipLines.keys()) if (!shipped.has(key)) found.push(`${key}: invoiced but never shipped`)
  return found
}

describe("quantities are never invoiced twice", () => {
  it("no order line is ever invoiced beyond its ordered quantity, nor a packing slip line beyond its shipped quantity, nor a charge more than once", () => {
    fc.assert(
      fc.property(creditingScenario, (scenario) => {
        const { documents, balances } = simulate(scenario)
        documents.forEach((document, i) => {
          const wrongSign = document.lines.filter((l) => (document.kind === "invoice" ? l.quantity <= 0 : l.quantity >= 0))
          expect({ document: document.id, wrongSign, violations: violations(balances[i], documents.slice(0, i + 1)) }).toEqual({
            document: document.id,
            wrongSign: [],
            violations: [],
          })
        })
      }),
      RUNS
    )
  })

  it("a credit note never credits more than its invoice invoiced, and a request for more is refused", () => {
    fc.assert(
      fc.property(creditingScenario, (scenario) => {
        const { documents, overCredits } = simulate(scenario)
        const overCredited: string[] = []
        for (const invoice of documents.filter((d) => d.kind === "invoice")) {
          const notes = documents.filter((d) => d.credit?.invoice_id === invoice.id).map((d) => d.credit!.note)
          invoice.lines.forEach((line, i) => {
            const credited = -notes.flatMap((n) => n.lines).filter((l) => l.credited_line_id === `${invoice.id}_line_${i}`).reduce((s, l) => s + l.quantity, 0)
            if (credited > line.quantity) overCredited.push(`${invoice.id} line ${i}: ${credited} credited of ${line.quantity}`)
          })
          invoice.charges.forEach((_, i) => {
            const times = notes.flatMap((n) => n.charges).filter((c) => c.credited_charge_id === `${invoice.id}_charge_${i}`).length
            if (times > 1) overCredited.push(`${invoice.id} charge ${i}: credited ${times} times`)
          })
          const foreign = notes.flatMap((n) => [...n.lines.map((l) => l.credited_line_id), ...n.charges.map((c) => c.credited_charge_id)])
          overCredited.push(...foreign.filter((id) => !id.startsWith(`${invoice.id}_`)).map((id) => `${invoice.id}: credits ${id}, not its own`))
        }
        expect(overCredited).toEqual([])
        expect(overCredits.filter((o) => !o.refused)).toEqual([])
      }),
      RUNS
    )
  })
})
