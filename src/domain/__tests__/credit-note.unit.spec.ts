import BigNumber from "bignumber.js"
import {
  type CreditableCharge,
  type CreditableInvoice,
  type CreditableLine,
  type CreditNoteDraft,
  CreditNoteRefused,
  creditNote,
} from "../credit-note"

/** An invoice line of `quantity` units with its rounded amounts (tax-exclusive unless told). */
function aLine(id: string, quantity: number, amounts: { total: string; tax_total: string; discount_total?: string }, overrides: Partial<CreditableLine> = {}): CreditableLine {
  return {
    id,
    order_id: "order_1",
    order_display_id: 7,
    line_item_id: `item_${id}`,
    packing_slip_id: "ps_1",
    packing_slip_number: "PS-000001",
    title: `Item ${id}`,
    variant_sku: `SKU-${id}`,
    quantity,
    unit_price: "10",
    is_tax_inclusive: false,
    tax_rate: "20",
    discount_total: "0",
    credited_quantity: 0,
    ...amounts,
    ...overrides,
  }
}

function aCharge(id: string, overrides: Partial<CreditableCharge> = {}): CreditableCharge {
  return {
    id,
    order_id: "order_1",
    order_display_id: 7,
    shipping_method_id: `sm_${id}`,
    name: "Standard parcel",
    tax_rate: "20",
    subtotal: "5",
    discount_total: "0",
    tax_total: "1",
    total: "6",
    credited: false,
    ...overrides,
  }
}

function anInvoice(lines: CreditableLine[], charges: CreditableCharge[] = [], overrides: Partial<CreditableInvoice> = {}): CreditableInvoice {
  return { id: "inv_1", number: "INV-000001", kind: "invoice", lines, charges, ...overrides }
}

/** What posting a credit note does to the invoice seen by the next one: its units and charges are credited. */
function afterCredit(invoice: CreditableInvoice, note: CreditNoteDraft): CreditableInvoice {
  const units = new Map(note.lines.map((l) => [l.credited_line_id, -l.quantity]))
  const charges = new Set(note.charges.map((c) => c.credited_charge_id))
  return {
    ...invoice,
    lines: invoice.lines.map((l) => ({ ...l, credited_quantity: l.credited_quantity + (units.get(l.id) ?? 0) })),
    charges: invoice.charges.map((c) => ({ ...c, credited: c.credited || charges.has(c.id) })),
  }
}

const total = (values: string[]) => values.reduce((s, v) => s.plus(v), new BigNumber(0)).toFixed()
const lineSum = (notes: CreditNoteDraft[], lineId: string, key: "total" | "tax_total" | "discount_total" | "subtotal") =>
  total(notes.flatMap((n) => n.lines.filter((l) => l.credited_line_id === lineId).map((l) => l[key])))

function refusal(run: () => unknown): CreditNoteRefused {
  try {
    run()
  } catch (error) {
    if (error instanceof CreditNoteRefused) return error
    throw error
  }
  throw new Error("the credit note was not refused")
}

