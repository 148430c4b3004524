import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124215324 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoicing_invoice" add column if not exists "credited_invoice_id" text null, add column if not exists "reason" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_credited_invoice_id" ON "invoicing_invoice" ("credited_invoice_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoicing_invoice_charge" add column if not exists "credited_charge_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_charge_credited_charge_id" ON "invoicing_invoice_charge" ("credited_charge_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoicing_invoice_line" add column if not exists "credited_line_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_line_credited_line_id" ON "invoicing_invoice_line" ("credited_line_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoicing_profile" add column if not exists "default_summary_update" text check ("default_summary_update" in ('none', 'invoice_account', 'order', 'packing_slip')) not null default 'none', add column if not exists "copies" integer not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_invoicing_invoice_credited_invoice_id";`);
    this.addSql(`alter table if exists "invoicing_invoice" drop column if exists "credited_invoice_id", drop column if exists "reason";`);

    this.addSql(`drop index if exists "IDX_invoicing_invoice_charge_credited_charge_id";`);
    this.addSql(`alter table if exists "invoicing_invoice_charge" drop column if exists "credited_charge_id";`);

    this.addSql(`drop index if exists "IDX_invoicing_invoice_line_credited_line_id";`);
    this.addSql(`alter table if exists "invoicing_invoice_line" drop column if exists "credited_line_id";`);

    this.addSql(`alter table if exists "invoicing_profile" drop column if exists "default_summary_update", drop column if exists "copies";`);
  }

}
