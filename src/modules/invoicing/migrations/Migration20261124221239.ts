import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124221239 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "invoicing_payment" ("id" text not null, "invoice_id" text not null, "invoice_account_id" text not null, "currency_code" text not null, "amount" numeric not null, "paid_at" timestamptz not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_payment_invoice_id" ON "invoicing_payment" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_payment_invoice_account_id" ON "invoicing_payment" ("invoice_account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_payment_deleted_at" ON "invoicing_payment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoicing_profile" add column if not exists "credit_limit" numeric null, add column if not exists "credit_limit_currency_code" text null, add column if not exists "credit_check_mandatory" boolean not null default false, add column if not exists "raw_credit_limit" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoicing_payment" cascade;`);

    this.addSql(`alter table if exists "invoicing_profile" drop column if exists "credit_limit", drop column if exists "credit_limit_currency_code", drop column if exists "credit_check_mandatory", drop column if exists "raw_credit_limit";`);
  }

}
