import { Migration } from '@mikro-orm/migrations';

export class Migration20261128051210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "buyer_month_total" ("buyer_id" uuid not null, "month" varchar(7) not null, "counted_minutes" bigint not null, constraint "buyer_month_total_pkey" primary key ("buyer_id", "month"));`);
    this.addSql(`create index "buyer_month_total_month_index" on "buyer_month_total" ("month");`);

    this.addSql(`create table "buyer_status_total" ("buyer_id" uuid not null, "status" varchar(20) not null, "clause_count" int not null, "required_minutes" bigint not null, "counted_minutes" bigint not null, "towards_minutes" bigint not null, "shortfall_minutes" bigint not null, "expected_minutes" bigint not null, "late_clauses" int not null, constraint "buyer_status_total_pkey" primary key ("buyer_id", "status"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "buyer_month_total" cascade;`);

    this.addSql(`drop table if exists "buyer_status_total" cascade;`);
  }

}
