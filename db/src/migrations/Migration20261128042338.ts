import { Migration } from '@mikro-orm/migrations';

export class Migration20261128042338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notice" ("id" uuid not null, "clause_id" uuid not null, "buyer_id" uuid not null, "holder_identifier" varchar(30) not null, "kind" varchar(20) not null, "status" varchar(20) not null, "sent_on" date not null, "deadline" date null, "body" text not null, "compliance_status" varchar(20) null, "required_minutes" int not null, "counted_minutes" int not null, "created_by" uuid not null, "outcome" varchar(20) null, "decided_on" date null, "decided_at" timestamptz null, "decided_by" uuid null, "penalty" jsonb null, "penalty_cents" int null, "waiver_reason" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "notice_pkey" primary key ("id"));`);
    this.addSql(`create index "notice_clause_id_index" on "notice" ("clause_id");`);
    this.addSql(`create index "notice_holder_identifier_index" on "notice" ("holder_identifier");`);
    this.addSql(`create index "notice_buyer_id_created_at_index" on "notice" ("buyer_id", "created_at");`);

    this.addSql(`create table "notice_response" ("id" uuid not null, "notice_id" uuid not null, "text" text not null, "responded_by" uuid not null, "responded_at" timestamptz not null, constraint "notice_response_pkey" primary key ("id"));`);
    this.addSql(`create index "notice_response_notice_id_index" on "notice_response" ("notice_id");`);

    this.addSql(`create table "notice_file" ("id" uuid not null, "response_id" uuid not null, "storage_key" varchar(64) not null, "original_name" varchar(200) not null, "media_type" varchar(40) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "uploaded_by" uuid not null, "uploaded_at" timestamptz not null, constraint "notice_file_pkey" primary key ("id"));`);
    this.addSql(`create index "notice_file_response_id_index" on "notice_file" ("response_id");`);
    this.addSql(`alter table "notice_file" add constraint "notice_file_storage_key_unique" unique ("storage_key");`);

    this.addSql(`alter table "notice" add constraint "notice_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notice" add constraint "notice_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "notice_response" add constraint "notice_response_notice_id_foreign" foreign key ("notice_id") references "notice" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notice_file" add constraint "notice_file_response_id_foreign" foreign key ("response_id") references "notice_response" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "organisation" add column "transparency_enabled" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notice_response" drop constraint "notice_response_notice_id_foreign";`);

    this.addSql(`alter table "notice_file" drop constraint "notice_file_response_id_foreign";`);

    this.addSql(`drop table if exists "notice" cascade;`);

    this.addSql(`drop table if exists "notice_response" cascade;`);

    this.addSql(`drop table if exists "notice_file" cascade;`);

    this.addSql(`alter table "organisation" drop column "transparency_enabled";`);
  }

}
