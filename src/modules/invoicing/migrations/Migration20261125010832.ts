import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Where each number series starts. A series is in use once next_value has moved past it, so
 * existing series that already gave out numbers (next_value > 1) count as used.
 */
export class Migration20261125010832 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoicing_number_series" add column if not exists "first_value" integer not null default 1;`);
    this.addSql(`alter table "invoicing_number_series" add constraint "invoicing_number_series_first_value_within_next"
      check ("first_value" >= 1 and "first_value" <= "next_value");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoicing_number_series" drop constraint if exists "invoicing_number_series_first_value_within_next";`);
    this.addSql(`alter table if exists "invoicing_number_series" drop column if exists "first_value";`);
  }

}
