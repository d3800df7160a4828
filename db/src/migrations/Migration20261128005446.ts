import { Migration } from '@mikro-orm/migrations';

export class Migration20261128005446 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null, "actor_user_id" uuid null, "organisation_id" uuid null, "action" varchar(60) not null, "entity_type" varchar(60) not null, "entity_id" varchar(64) null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null);`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_organisation_id_index" on "audit_event" ("organisation_id");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "login_throttle" ("key" varchar(300) not null, "failures" int not null default 0, "window_start" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "organisation" ("id" uuid not null, "kind" varchar(20) not null, "name" varchar(200) not null, "siret" varchar(14) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_siret_unique" unique ("siret");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "organisation_id" uuid not null, "email" varchar(254) not null, "full_name" varchar(200) not null, "role" varchar(20) not null, "password_hash" varchar(200) not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`create index "app_user_organisation_id_index" on "app_user" ("organisation_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "ip" varchar(64) null, "user_agent" varchar(300) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(`alter table "app_user" add constraint "app_user_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

}
