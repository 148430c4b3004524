import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124205805 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoicing_packing_slip_line" drop constraint if exists "invoicing_packing_slip_line_packing_slip_id_line_item_id_unique";`);
    this.addSql(`alter table if exists "invoicing_packing_slip" drop constraint if exists "invoicing_packing_slip_fulfillment_id_unique";`);
    this.addSql(`alter table if exists "invoicing_packing_slip" drop constraint if exists "invoicing_packing_slip_number_unique";`);
    this.addSql(`alter table if exists "invoicing_order_line" drop constraint if exists "invoicing_order_line_source_id_unique";`);
    this.addSql(`alter table if exists "invoicing_number_series" drop constraint if exists "invoicing_number_series_code_unique";`);
    this.addSql(`alter table if exists "invoicing_profile" drop constraint if exists "invoicing_profile_customer_id_unique";`);
    this.addSql(`alter table if exists "invoicing_invoice" drop constraint if exists "invoicing_invoice_idempotency_key_group_key_unique";`);
    this.addSql(`alter table if exists "invoicing_invoice" drop constraint if exists "invoicing_invoice_number_unique";`);
    this.addSql(`create table if not exists "invoicing_invoice" ("id" text not null, "kind" text check ("kind" in ('invoice', 'credit_note')) not null default 'invoice', "number" text not null, "series_code" text not null, "invoice_date" timestamptz not null, "due_date" timestamptz null, "posted_at" timestamptz not null, "currency_code" text not null, "invoice_account_id" text not null, "bill_to" jsonb null, "summary_update" text not null, "quantity_mode" text not null, "print_charges" text not null, "packing_slip_number" text null, "group_key" text not null, "idempotency_key" text null, "item_subtotal" numeric not null, "discount_total" numeric not null, "charges_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "raw_item_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_charges_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_invoice_number_unique" ON "invoicing_invoice" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_invoice_account_id" ON "invoicing_invoice" ("invoice_account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_deleted_at" ON "invoicing_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_invoice_idempotency_key_group_key_unique" ON "invoicing_invoice" ("idempotency_key", "group_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_invoice_charge" ("id" text not null, "order_id" text not null, "order_display_id" integer null, "shipping_method_id" text not null, "name" text not null, "tax_rate" numeric not null, "subtotal" numeric not null, "discount_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "invoice_id" text not null, "raw_tax_rate" jsonb not null, "raw_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_invoice_charge_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_charge_order_id" ON "invoicing_invoice_charge" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_charge_shipping_method_id" ON "invoicing_invoice_charge" ("shipping_method_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_charge_invoice_id" ON "invoicing_invoice_charge" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_charge_deleted_at" ON "invoicing_invoice_charge" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_invoice_line" ("id" text not null, "order_id" text not null, "order_display_id" integer null, "line_item_id" text not null, "packing_slip_id" text null, "packing_slip_number" text null, "title" text not null, "variant_sku" text null, "quantity" integer not null, "unit_price" numeric not null, "is_tax_inclusive" boolean not null default false, "tax_rate" numeric not null, "subtotal" numeric not null, "discount_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "invoice_id" text not null, "raw_unit_price" jsonb not null, "raw_tax_rate" jsonb not null, "raw_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_invoice_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_line_order_id" ON "invoicing_invoice_line" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_line_line_item_id" ON "invoicing_invoice_line" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_line_invoice_id" ON "invoicing_invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_invoice_line_deleted_at" ON "invoicing_invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_profile" ("id" text not null, "customer_id" text not null, "invoice_account_id" text null, "payment_terms_days" integer null, "email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_profile_customer_id_unique" ON "invoicing_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_profile_deleted_at" ON "invoicing_profile" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_number_series" ("id" text not null, "code" text not null, "prefix" text not null, "padding" integer not null default 6, "next_value" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_number_series_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_number_series_code_unique" ON "invoicing_number_series" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_number_series_deleted_at" ON "invoicing_number_series" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_order_line" ("id" text not null, "order_id" text not null, "kind" text check ("kind" in ('item', 'charge')) not null, "source_id" text not null, "quantity" integer not null, "invoiced_quantity" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_order_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_order_line_order_id" ON "invoicing_order_line" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_order_line_source_id_unique" ON "invoicing_order_line" ("source_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_order_line_deleted_at" ON "invoicing_order_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_packing_slip" ("id" text not null, "number" text not null, "fulfillment_id" text not null, "order_id" text not null, "shipped_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_packing_slip_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_number_unique" ON "invoicing_packing_slip" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_fulfillment_id_unique" ON "invoicing_packing_slip" ("fulfillment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_order_id" ON "invoicing_packing_slip" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_deleted_at" ON "invoicing_packing_slip" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_packing_slip_line" ("id" text not null, "line_item_id" text not null, "quantity" integer not null, "invoiced_quantity" integer not null default 0, "packing_slip_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_packing_slip_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_line_line_item_id" ON "invoicing_packing_slip_line" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_line_packing_slip_id" ON "invoicing_packing_slip_line" ("packing_slip_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_line_deleted_at" ON "invoicing_packing_slip_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_packing_slip_line_packing_slip_id_line_item_id_unique" ON "invoicing_packing_slip_line" ("packing_slip_id", "line_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "invoicing_invoice_charge" add constraint "invoicing_invoice_charge_invoice_id_foreign" foreign key ("invoice_id") references "invoicing_invoice" ("id") on update cascade;`);

    this.addSql(`alter table if exists "invoicing_invoice_line" add constraint "invoicing_invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoicing_invoice" ("id") on update cascade;`);

    this.addSql(`alter table if exists "invoicing_packing_slip_line" add constraint "invoicing_packing_slip_line_packing_slip_id_foreign" foreign key ("packing_slip_id") references "invoicing_packing_slip" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "invoicing_invoice_charge" drop constraint if exists "invoicing_invoice_charge_invoice_id_foreign";`);

    this.addSql(`alter table if exists "invoicing_invoice_line" drop constraint if exists "invoicing_invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table if exists "invoicing_packing_slip_line" drop constraint if exists "invoicing_packing_slip_line_packing_slip_id_foreign";`);

    this.addSql(`drop table if exists "invoicing_invoice" cascade;`);

    this.addSql(`drop table if exists "invoicing_invoice_charge" cascade;`);

    this.addSql(`drop table if exists "invoicing_invoice_line" cascade;`);

    this.addSql(`drop table if exists "invoicing_profile" cascade;`);

    this.addSql(`drop table if exists "invoicing_number_series" cascade;`);

    this.addSql(`drop table if exists "invoicing_order_line" cascade;`);

    this.addSql(`drop table if exists "invoicing_packing_slip" cascade;`);

    this.addSql(`drop table if exists "invoicing_packing_slip_line" cascade;`);
  }

}
