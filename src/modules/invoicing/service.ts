import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import * as models from "./models"
import type { ChunkOutcome } from "../../domain/batch-run"
import { type ClaimedChunk, type NewRun, claimChunk, claimScheduleSlot, createRun, finishChunk, releaseStaleChunks } from "./sql/batch-runs"
import { type AccountBalance, readAccountBalances } from "./sql/account-balance"
import { type InvoicingProfileChanges, type InvoicingProfileRow, saveInvoicingProfile } from "./sql/invoicing-profile"
import { readInvoicingState } from "./sql/invoicing-state"
import { type InvoicingSettingsRow, readSettings, saveSettings } from "./sql/settings"
import { type NumberSeriesChanges, type NumberSeriesView, readNumberSeries, saveNumberSeries } from "./sql/number-series"
import { openPackingSlipOrderIds } from "./sql/open-packing-slips"
import { findStoredDocument, recordStoredDocument } from "./sql/stored-documents"
import { createPackingSlips, numberedFulfillments } from "./sql/packing-slips"
import { type DraftOutcome, postInvoice, postInvoices } from "./sql/post-invoice"
import { type CreditNoteInput, postCreditNote } from "./sql/credit-note"
import {
  type PaymentInput,
  type PaymentRecord,
  type PaymentStatusPage,
  pageInvoicesByPaymentStatus,
  recordPayment,
} from "./sql/payments"
import { type AuditReport, auditReport } from "../../domain/ledger-audit"
import { readLedgerAudit } from "./sql/ledger"
import {
  type DocumentOrder,
  type DocumentParts,
  type InvoiceDetail,
  type InvoiceListFilters,
  type InvoiceWithLines,
  pageInvoices,
  readInvoiceDetail,
  readInvoices,
} from "./sql/invoice-pages"
import type { InvoiceDraft, InvoicingState, PackingSlipDraft } from "./types"
import { closePdfRenderer } from "../../documents/render"

