import { printPlan } from "../print-management"

const settings = { copies: 2, store_documents: true, email_invoices: true }

describe("print management", () => {
  it("posting without print.invoice prints nothing", () => {
    expect(printPlan({ invoice: false, use_print_management: true }, settings, null)).toEqual({ documents: [], email: false })
  })

  it("printing without print management stores the original only and e-mails nothing", () => {
    expect(printPlan({ invoice: true, use_print_management: false }, settings, null)).toEqual({ documents: [0], email: false })
  })

  it("print management stores the original and the store's number of copies and e-mails the original", () => {
    expect(printPlan({ invoice: true, use_print_management: true }, settings, null)).toEqual({ documents: [0, 1, 2], email: true })
  })

  it("the invoice account's profile overrides copies and e-mail; null keeps the store's setting", () => {
    const print = { invoice: true, use_print_management: true }
    expect(printPlan(print, settings, { copies: 0, email_invoices: false })).toEqual({ documents: [0], email: false })
    expect(printPlan(print, settings, { copies: 3, email_invoices: null })).toEqual({ documents: [0, 1, 2, 3], email: true })
  })

  it("without the store destination no copies are stored, yet the original is, as it is what gets e-mailed", () => {
    expect(printPlan({ invoice: true, use_print_management: true }, { ...settings, store_documents: false }, null)).toEqual({ documents: [0], email: true })
  })
})
