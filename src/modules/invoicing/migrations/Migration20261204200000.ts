import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Plans the ledger append afresh on every call. PL/pgSQL caches a statement's plan per
 * connection and, from its sixth call on, may keep a generic plan that does not know how few
 * documents are asked for: measured, a batch of 200 invoices then took 1.4–2.4 s to chain
 * instead of 30 ms, once one connection had posted five batches.
 */
export class Migration20261204200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter function invoicing_append_to_ledger(text, text[], text[]) set plan_cache_mode = force_custom_plan;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter function invoicing_append_to_ledger(text, text[], text[]) reset plan_cache_mode;`)
  }
}