const immutable = (what: string) => async (): Promise<never> => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${what} are immutable once posted: correct them with a credit note`)
}

const numberedOnly = async (): Promise<never> => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Packing slips are created only by numberPackingSlips, which numbers them")
}

const recordedOnly = async (): Promise<never> => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Payments are recorded only by recordPayment, which checks them against what is open")
}

const savedOnly = async (): Promise<never> => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Number series are changed only by saveNumberSeries, which refuses to renumber a series in use")
}

class InvoicingModuleService extends MedusaService({ ...models }) {
  // Medusa calls this on shutdown: close the PDF renderer's browser (src/documents/render.ts).
  __hooks = { onApplicationShutdown: async () => closePdfRenderer() }

  // Posted documents are written only by postInvoice and postCreditNote and never change (DESIGN §3.3);
  // the database refuses it too, with triggers.
  createInvoices = immutable("Invoices")
  updateInvoices = immutable("Invoices")
  deleteInvoices = immutable("Invoices")
  softDeleteInvoices = immutable("Invoices")
  restoreInvoices = immutable("Invoices")
  createInvoiceLines = immutable("Invoice lines")
  updateInvoiceLines = immutable("Invoice lines")
  deleteInvoiceLines = immutable("Invoice lines")
  softDeleteInvoiceLines = immutable("Invoice lines")
  createInvoiceCharges = immutable("Invoice charges")
  updateInvoiceCharges = immutable("Invoice charges")
  deleteInvoiceCharges = immutable("Invoice charges")
  softDeleteInvoiceCharges = immutable("Invoice charges")
  // Ledger links are appended only by posting, in the transaction that numbers their documents.
  createLedgerEntries = immutable("Ledger links")
  updateLedgerEntries = immutable("Ledger links")
  deleteLedgerEntries = immutable("Ledger links")
  softDeleteLedgerEntries = immutable("Ledger links")
  restoreLedgerEntries = immutable("Ledger links")
  // Payments are recorded only by recordPayment, which checks them against what is open under a lock on the invoice.
  createInvoicePayments = recordedOnly
  updateInvoicePayments = recordedOnly

  /** A batch run and its chunks, in one transaction. */
  @InjectTransactionManager()
  async createRun(run: NewRun, @MedusaContext() context: Context = {}): Promise<{ id: string; chunk_ids: string[] }> {
    return createRun(context.transactionManager as SqlEntityManager, run)
  }

  @InjectTransactionManager()
  async claimChunk(chunkId: string, worker: string, @MedusaContext() context: Context = {}): Promise<ClaimedChunk | null> {
    return claimChunk(context.transactionManager as SqlEntityManager, chunkId, worker)
  }

  @InjectTransactionManager()
  async finishChunk(
    chunkId: string,
    attempt: number,
    result: { status: "succeeded" | "failed"; outcome: ChunkOutcome | null; error?: string },
    @MedusaContext() context: Context = {}
  ): Promise<{ done: boolean; retry: boolean }> {
    return finishChunk(context.transactionManager as SqlEntityManager, chunkId, attempt, result)
  }

  @InjectTransactionManager()
  async releaseStaleChunks(staleAfterSeconds: number, @MedusaContext() context: Context = {}): Promise<string[]> {
    return releaseStaleChunks(context.transactionManager as SqlEntityManager, staleAfterSeconds)
  }

  @InjectTransactionManager()
  async claimScheduleSlot(scheduleId: string, due: Date, next: Date | null, @MedusaContext() context: Context = {}): Promise<boolean> {
    return claimScheduleSlot(context.transactionManager as SqlEntityManager, scheduleId, due, next)
  }

  /** The store's seller details and print management defaults. */
  @InjectManager()
  async readSettings(@MedusaContext() context: Context = {}): Promise<InvoicingSettingsRow> {
    return readSettings(context.manager as SqlEntityManager)
  }

  @InjectTransactionManager()
  async saveSettings(changes: Partial<InvoicingSettingsRow>, @MedusaContext() context: Context = {}): Promise<InvoicingSettingsRow> {
    return saveSettings(context.transactionManager as SqlEntityManager, changes)
  }

  /** Verifies the hash chain of every posted invoice and credit note series; names each series' first broken link. */
  @InjectManager()
  async auditLedger(@MedusaContext() context: Context = {}): Promise<AuditReport> {
    const { counts, findings } = await readLedgerAudit(context.manager as SqlEntityManager)
    return auditReport(counts, findings)
  }

  /** The invoice, credit note and packing slip number series, with the next number each gives. */
  @InjectManager()
  async readNumberSeries(@MedusaContext() context: Context = {}): Promise<NumberSeriesView[]> {
    return readNumberSeries(context.manager as SqlEntityManager)
  }

  /** Changes a series' prefix, padding or next number; refused once the series has given out a number. */
  @InjectTransactionManager()
  async saveNumberSeries(code: string, changes: NumberSeriesChanges, @MedusaContext() context: Context = {}): Promise<NumberSeriesView> {
    return saveNumberSeries(context.transactionManager as SqlEntityManager, code, changes)
  }

  // A series is changed only by saveNumberSeries, which refuses to renumber one in use.
  updateNumberSeries = savedOnly

  /** The orders with a packing slip line shipped and not yet invoiced whose order line is still open. */
  @InjectManager()
  async openPackingSlipOrderIds(@MedusaContext() context: Context = {}): Promise<string[]> {
    return openPackingSlipOrderIds(context.manager as SqlEntityManager)
  }

  /** The File module id of a posted document's stored PDF (copy 0: the original), if it was stored. */
  @InjectManager()
  async findStoredDocument(invoiceId: string, copy: number, @MedusaContext() context: Context = {}): Promise<string | null> {
    return findStoredDocument(context.manager as SqlEntityManager, invoiceId, copy)
  }

  @InjectTransactionManager()
  async recordStoredDocument(invoiceId: string, copy: number, fileId: string, @MedusaContext() context: Context = {}): Promise<string> {
    return recordStoredDocument(context.transactionManager as SqlEntityManager, invoiceId, copy, fileId)
  }

  /** Open balance and overdue amount per invoice account and currency, as of `today` (YYYY-MM-DD). */
  @InjectManager()
  async readAccountBalances(accountIds: string[], today: string, @MedusaContext() context: Context = {}): Promise<AccountBalance[]> {
    return readAccountBalances(context.manager as SqlEntityManager, accountIds, today)
  }

  @InjectManager()
  async readInvoicingState(orderIds: string[], @MedusaContext() context: Context = {}): Promise<InvoicingState> {
    return readInvoicingState(context.manager as SqlEntityManager, orderIds)
  }

  createPackingSlips = numberedOnly

  /** Of the given fulfillments, those that already have a packing slip. */
  @InjectManager()
  async numberedFulfillments(fulfillmentIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    return numberedFulfillments(context.manager as SqlEntityManager, fulfillmentIds)
  }

  @InjectTransactionManager()
  async numberPackingSlips(drafts: PackingSlipDraft[], @MedusaContext() context: Context = {}): Promise<number> {
    return createPackingSlips(context.transactionManager as SqlEntityManager, drafts)
  }

  /** Posts one invoice in its own transaction: all of it, or nothing and no number taken. */
  @InjectTransactionManager()
  async postInvoice(draft: InvoiceDraft, @MedusaContext() context: Context = {}): Promise<{ id: string; number: string }> {
    return postInvoice(context.transactionManager as SqlEntityManager, draft)
  }

  /**
   * Posts many invoices in one transaction, a few statements whatever their number: a draft
   * refused by its credit or balance check is left out whole and the others post.
   */
  @InjectTransactionManager()
  async postInvoices(drafts: InvoiceDraft[], @MedusaContext() context: Context = {}): Promise<DraftOutcome[]> {
    return postInvoices(context.transactionManager as SqlEntityManager, drafts)
  }

  /**
   * Posts a credit note of an invoice in one transaction: the invoice locked, the request
   * checked against what is left to credit, the quantities given back, the number taken.
   */
  @InjectTransactionManager()
  async postCreditNote(input: CreditNoteInput, @MedusaContext() context: Context = {}): Promise<{ id: string; number: string }> {
    return postCreditNote(context.transactionManager as SqlEntityManager, input)
  }

  /**
   * Records a payment of an invoice in one transaction: the invoice locked (as credit notes lock
   * it), the amount checked against what its credit notes and payments leave open, the payment written.
   */
  @InjectTransactionManager()
  async recordPayment(input: PaymentInput, @MedusaContext() context: Context = {}): Promise<PaymentRecord> {
    return recordPayment(context.transactionManager as SqlEntityManager, input)
  }

  /** Posted documents with lines, charges and settlement, newest number first unless `order` says otherwise, in one statement. */
  @InjectManager()
  async readInvoicesWithLines(
    filters: InvoiceListFilters,
    order: DocumentOrder = "newest_number",
    parts?: DocumentParts,
    @MedusaContext() context: Context = {}
  ): Promise<InvoiceWithLines[]> {
    return readInvoices(context.manager as SqlEntityManager, filters, order, parts)
  }

  /** A posted document with lines, charges, settlement, credit notes, payments and stored PDFs, in one statement. */
  @InjectManager()
  async readInvoiceDetail(invoiceId: string, @MedusaContext() context: Context = {}): Promise<InvoiceDetail | null> {
    return readInvoiceDetail(context.manager as SqlEntityManager, invoiceId)
  }

  /** One page of posted documents with lines, charges and settlement, newest number first, and how many match. */
  @InjectManager()
  async pageInvoicesWithLines(
    filters: InvoiceListFilters,
    page: { limit: number; offset: number },
    order: DocumentOrder = "newest_number",
    parts?: DocumentParts,
    @MedusaContext() context: Context = {}
  ): Promise<{ invoices: InvoiceWithLines[]; count: number }> {
    return pageInvoices(context.manager as SqlEntityManager, filters, page, order, parts)
  }

  /** One page of the invoices of a payment status, newest number first, and how many there are. */
  @InjectManager()
  async pageInvoicesByPaymentStatus(page: PaymentStatusPage, @MedusaContext() context: Context = {}): Promise<{ ids: string[]; count: number }> {
    return pageInvoicesByPaymentStatus(context.manager as SqlEntityManager, page)
  }

  /**
   * Creates or changes a customer's profile, refusing an invoice account that would close a
   * billing cycle; profile saves are serialized so two saves cannot close one together.
   */
  @InjectTransactionManager()
  async saveInvoicingProfile(
    customerId: string,
    changes: InvoicingProfileChanges,
    @MedusaContext() context: Context = {}
  ): Promise<{ previous: InvoicingProfileRow | null; saved: InvoicingProfileRow }> {
    return saveInvoicingProfile(context.transactionManager as SqlEntityManager, customerId, changes)
  }

  /** Invoices already posted under an idempotency key, by group key: a retried post returns them. */
  async findPostedByIdempotencyKey(key: string): Promise<Map<string, { id: string; number: string }>> {
    const invoices = await this.listInvoices({ idempotency_key: key }, { select: ["id", "number", "group_key"] })
    return new Map(invoices.map((i) => [i.group_key, { id: i.id, number: i.number }]))
  }
}

export default InvoicingModuleService
