import { Migration } from '@mikro-orm/migrations';

export class Migration20261128012737 extends Migration {

  override async up(): Promise<void> {
    // Trigram indexes for the search box of the lists (pg_trgm ships with PostgreSQL contrib).
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`create table "operation" ("id" uuid not null, "buyer_id" uuid not null, "name" varchar(200) not null, "anru" boolean not null default false, "commune_code" varchar(5) null, "commune_name" varchar(200) null, "departement" varchar(3) null, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "operation_pkey" primary key ("id"));`);
    this.addSql(`create index "operation_buyer_id_name_index" on "operation" ("buyer_id", "name");`);

    this.addSql(`create table "mandate" ("id" uuid not null, "buyer_id" uuid not null, "facilitator_id" uuid not null, "created_at" timestamptz not null, constraint "mandate_pkey" primary key ("id"));`);
    this.addSql(`create index "mandate_facilitator_id_index" on "mandate" ("facilitator_id");`);
    this.addSql(`alter table "mandate" add constraint "mandate_buyer_id_facilitator_id_unique" unique ("buyer_id", "facilitator_id");`);

    this.addSql(`create table "contract" ("id" uuid not null, "buyer_id" uuid not null, "operation_id" uuid null, "reference" varchar(60) not null, "object" varchar(1000) not null, "procedure" varchar(120) null, "cpv_code" varchar(8) null, "cpv_label" varchar(400) null, "notified_on" date null, "start_date" date null, "end_date" date null, "duration_months" int null, "amount_cents" bigint not null, "framework_agreement" boolean not null default false, "source" varchar(10) not null default 'manual', "decp_key" varchar(250) null, "decp_source_id" varchar(40) null, "decp_modifications" int not null default 0, "social_considerations" jsonb null, "reserved" boolean not null default false, "place_type_code" varchar(40) null, "place_code" varchar(20) null, "search_text" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "contract_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_operation_id_index" on "contract" ("operation_id");`);
    this.addSql(`create index "contract_buyer_id_created_at_index" on "contract" ("buyer_id", "created_at");`);
    this.addSql(`create index "contract_buyer_id_notified_on_index" on "contract" ("buyer_id", "notified_on");`);
    this.addSql(`create index "contract_search_text_trgm" on "contract" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`alter table "contract" add constraint "contract_buyer_id_decp_key_unique" unique ("buyer_id", "decp_key");`);

    this.addSql(`create table "lot" ("id" uuid not null, "contract_id" uuid not null, "buyer_id" uuid not null, "number" int not null, "title" varchar(300) not null, "trade" varchar(40) null, "initial_amount_cents" bigint not null, "amount_cents" bigint not null, "holder_id_type" varchar(30) not null default 'SIRET', "holder_identifier" varchar(30) not null, "holder_name" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "lot_pkey" primary key ("id"));`);
    this.addSql(`create index "lot_buyer_id_index" on "lot" ("buyer_id");`);
    this.addSql(`create index "lot_holder_identifier_index" on "lot" ("holder_identifier");`);
    this.addSql(`alter table "lot" add constraint "lot_contract_id_number_unique" unique ("contract_id", "number");`);

    this.addSql(`create table "insertion_clause" ("id" uuid not null, "lot_id" uuid not null, "contract_id" uuid not null, "buyer_id" uuid not null, "operation_id" uuid null, "facilitator_id" uuid null, "holder_identifier" varchar(30) not null, "trade" varchar(40) null, "type" varchar(20) not null, "method" varchar(20) null, "method_params" jsonb null, "required_minutes" int null, "unrounded_hours" double precision null, "formula" text null, "warnings" jsonb not null, "initial_required_minutes" int null, "hours_history" jsonb not null, "to_size" boolean not null default false, "start_date" date null, "end_date" date null, "target_publics" jsonb not null, "rules" jsonb not null, "waived" boolean not null default false, "counted_minutes" int not null default 0, "compliance_status" varchar(20) null, "compliance_computed_on" date null, "search_text" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "insertion_clause_pkey" primary key ("id"));`);
    this.addSql(`alter table "insertion_clause" add constraint "insertion_clause_lot_id_unique" unique ("lot_id");`);
    this.addSql(`create index "insertion_clause_contract_id_index" on "insertion_clause" ("contract_id");`);
    this.addSql(`create index "insertion_clause_operation_id_index" on "insertion_clause" ("operation_id");`);
    this.addSql(`create index "insertion_clause_facilitator_id_index" on "insertion_clause" ("facilitator_id");`);
    this.addSql(`create index "insertion_clause_holder_identifier_index" on "insertion_clause" ("holder_identifier");`);
    this.addSql(`create index "insertion_clause_buyer_id_created_at_index" on "insertion_clause" ("buyer_id", "created_at");`);
    this.addSql(`create index "insertion_clause_buyer_id_compliance_status_index" on "insertion_clause" ("buyer_id", "compliance_status");`);
    this.addSql(`create index "insertion_clause_buyer_id_to_size_index" on "insertion_clause" ("buyer_id", "to_size");`);
    this.addSql(`create index "insertion_clause_buyer_id_start_date_index" on "insertion_clause" ("buyer_id", "start_date");`);
    this.addSql(`create index "insertion_clause_search_text_trgm" on "insertion_clause" using gin ("search_text" gin_trgm_ops);`);

    this.addSql(`create table "contract_party" ("id" uuid not null, "contract_id" uuid not null, "role" varchar(20) not null, "id_type" varchar(30) not null default 'SIRET', "identifier" varchar(30) not null, "name" varchar(200) null, "position" smallint not null default 0, constraint "contract_party_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_party_contract_id_index" on "contract_party" ("contract_id");`);
    this.addSql(`create index "contract_party_identifier_index" on "contract_party" ("identifier");`);

    this.addSql(`create table "amendment" ("id" uuid not null, "lot_id" uuid not null, "contract_id" uuid not null, "reference" varchar(60) not null, "effective_date" date not null, "delta_amount_cents" bigint not null, "hours_policy" varchar(10) not null, "explicit_required_minutes" int null, "new_end_date" date null, "object" text null, "source" varchar(10) not null default 'manual', "decp_order" int null, "created_at" timestamptz not null, constraint "amendment_pkey" primary key ("id"));`);
    this.addSql(`create index "amendment_lot_id_index" on "amendment" ("lot_id");`);
    this.addSql(`create index "amendment_contract_id_index" on "amendment" ("contract_id");`);
    this.addSql(`alter table "amendment" add constraint "amendment_lot_id_decp_order_unique" unique ("lot_id", "decp_order");`);

    this.addSql(`create table "purchase_order" ("id" uuid not null, "clause_id" uuid not null, "reference" varchar(60) not null, "ordered_on" date not null, "amount_cents" bigint not null, "created_at" timestamptz not null, constraint "purchase_order_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_order_clause_id_index" on "purchase_order" ("clause_id");`);

    this.addSql(`create table "decp_import" ("id" uuid not null, "buyer_id" uuid not null, "uploaded_by_id" uuid not null, "filename" varchar(200) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "format" varchar(20) null, "status" varchar(12) not null, "content" bytea not null, "summary" jsonb not null, "issues" jsonb not null, "warnings" jsonb not null, "sample" jsonb not null, "processed" int not null default 0, "total" int not null default 0, "result" jsonb null, "error" text null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "decp_import_pkey" primary key ("id"));`);
    this.addSql(`create index "decp_import_buyer_id_created_at_index" on "decp_import" ("buyer_id", "created_at");`);

    this.addSql(`alter table "operation" add constraint "operation_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "mandate" add constraint "mandate_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "mandate" add constraint "mandate_facilitator_id_foreign" foreign key ("facilitator_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "contract" add constraint "contract_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "contract" add constraint "contract_operation_id_foreign" foreign key ("operation_id") references "operation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "lot" add constraint "lot_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lot" add constraint "lot_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "insertion_clause" add constraint "insertion_clause_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "insertion_clause" add constraint "insertion_clause_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "insertion_clause" add constraint "insertion_clause_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "insertion_clause" add constraint "insertion_clause_operation_id_foreign" foreign key ("operation_id") references "operation" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "insertion_clause" add constraint "insertion_clause_facilitator_id_foreign" foreign key ("facilitator_id") references "organisation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "contract_party" add constraint "contract_party_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "amendment" add constraint "amendment_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "amendment" add constraint "amendment_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "purchase_order" add constraint "purchase_order_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "decp_import" add constraint "decp_import_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "decp_import" add constraint "decp_import_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "contract" drop constraint "contract_operation_id_foreign";`);

    this.addSql(`alter table "insertion_clause" drop constraint "insertion_clause_operation_id_foreign";`);

    this.addSql(`alter table "lot" drop constraint "lot_contract_id_foreign";`);

    this.addSql(`alter table "insertion_clause" drop constraint "insertion_clause_contract_id_foreign";`);

    this.addSql(`alter table "contract_party" drop constraint "contract_party_contract_id_foreign";`);

    this.addSql(`alter table "amendment" drop constraint "amendment_contract_id_foreign";`);

    this.addSql(`alter table "insertion_clause" drop constraint "insertion_clause_lot_id_foreign";`);

    this.addSql(`alter table "amendment" drop constraint "amendment_lot_id_foreign";`);

    this.addSql(`alter table "purchase_order" drop constraint "purchase_order_clause_id_foreign";`);

    this.addSql(`drop table if exists "operation" cascade;`);

    this.addSql(`drop table if exists "mandate" cascade;`);

    this.addSql(`drop table if exists "contract" cascade;`);

    this.addSql(`drop table if exists "lot" cascade;`);

    this.addSql(`drop table if exists "insertion_clause" cascade;`);

    this.addSql(`drop table if exists "contract_party" cascade;`);

    this.addSql(`drop table if exists "amendment" cascade;`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "decp_import" cascade;`);
  }

}
