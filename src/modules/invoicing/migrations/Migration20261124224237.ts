import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124224237 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoicing_run_chunk" drop constraint if exists "invoicing_run_chunk_run_id_position_unique";`);
    this.addSql(`create table if not exists "invoicing_run" ("id" text not null, "schedule_id" text null, "status" text check ("status" in ('queued', 'running', 'succeeded', 'partially_failed', 'failed')) not null default 'queued', "selection" jsonb not null, "parameters" jsonb not null, "selected" integer not null default 0, "posted" integer not null default 0, "skipped" integer not null default 0, "chunks_total" integer not null default 0, "chunks_done" integer not null default 0, "started_at" timestamptz null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_run_schedule_id" ON "invoicing_run" ("schedule_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_run_deleted_at" ON "invoicing_run" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_run_chunk" ("id" text not null, "run_id" text not null, "position" integer not null, "order_ids" jsonb not null, "status" text check ("status" in ('queued', 'running', 'succeeded', 'failed')) not null default 'queued', "attempts" integer not null default 0, "outcome" jsonb null, "claimed_at" timestamptz null, "worker" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_run_chunk_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_run_chunk_run_id" ON "invoicing_run_chunk" ("run_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_run_chunk_deleted_at" ON "invoicing_run_chunk" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_run_chunk_run_id_position_unique" ON "invoicing_run_chunk" ("run_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoicing_schedule" ("id" text not null, "name" text not null, "selection" jsonb not null, "parameters" jsonb not null, "recurrence" jsonb not null, "enabled" boolean not null default true, "next_run_at" timestamptz null, "runs_started" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoicing_schedule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_schedule_next_run_at" ON "invoicing_schedule" ("next_run_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_schedule_deleted_at" ON "invoicing_schedule" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoicing_run" cascade;`);

    this.addSql(`drop table if exists "invoicing_run_chunk" cascade;`);

    this.addSql(`drop table if exists "invoicing_schedule" cascade;`);
  }

}
