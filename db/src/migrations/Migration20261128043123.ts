import { Migration } from '@mikro-orm/migrations';

export class Migration20261128043123 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "candidate_proposal" ("id" uuid not null, "job_need_id" uuid not null, "lot_id" uuid not null, "organisation_id" uuid not null, "participant_id" uuid not null, "job_match" varchar(12) not null, "eligible_until" date not null, "proposed_by" uuid not null, "proposed_by_name" varchar(200) not null, "proposed_at" timestamptz not null, "status" varchar(10) not null default 'proposed', "answer_reason" text null, "answered_at" timestamptz null, "answered_by_name" varchar(200) null, "withdrawn_at" timestamptz null, "version" int not null default 1, constraint "candidate_proposal_pkey" primary key ("id"));`);
    this.addSql(`create index "candidate_proposal_job_need_id_index" on "candidate_proposal" ("job_need_id");`);
    this.addSql(`create index "candidate_proposal_lot_id_index" on "candidate_proposal" ("lot_id");`);
    this.addSql(`create index "candidate_proposal_organisation_id_index" on "candidate_proposal" ("organisation_id");`);
    this.addSql(`create index "candidate_proposal_participant_id_index" on "candidate_proposal" ("participant_id");`);
    this.addSql(`create unique index "candidate_proposal_open_unique" on "candidate_proposal" ("job_need_id", "participant_id") where "status" in ('proposed', 'accepted');`);

    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_job_need_id_foreign" foreign key ("job_need_id") references "job_need" ("id") on update cascade;`);
    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade;`);
    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_participant_id_foreign" foreign key ("participant_id") references "participant" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "candidate_proposal" cascade;`);
  }

}
