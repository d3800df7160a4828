import { Migration } from '@mikro-orm/migrations';

export class Migration20261128042227 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" uuid not null, "kind" varchar(30) not null, "subject_id" uuid not null, "period" varchar(10) not null, "recipient_user_id" uuid not null, "recipient_email" varchar(254) not null, "recipient_name" varchar(200) not null, "facilitator_id" uuid null, "subject" varchar(300) not null, "body" text not null, "status" varchar(10) not null, "attempts" smallint not null default 0, "error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_status_created_at_index" on "notification" ("status", "created_at");`);
    this.addSql(`create index "notification_facilitator_id_created_at_index" on "notification" ("facilitator_id", "created_at");`);
    this.addSql(`alter table "notification" add constraint "notification_event_unique" unique ("kind", "subject_id", "period", "recipient_user_id");`);

    this.addSql(`alter table "participant" add column "employment_status_at_entry" varchar(20) null, add column "disability" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`alter table "participant" drop column "employment_status_at_entry", drop column "disability";`);
  }

}
