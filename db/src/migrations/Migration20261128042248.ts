import { Migration } from '@mikro-orm/migrations';

export class Migration20261128042248 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "clause_month_total" ("clause_id" uuid not null, "month" varchar(7) not null, "modality" varchar(24) not null, "buyer_id" uuid not null, "counted_minutes" int not null, constraint "clause_month_total_pkey" primary key ("clause_id", "month", "modality"));`);
    this.addSql(`create index "clause_month_total_buyer_id_month_index" on "clause_month_total" ("buyer_id", "month");`);

    this.addSql(`create table "clause_declaration_state" ("clause_id" uuid not null, "buyer_id" uuid not null, "missing_periods" int not null default 0, "oldest_missing_month" varchar(7) null, "pending_minutes" int not null default 0, "computed_on" date not null, constraint "clause_declaration_state_pkey" primary key ("clause_id"));`);
    this.addSql(`create index "clause_declaration_state_buyer_id_missing_periods_index" on "clause_declaration_state" ("buyer_id", "missing_periods");`);

    this.addSql(`alter table "clause_month_total" add constraint "clause_month_total_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "clause_declaration_state" add constraint "clause_declaration_state_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "clause_month_total" cascade;`);

    this.addSql(`drop table if exists "clause_declaration_state" cascade;`);
  }

}
