import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124222340 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoicing_document" drop constraint if exists "invoicing_document_invoice_id_copy_unique";`);
    this.addSql(`create table if not exists "invoicing_document" ("id" text not null, "invoice_id" text not null, "copy" integer not null, "file_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_document_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_document_invoice_id" ON "invoicing_document" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_document_deleted_at" ON "invoicing_document" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_document_invoice_id_copy_unique" ON "invoicing_document" ("invoice_id", "copy") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_settings" ("id" text not null, "seller" jsonb null, "copies" integer not null default 0, "store_documents" boolean not null default true, "email_invoices" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_settings_deleted_at" ON "invoicing_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoicing_profile" add column if not exists "email_invoices" boolean null;`);
    this.addSql(`alter table if exists "invoicing_profile" alter column "copies" drop default;`);
    this.addSql(`alter table if exists "invoicing_profile" alter column "copies" type integer using ("copies"::integer);`);
    this.addSql(`alter table if exists "invoicing_profile" alter column "copies" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoicing_document" cascade;`);

    this.addSql(`drop table if exists "invoicing_settings" cascade;`);

    this.addSql(`alter table if exists "invoicing_profile" drop column if exists "email_invoices";`);

    this.addSql(`alter table if exists "invoicing_profile" alter column "copies" type integer using ("copies"::integer);`);
    this.addSql(`alter table if exists "invoicing_profile" alter column "copies" set default 1;`);
    this.addSql(`alter table if exists "invoicing_profile" alter column "copies" set not null;`);
  }

}
