import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The rules the database itself enforces, beside the tables of the first migration:
 * - no order line or packing slip line is invoiced beyond its quantity;
 * - a posted invoice, its lines and charges never change and are never deleted;
 * - the number series exist, so the first posting can lock its counter row.
 */
export class Migration20261124210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "invoicing_order_line" add constraint "invoicing_order_line_invoiced_within_ordered"
      check ("invoiced_quantity" >= 0 and "invoiced_quantity" <= "quantity");`)
    this.addSql(`alter table "invoicing_packing_slip_line" add constraint "invoicing_packing_slip_line_invoiced_within_shipped"
      check ("invoiced_quantity" >= 0 and "invoiced_quantity" <= "quantity");`)
    this.addSql(`alter table "invoicing_number_series" add constraint "invoicing_number_series_next_value_positive"
      check ("next_value" >= 1);`)

    this.addSql(`create or replace function invoicing_refuse_posted_change() returns trigger as $$
      begin
        raise exception 'posted invoices are immutable: % on % refused', tg_op, tg_table_name
          using errcode = 'integrity_constraint_violation';
      end;
    $$ language plpgsql;`)
    for (const table of ["invoicing_invoice", "invoicing_invoice_line", "invoicing_invoice_charge"]) {
      this.addSql(`create trigger "${table}_immutable" before update or delete on "${table}"
        for each row execute function invoicing_refuse_posted_change();`)
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}"
        for each statement execute function invoicing_refuse_posted_change();`)
    }

    this.addSql(`insert into "invoicing_number_series" ("id", "code", "prefix", "padding", "next_value") values
      ('ivser_invoice', 'invoice', 'INV-', 6, 1),
      ('ivser_credit_note', 'credit_note', 'CN-', 6, 1),
      ('ivser_packing_slip', 'packing_slip', 'PS-', 6, 1)
      on conflict do nothing;`)
  }

  override async down(): Promise<void> {
    for (const table of ["invoicing_invoice", "invoicing_invoice_line", "invoicing_invoice_charge"]) {
      this.addSql(`drop trigger if exists "${table}_immutable" on "${table}";`)
      this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`)
    }
    this.addSql(`drop function if exists invoicing_refuse_posted_change();`)
    this.addSql(`alter table "invoicing_order_line" drop constraint if exists "invoicing_order_line_invoiced_within_ordered";`)
    this.addSql(`alter table "invoicing_packing_slip_line" drop constraint if exists "invoicing_packing_slip_line_invoiced_within_shipped";`)
    this.addSql(`alter table "invoicing_number_series" drop constraint if exists "invoicing_number_series_next_value_positive";`)
  }
}
