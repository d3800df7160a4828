import { Migration } from '@mikro-orm/migrations';

export class Migration20261128015010 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commune" ("code" varchar(5) not null, "name" varchar(100) not null, "search_name" varchar(100) not null, "departement" varchar(3) not null, "postal_codes" varchar(200) not null, "population" int not null, "latitude" double precision null, "longitude" double precision null, "position_precision" varchar(12) null, constraint "commune_pkey" primary key ("code"));`);
    this.addSql(`create index "commune_search_name_index" on "commune" ("search_name");`);

    this.addSql(`create table "job_need" ("id" uuid not null, "lot_id" uuid not null, "created_by_id" uuid not null, "appellation_code" varchar(8) not null, "rome_code" varchar(5) not null, "site_commune_code" varchar(5) not null, "site_latitude" double precision null, "site_longitude" double precision null, "site_approximate" boolean not null default false, "start_date" date not null, "duration_weeks" smallint not null, "end_date" date not null, "weekly_minutes" int not null, "headcount" smallint not null, "status" varchar(12) not null default 'open', "created_at" timestamptz not null, constraint "job_need_pkey" primary key ("id"));`);
    this.addSql(`create index "job_need_lot_id_index" on "job_need" ("lot_id");`);
    this.addSql(`create index "job_need_lot_id_status_index" on "job_need" ("lot_id", "status");`);

    this.addSql(`create table "participant" ("id" uuid not null, "organisation_id" uuid not null, "last_name" varchar(100) not null, "first_name" varchar(100) not null, "search_name" varchar(200) not null default '', "birth_date" date null, "sex" varchar(10) not null, "email" varchar(254) null, "phone" varchar(30) null, "commune_code" varchar(5) null, "latitude" double precision null, "longitude" double precision null, "position_approximate" boolean not null default false, "qpv_status" varchar(10) not null, "qpv_address" varchar(300) null, "qpv_checked_on" date null, "education_level" varchar(12) not null, "driving_licence" boolean not null, "mobility_radius_km" smallint not null, "target_appellation_codes" text[] not null, "target_rome_codes" text[] not null, "target_families" text[] not null, "available_from" date not null, "status" varchar(12) not null, "waiting_since" date not null, "registered_on" date not null, "erased_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "participant_pkey" primary key ("id"));`);
    this.addSql(`create index "participant_organisation_id_index" on "participant" ("organisation_id");`);
    this.addSql(`create index "participant_target_families_gin" on "participant" using gin ("target_families");`);
    this.addSql(`create index "participant_organisation_id_last_name_index" on "participant" ("organisation_id", "last_name");`);

    this.addSql(`create table "eligibility_validation" ("id" uuid not null, "organisation_id" uuid not null, "participant_id" uuid not null, "validated_at" date not null, "validated_by" uuid not null, "validated_by_name" varchar(200) not null, "valid_until" date null, "exception_reason" text null, "revoked_at" date null, "created_at" timestamptz not null, constraint "eligibility_validation_pkey" primary key ("id"));`);
    this.addSql(`create index "eligibility_validation_organisation_id_index" on "eligibility_validation" ("organisation_id");`);
    this.addSql(`create index "eligibility_validation_participant_id_index" on "eligibility_validation" ("participant_id");`);

    this.addSql(`create table "placement" ("id" uuid not null, "organisation_id" uuid not null, "participant_id" uuid not null, "lot_id" uuid not null, "job_need_id" uuid null, "modality" varchar(24) not null, "contract_type" varchar(24) null, "employer_name" varchar(200) not null, "employer_siret" varchar(14) null, "start_date" date not null, "planned_end_date" date null, "weekly_minutes" int not null, "appellation_code" varchar(8) not null, "rome_code" varchar(5) not null, "ended_on" date null, "exit_outcome" varchar(20) null, "exit_detail" varchar(500) null, "follow_up_on" date null, "follow_up_outcome" varchar(20) null, "follow_up_detail" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "placement_pkey" primary key ("id"));`);
    this.addSql(`create index "placement_organisation_id_index" on "placement" ("organisation_id");`);
    this.addSql(`create index "placement_lot_id_index" on "placement" ("lot_id");`);
    this.addSql(`create index "placement_job_need_id_index" on "placement" ("job_need_id");`);
    this.addSql(`create index "placement_participant_id_start_date_index" on "placement" ("participant_id", "start_date");`);

    this.addSql(`create table "proof_document" ("id" uuid not null, "organisation_id" uuid not null, "participant_id" uuid not null, "storage_key" varchar(64) not null, "original_name" varchar(200) not null, "media_type" varchar(40) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "uploaded_by" uuid not null, "uploaded_at" timestamptz not null, constraint "proof_document_pkey" primary key ("id"));`);
    this.addSql(`create index "proof_document_organisation_id_index" on "proof_document" ("organisation_id");`);
    this.addSql(`create index "proof_document_participant_id_index" on "proof_document" ("participant_id");`);
    this.addSql(`alter table "proof_document" add constraint "proof_document_storage_key_unique" unique ("storage_key");`);

    this.addSql(`create table "eligibility_criterion" ("id" uuid not null, "validation_id" uuid not null, "code" varchar(30) not null, "proof_date" date null, "proof_valid_until" date null, "proof_document_id" uuid null, constraint "eligibility_criterion_pkey" primary key ("id"));`);
    this.addSql(`create index "eligibility_criterion_validation_id_index" on "eligibility_criterion" ("validation_id");`);

    this.addSql(`create table "referential_version" ("name" varchar(40) not null, "fingerprint" varchar(64) not null, "rows" int not null, "loaded_at" timestamptz not null, constraint "referential_version_pkey" primary key ("name"));`);

    this.addSql(`create table "rome_appellation" ("code" varchar(8) not null, "label" varchar(300) not null, "rome_code" varchar(5) not null, "search_label" varchar(300) not null, constraint "rome_appellation_pkey" primary key ("code"));`);
    this.addSql(`create index "rome_appellation_rome_code_index" on "rome_appellation" ("rome_code");`);

    this.addSql(`create table "rome_fiche" ("code" varchar(5) not null, "label" varchar(200) not null, "family" varchar(3) not null, constraint "rome_fiche_pkey" primary key ("code"));`);
    this.addSql(`create index "rome_fiche_family_index" on "rome_fiche" ("family");`);

    this.addSql(`alter table "job_need" add constraint "job_need_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade;`);
    this.addSql(`alter table "job_need" add constraint "job_need_created_by_id_foreign" foreign key ("created_by_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "participant" add constraint "participant_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "eligibility_validation" add constraint "eligibility_validation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "eligibility_validation" add constraint "eligibility_validation_participant_id_foreign" foreign key ("participant_id") references "participant" ("id") on update cascade;`);

    this.addSql(`alter table "placement" add constraint "placement_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "placement" add constraint "placement_participant_id_foreign" foreign key ("participant_id") references "participant" ("id") on update cascade;`);
    this.addSql(`alter table "placement" add constraint "placement_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade;`);

    this.addSql(`alter table "proof_document" add constraint "proof_document_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "proof_document" add constraint "proof_document_participant_id_foreign" foreign key ("participant_id") references "participant" ("id") on update cascade;`);

    this.addSql(`alter table "eligibility_criterion" add constraint "eligibility_criterion_validation_id_foreign" foreign key ("validation_id") references "eligibility_validation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "eligibility_criterion" add constraint "eligibility_criterion_proof_document_id_foreign" foreign key ("proof_document_id") references "proof_document" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "eligibility_validation" drop constraint "eligibility_validation_participant_id_foreign";`);

    this.addSql(`alter table "placement" drop constraint "placement_participant_id_foreign";`);

    this.addSql(`alter table "proof_document" drop constraint "proof_document_participant_id_foreign";`);

    this.addSql(`alter table "eligibility_criterion" drop constraint "eligibility_criterion_validation_id_foreign";`);

    this.addSql(`alter table "eligibility_criterion" drop constraint "eligibility_criterion_proof_document_id_foreign";`);

    this.addSql(`drop table if exists "commune" cascade;`);

    this.addSql(`drop table if exists "job_need" cascade;`);

    this.addSql(`drop table if exists "participant" cascade;`);

    this.addSql(`drop table if exists "eligibility_validation" cascade;`);

    this.addSql(`drop table if exists "placement" cascade;`);

    this.addSql(`drop table if exists "proof_document" cascade;`);

    this.addSql(`drop table if exists "eligibility_criterion" cascade;`);

    this.addSql(`drop table if exists "referential_version" cascade;`);

    this.addSql(`drop table if exists "rome_appellation" cascade;`);

    this.addSql(`drop table if exists "rome_fiche" cascade;`);
  }

}
