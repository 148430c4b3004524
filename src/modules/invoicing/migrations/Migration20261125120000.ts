import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { DOCUMENT_CONTENTS } from "../sql/document-contents"

/**
 * The tamper-evident ledger: one link per posted invoice and credit note, hash-chained per
 * series. The canonical content is defined here, in SQL, so the posting transaction and the
 * audit compute it from the very same stored values (jsonb's text form is deterministic;
 * timestamps are written in UTC whatever the session's time zone). Its field list is
 * explicit: a column added later does not change the content of documents already posted.
 * Documents posted before this migration are chained in (series, number) order.
 */
export class Migration20261125120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "invoicing_ledger_entry" ("id" text not null, "series_code" text not null,
      "position" integer not null, "invoice_id" text not null, "previous_hash" text null, "hash" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null, constraint "invoicing_ledger_entry_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_ledger_entry_invoice_id_unique" ON "invoicing_ledger_entry" ("invoice_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoicing_ledger_entry_series_code_position_unique" ON "invoicing_ledger_entry" ("series_code", "position") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoicing_ledger_entry_deleted_at" ON "invoicing_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create or replace function invoicing_utc(moment timestamptz) returns text as $$
      select to_char(moment at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    $$ language sql immutable;`)

    // The canonical content of many documents in one statement (posting chains 200 at a time);
    // the one-document form reads the same set function.
    this.addSql(DOCUMENT_CONTENTS)

    this.addSql(`create or replace function invoicing_document_content(document_id text) returns text as $$
      select c.content from invoicing_document_contents(array[$1]) c
    $$ language sql stable;`)

    this.addSql(`create or replace function invoicing_chain_hash(previous_hash text, content text) returns text as $$
      select encode(sha256(convert_to(coalesce(previous_hash, '') || '|' || content, 'UTF8')), 'hex')
    $$ language sql immutable;`)

    // Appends documents, in the order given, to their series' chain. The caller holds the
    // series' number counter lock (it has just taken their numbers), so appends of one series
    // never interleave; the unique (series, position) index would refuse it if they did. A
    // document that does not exist is an error, never a silent hole in the chain.
    this.addSql(`create or replace function invoicing_append_to_ledger(series text, document_ids text[], entry_ids text[]) returns void as $$
      declare
        last_position integer;
        last_hash text;
        next_hash text;
        chained integer := 0;
        document record;
      begin
        select e.position, e.hash into last_position, last_hash from invoicing_ledger_entry e
          where e.series_code = series and e.deleted_at is null order by e.position desc limit 1;
        last_position := coalesce(last_position, 0);
        for document in
          select u.n, c.content from unnest(document_ids) with ordinality as u(id, n)
            join invoicing_document_contents(document_ids) c on c.document_id = u.id
            order by u.n
        loop
          next_hash := invoicing_chain_hash(last_hash, document.content);
          last_position := last_position + 1;
          insert into invoicing_ledger_entry (id, series_code, position, invoice_id, previous_hash, hash)
            values (entry_ids[document.n], series, last_position, document_ids[document.n], last_hash, next_hash);
          last_hash := next_hash;
          chained := chained + 1;
        end loop;
        if chained <> coalesce(array_length(document_ids, 1), 0) then
          raise exception 'ledger: % of % documents to chain exist', chained, coalesce(array_length(document_ids, 1), 0);
        end if;
      end;
    $$ language plpgsql;`)

    this.addSql(`create trigger "invoicing_ledger_entry_immutable" before update or delete on "invoicing_ledger_entry"
      for each row execute function invoicing_refuse_posted_change();`)
    this.addSql(`create trigger "invoicing_ledger_entry_no_truncate" before truncate on "invoicing_ledger_entry"
      for each statement execute function invoicing_refuse_posted_change();`)

    this.addSql(`do $$
      declare
        s text;
      begin
        for s in select distinct series_code from invoicing_invoice loop
          perform invoicing_append_to_ledger(s,
            array(select id from invoicing_invoice where series_code = s order by length(number), number),
            array(select 'ledger_' || id from invoicing_invoice where series_code = s order by length(number), number));
        end loop;
      end $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoicing_ledger_entry" cascade;`)
    this.addSql(`drop function if exists invoicing_append_to_ledger(text, text[], text[]);`)
    this.addSql(`drop function if exists invoicing_chain_hash(text, text);`)
    this.addSql(`drop function if exists invoicing_document_content(text);`)
    this.addSql(`drop function if exists invoicing_document_contents(text[]);`)
    this.addSql(`drop function if exists invoicing_utc(timestamptz);`)
  }
}