describe("credit notes", () => {
  describe("amounts", () => {
    it("a line credited in three parts adds up exactly to the invoiced line", () => {
      let invoice = anInvoice([aLine("a", 3, { total: "10", tax_total: "0.91", discount_total: "1" })])
      const notes: CreditNoteDraft[] = []
      for (let i = 0; i < 3; i++) {
        const note = creditNote(invoice, { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2)
        notes.push(note)
        invoice = afterCredit(invoice, note)
      }
      expect(notes.map((n) => n.lines[0].total)).toEqual(["-3.33", "-3.34", "-3.33"])
      expect(lineSum(notes, "a", "total")).toBe("-10")
      expect(lineSum(notes, "a", "tax_total")).toBe("-0.91")
      expect(lineSum(notes, "a", "discount_total")).toBe("-1")
      expect(lineSum(notes, "a", "subtotal")).toBe("-10.09")
    })

    it("crediting units p+1..p+q takes share(p+q) − share(p) of each amount, each share rounded half up to the currency", () => {
      // share(k) of 0.91 tax over 3 units: 0.30, 0.61, 0.91 — so the parts are 0.30, 0.31, 0.30.
      const line = aLine("a", 3, { total: "10", tax_total: "0.91", discount_total: "0.05" })
      const first = creditNote(anInvoice([line]), { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2)
      expect(first.lines[0]).toMatchObject({ total: "-3.33", tax_total: "-0.3", discount_total: "-0.02" })
      const second = creditNote(anInvoice([{ ...line, credited_quantity: 1 }]), { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2)
      expect(second.lines[0]).toMatchObject({ total: "-3.34", tax_total: "-0.31", discount_total: "-0.01" })
      const rest = creditNote(anInvoice([{ ...line, credited_quantity: 1 }]), { lines: [{ invoice_line_id: "a", quantity: 2 }] }, 2)
      expect(rest.lines[0]).toMatchObject({ total: "-6.67", tax_total: "-0.61", discount_total: "-0.03" })
    })

    it("a half cent share rounds away from zero, so the credit is the larger part first", () => {
      // 0.05 over 2 units: share(1) = 0.025 → 0.03, so the first unit credits 0.03 and the second 0.02.
      const line = aLine("a", 2, { total: "0.05", tax_total: "0" })
      const first = creditNote(anInvoice([line]), { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2)
      const second = creditNote(anInvoice([{ ...line, credited_quantity: 1 }]), { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2)
      expect([first.lines[0].total, second.lines[0].total]).toEqual(["-0.03", "-0.02"])
    })

    it("a zero-decimal currency credits whole units of money, a three-decimal one thousandths", () => {
      const yen = creditNote(anInvoice([aLine("a", 3, { total: "1000", tax_total: "91" })]), { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 0)
      expect(yen.lines[0]).toMatchObject({ total: "-333", tax_total: "-30", subtotal: "-303" })
      const dinar = creditNote(anInvoice([aLine("a", 3, { total: "1", tax_total: "0.091" })]), { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 3)
      expect(dinar.lines[0]).toMatchObject({ total: "-0.333", tax_total: "-0.03", subtotal: "-0.303" })
    })

    it("every credit-note line keeps subtotal = total − tax + discount", () => {
      const note = creditNote(anInvoice([aLine("a", 7, { total: "83.17", tax_total: "13.86", discount_total: "9.24" })]), { lines: [{ invoice_line_id: "a", quantity: 3 }] }, 2)
      const l = note.lines[0]
      expect(new BigNumber(l.total).minus(l.tax_total).plus(l.discount_total).toFixed()).toBe(l.subtotal)
      expect(l).toMatchObject({ total: "-35.64", tax_total: "-5.94", discount_total: "-3.96", subtotal: "-33.66" })
    })

    it("credit-note totals are the negative sums: lines' subtotal and discount, charges net of tax, tax and total of both", () => {
      const invoice = anInvoice(
        [aLine("a", 1, { total: "12", tax_total: "2", discount_total: "1" }), aLine("b", 2, { total: "21.1", tax_total: "1.1", discount_total: "0" })],
        [aCharge("c1"), aCharge("c2", { subtotal: "25", tax_total: "5", total: "30" })]
      )
      const note = creditNote(invoice, {}, 2)
      expect(note.totals).toEqual({
        item_subtotal: "-31",
        discount_total: "-1",
        charges_total: "-30",
        tax_total: "-9.1",
        total: "-69.1",
      })
    })

    it("crediting every unit of a line in random parts adds up exactly to the line, in 0-, 2- and 3-decimal currencies", () => {
      let seed = 20261124
      const random = () => {
        // mulberry32: a fixed seed keeps failures reproducible.
        seed = (seed + 0x6d2b79f5) | 0
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
      }
      const amount = (digits: number, max: number) => new BigNumber(random() * max).decimalPlaces(digits, BigNumber.ROUND_DOWN).toFixed()
      for (const digits of [0, 2, 3]) {
        for (let run = 0; run < 300; run++) {
          const quantity = 1 + Math.floor(random() * 25)
          const line = aLine("a", quantity, { total: amount(digits, 5000), tax_total: amount(digits, 900), discount_total: amount(digits, 300) })
          let invoice = anInvoice([line])
          const notes: CreditNoteDraft[] = []
          while (invoice.lines[0].credited_quantity < quantity) {
            const left = quantity - invoice.lines[0].credited_quantity
            const note = creditNote(invoice, { lines: [{ invoice_line_id: "a", quantity: 1 + Math.floor(random() * left) }] }, digits)
            notes.push(note)
            invoice = afterCredit(invoice, note)
          }
          const context = `digits ${digits}, run ${run}, line ${JSON.stringify(line)}`
          expect([context, lineSum(notes, "a", "total")]).toEqual([context, new BigNumber(line.total).negated().toFixed()])
          expect([context, lineSum(notes, "a", "tax_total")]).toEqual([context, new BigNumber(line.tax_total).negated().toFixed()])
          expect([context, lineSum(notes, "a", "discount_total")]).toEqual([context, new BigNumber(line.discount_total).negated().toFixed()])
          expect(notes.reduce((s, n) => s + n.lines[0].quantity, 0)).toBe(-quantity)
          for (const l of notes.flatMap((n) => n.lines)) {
            expect(new BigNumber(l.total).decimalPlaces()).toBeLessThanOrEqual(digits)
            expect(new BigNumber(l.total).isPositive() && !new BigNumber(l.total).isZero()).toBe(false)
          }
        }
      }
    })

    it("an invoice's credit notes, two partial then a full one, add up exactly to the invoice and net it to zero", () => {
      const lines = [aLine("a", 3, { total: "50", tax_total: "8", discount_total: "4.8" }), aLine("b", 1, { total: "15.83", tax_total: "0.83" })]
      const charges = [aCharge("c1", { subtotal: "4.5", discount_total: "0.5", tax_total: "0.9", total: "4.9" })]
      let invoice = anInvoice(lines, charges)
      const notes: CreditNoteDraft[] = []
      for (const request of [{ lines: [{ invoice_line_id: "a", quantity: 1 }] }, { lines: [{ invoice_line_id: "a", quantity: 1 }] }, {}]) {
        const note = creditNote(invoice, request, 2)
        notes.push(note)
        invoice = afterCredit(invoice, note)
      }
      const invoiceTotal = total([...lines, ...charges].map((x) => x.total))
      expect(total(notes.map((n) => n.totals.total))).toBe(new BigNumber(invoiceTotal).negated().toFixed())
      expect(total(notes.map((n) => n.totals.tax_total))).toBe("-9.73")
    })
  })

  describe("what is credited", () => {
    it("credit-note lines carry the negative quantity and the invoice line's price, tax, order and packing slip, and name the credited line", () => {
      const line = aLine("a", 4, { total: "48", tax_total: "8" }, { is_tax_inclusive: true, tax_rate: "5.5", unit_price: "12" })
      const note = creditNote(anInvoice([line]), { lines: [{ invoice_line_id: "a", quantity: 3 }] }, 2)
      expect(note.lines).toEqual([
        {
          credited_line_id: "a",
          order_id: "order_1",
          order_display_id: 7,
          line_item_id: "item_a",
          packing_slip_id: "ps_1",
          packing_slip_number: "PS-000001",
          title: "Item a",
          variant_sku: "SKU-a",
          quantity: -3,
          unit_price: "12",
          is_tax_inclusive: true,
          tax_rate: "5.5",
          total: "-36",
          tax_total: "-6",
          discount_total: "0",
          subtotal: "-30",
        },
      ])
      expect(note.credited_invoice_id).toBe("inv_1")
    })

    it("a credit note of some lines credits only those units and no charge", () => {
      const invoice = anInvoice([aLine("a", 2, { total: "24", tax_total: "4" }), aLine("b", 1, { total: "12", tax_total: "2" })], [aCharge("c1")])
      const note = creditNote(invoice, { lines: [{ invoice_line_id: "b", quantity: 1 }] }, 2)
      expect(note.lines.map((l) => [l.credited_line_id, l.quantity])).toEqual([["b", -1]])
      expect(note.charges).toEqual([])
      expect(note.returns.order_lines).toEqual([{ order_id: "order_1", kind: "item", source_id: "item_b", quantity: 1 }])
    })

    it("a full credit note credits every unit not credited yet and every charge, each charge whole", () => {
      let invoice = anInvoice([aLine("a", 3, { total: "36", tax_total: "6" }), aLine("b", 1, { total: "12", tax_total: "2" })], [aCharge("c1"), aCharge("c2")])
      invoice = afterCredit(invoice, creditNote(invoice, { lines: [{ invoice_line_id: "a", quantity: 2 }] }, 2))
      const full = creditNote(invoice, {}, 2)
      expect(full.lines.map((l) => [l.credited_line_id, l.quantity, l.total])).toEqual([
        ["a", -1, "-12"],
        ["b", -1, "-12"],
      ])
      expect(full.charges).toEqual([
        { credited_charge_id: "c1", order_id: "order_1", order_display_id: 7, shipping_method_id: "sm_c1", name: "Standard parcel", tax_rate: "20", subtotal: "-5", discount_total: "0", tax_total: "-1", total: "-6" },
        expect.objectContaining({ credited_charge_id: "c2", total: "-6" }),
      ])
    })

    it("a full credit note after the lines were credited in full still credits the charges, once", () => {
      let invoice = anInvoice([aLine("a", 1, { total: "12", tax_total: "2" })], [aCharge("c1")])
      invoice = afterCredit(invoice, creditNote(invoice, { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2))
      const charges = creditNote(invoice, {}, 2)
      expect(charges.lines).toEqual([])
      expect(charges.charges.map((c) => c.credited_charge_id)).toEqual(["c1"])
      expect(charges.packing_slip_number).toBeNull()
      invoice = afterCredit(invoice, charges)
      expect(refusal(() => creditNote(invoice, {}, 2)).message).toMatch(/INV-000001 is credited in full already/)
    })

    it("the quantity given back is summed per order line and per packing slip line, and a charge's balance is given back whole", () => {
      const invoice = anInvoice(
        [
          aLine("a1", 2, { total: "24", tax_total: "4" }, { line_item_id: "item_a", packing_slip_id: "ps_1", packing_slip_number: "PS-000001" }),
          aLine("a2", 3, { total: "36", tax_total: "6" }, { line_item_id: "item_a", packing_slip_id: "ps_2", packing_slip_number: "PS-000002" }),
          aLine("b", 1, { total: "12", tax_total: "2" }, { line_item_id: "item_b", packing_slip_id: null, packing_slip_number: null }),
        ],
        [aCharge("c1")]
      )
      const note = creditNote(invoice, {}, 2)
      expect(note.returns).toEqual({
        order_lines: [
          { order_id: "order_1", kind: "item", source_id: "item_a", quantity: 5 },
          { order_id: "order_1", kind: "item", source_id: "item_b", quantity: 1 },
          { order_id: "order_1", kind: "charge", source_id: "sm_c1", quantity: 1 },
        ],
        packing_slip_lines: [
          { packing_slip_id: "ps_1", line_item_id: "item_a", quantity: 2 },
          { packing_slip_id: "ps_2", line_item_id: "item_a", quantity: 3 },
        ],
      })
      expect(note.packing_slip_number).toBe("multiple")
    })

    it("the credit note shows its packing slip's number when its lines come from one packing slip, and none when from none", () => {
      const invoice = anInvoice([
        aLine("a", 2, { total: "24", tax_total: "4" }, { packing_slip_id: "ps_9", packing_slip_number: "PS-000009" }),
        aLine("b", 1, { total: "12", tax_total: "2" }, { packing_slip_id: null, packing_slip_number: null }),
      ])
      expect(creditNote(invoice, { lines: [{ invoice_line_id: "a", quantity: 1 }] }, 2).packing_slip_number).toBe("PS-000009")
      expect(creditNote(invoice, { lines: [{ invoice_line_id: "b", quantity: 1 }] }, 2).packing_slip_number).toBeNull()
    })
  })

  describe("refusals", () => {
    const invoice = anInvoice([aLine("a", 3, { total: "36", tax_total: "6" }, { credited_quantity: 2 }), aLine("b", 1, { total: "12", tax_total: "2" })])

    it("crediting more than the line's invoiced quantity less earlier credit notes is refused with the line and the figures", () => {
      const refused = refusal(() => creditNote(invoice, { lines: [{ invoice_line_id: "b", quantity: 1 }, { invoice_line_id: "a", quantity: 2 }] }, 2))
      expect(refused.field).toBe("lines.1.quantity")
      expect(refused.message).toBe(
        "lines.1.quantity: cannot credit 2 of invoice line a (SKU-a) of INV-000001: invoiced 3, credited already 2, 1 left"
      )
    })

    it("a line that is not a line of the invoice is refused, naming lines.N.invoice_line_id", () => {
      const refused = refusal(() => creditNote(invoice, { lines: [{ invoice_line_id: "b", quantity: 1 }, { invoice_line_id: "invline_other", quantity: 1 }] }, 2))
      expect(refused.field).toBe("lines.1.invoice_line_id")
      expect(refused.message).toBe("lines.1.invoice_line_id: invline_other is not a line of invoice INV-000001")
    })

    it("the same line listed twice is refused, so its units cannot be counted twice", () => {
      const refused = refusal(() => creditNote(invoice, { lines: [{ invoice_line_id: "a", quantity: 1 }, { invoice_line_id: "a", quantity: 1 }] }, 2))
      expect(refused.field).toBe("lines.1.invoice_line_id")
    })

    it("a quantity that is not a positive whole number is refused", () => {
      for (const quantity of [0, -1, 0.5]) {
        expect(refusal(() => creditNote(invoice, { lines: [{ invoice_line_id: "b", quantity }] }, 2)).field).toBe("lines.0.quantity")
      }
    })

    it("an empty list of lines is refused rather than read as a full credit note", () => {
      expect(refusal(() => creditNote(invoice, { lines: [] }, 2)).field).toBe("lines")
    })

    it("only an invoice can be credited: a credit note is refused, naming it", () => {
      const note = anInvoice([aLine("a", -1, { total: "-12", tax_total: "-2" })], [], { kind: "credit_note", number: "CN-000004" })
      expect(refusal(() => creditNote(note, {}, 2)).message).toBe("CN-000004 is a credit note: only an invoice can be credited")
    })

    it("a full credit note of an invoice with nothing left to credit is refused", () => {
      const done = anInvoice([aLine("a", 3, { total: "36", tax_total: "6" }, { credited_quantity: 3 })], [aCharge("c1", { credited: true })])
      expect(refusal(() => creditNote(done, {}, 2)).message).toBe("Invoice INV-000001 is credited in full already: nothing is left to credit")
    })
  })
})
