import { Migration } from '@mikro-orm/migrations';

export class Migration20261128045137 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "clause_dashboard_row" ("clause_id" uuid not null, "buyer_id" uuid not null, "operation_id" uuid null, "contract_id" uuid not null, "holder_identifier" varchar(30) not null, "computed_on" date not null, "computed_at" timestamptz not null, "start_date" date not null, "end_date" date not null, "required_minutes" int not null, "counted_minutes" int not null, "expected_minutes" int not null, "pending_minutes" int not null, "elapsed" double precision not null, "pace" double precision null, "progress" double precision null, "status" varchar(20) not null, "missing_periods" int not null, "oldest_missing_month" varchar(7) null, "flagged" boolean not null, "reason" text not null, "forecast_kind" varchar(20) not null, "forecast_projected_minutes" int not null, "forecast_date" date null, "forecast_message" text not null, "expected_by_year" jsonb not null, constraint "clause_dashboard_row_pkey" primary key ("clause_id"));`);
    this.addSql(`create index "clause_dashboard_row_buyer_id_flagged_status_index" on "clause_dashboard_row" ("buyer_id", "flagged", "status");`);
    this.addSql(`create index "clause_dashboard_row_holder_identifier_index" on "clause_dashboard_row" ("holder_identifier");`);

    this.addSql(`alter table "clause_dashboard_row" add constraint "clause_dashboard_row_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "clause_dashboard_row" cascade;`);
  }

}
