import { Migration } from '@mikro-orm/migrations';

export class Migration20261128022628 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "declaration_import" ("id" uuid not null, "organisation_id" uuid not null, "uploaded_by" uuid not null, "uploaded_by_name" varchar(200) not null, "file_name" varchar(200) not null, "format" varchar(8) null, "encoding" varchar(20) null, "sha256" varchar(64) not null, "size_bytes" int not null, "status" varchar(12) not null, "line_count" int not null default 0, "counts" jsonb not null, "warning_count" int not null default 0, "errors" jsonb not null, "ignored_headers" jsonb not null, "skipped_lines" int not null default 0, "blank_lines" int not null default 0, "months" jsonb not null, "created_at" timestamptz not null, "committed_at" timestamptz null, constraint "declaration_import_pkey" primary key ("id"));`);
    this.addSql(`create index "declaration_import_organisation_id_created_at_index" on "declaration_import" ("organisation_id", "created_at");`);
    this.addSql(`create index "declaration_import_organisation_id_sha256_index" on "declaration_import" ("organisation_id", "sha256");`);

    this.addSql(`create table "declaration_import_line" ("declaration_import_id" uuid not null, "line" int not null, "reference" varchar(100) not null, "month" varchar(7) null, "placement_id" uuid null, "lot_id" uuid null, "clause_id" uuid null, "contract_id" uuid null, "buyer_id" uuid null, "holder_identifier" varchar(30) null, "person" varchar(220) null, "lot_label" varchar(320) null, "worked_minutes" int null, "training_minutes" int null, "attested_minutes" int null, "invoice_cents" bigint null, "comment" text null, "outcome" varchar(10) not null, "declaration_id" uuid null, "existing_version" int null, "existing_status" varchar(12) null, "existing_values" jsonb null, "errors" jsonb not null, "warnings" jsonb not null, constraint "declaration_import_line_pkey" primary key ("declaration_import_id", "line"));`);

    this.addSql(`create table "hour_declaration" ("id" uuid not null, "placement_id" uuid not null, "month" varchar(7) not null, "lot_id" uuid not null, "clause_id" uuid null, "contract_id" uuid not null, "buyer_id" uuid not null, "holder_identifier" varchar(30) not null, "status" varchar(12) not null, "version" int not null default 1, "worked_minutes" int not null, "training_minutes" int null, "attested_minutes" int null, "invoice_cents" bigint null, "comment" text null, "rejection_reason" text null, "source" varchar(8) not null default 'form', "import_id" uuid null, "submitted_at" timestamptz null, "submitted_by" uuid null, "decided_at" timestamptz null, "decided_by" uuid null, "decided_by_name" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "hour_declaration_pkey" primary key ("id"));`);
    this.addSql(`create index "hour_declaration_lot_id_index" on "hour_declaration" ("lot_id");`);
    this.addSql(`create index "hour_declaration_buyer_id_status_month_index" on "hour_declaration" ("buyer_id", "status", "month");`);
    this.addSql(`create index "hour_declaration_holder_identifier_month_index" on "hour_declaration" ("holder_identifier", "month");`);
    this.addSql(`create index "hour_declaration_clause_id_status_index" on "hour_declaration" ("clause_id", "status");`);
    this.addSql(`create index "hour_declaration_contract_id_month_index" on "hour_declaration" ("contract_id", "month");`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_placement_id_month_unique" unique ("placement_id", "month");`);

    this.addSql(`create table "declaration_proof" ("id" uuid not null, "declaration_id" uuid not null, "kind" varchar(20) not null, "storage_key" varchar(64) not null, "original_name" varchar(200) not null, "media_type" varchar(40) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "uploaded_by" uuid not null, "uploaded_at" timestamptz not null, constraint "declaration_proof_pkey" primary key ("id"));`);
    this.addSql(`create index "declaration_proof_declaration_id_index" on "declaration_proof" ("declaration_id");`);
    this.addSql(`alter table "declaration_proof" add constraint "declaration_proof_storage_key_unique" unique ("storage_key");`);

    this.addSql(`alter table "declaration_import" add constraint "declaration_import_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "declaration_import_line" add constraint "declaration_import_line_declaration_import_id_foreign" foreign key ("declaration_import_id") references "declaration_import" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_placement_id_foreign" foreign key ("placement_id") references "placement" ("id") on update cascade;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "declaration_proof" add constraint "declaration_proof_declaration_id_foreign" foreign key ("declaration_id") references "hour_declaration" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "declaration_import_line" drop constraint "declaration_import_line_declaration_import_id_foreign";`);

    this.addSql(`alter table "declaration_proof" drop constraint "declaration_proof_declaration_id_foreign";`);

    this.addSql(`drop table if exists "declaration_import" cascade;`);

    this.addSql(`drop table if exists "declaration_import_line" cascade;`);

    this.addSql(`drop table if exists "hour_declaration" cascade;`);

    this.addSql(`drop table if exists "declaration_proof" cascade;`);
  }

}
