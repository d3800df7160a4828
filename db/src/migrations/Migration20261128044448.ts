import { Migration } from '@mikro-orm/migrations';

export class Migration20261128044448 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "candidate_proposal" ("id" uuid not null, "job_need_id" uuid not null, "lot_id" uuid not null, "organisation_id" uuid not null, "participant_id" uuid not null, "job_match" varchar(12) not null, "eligible_until" date not null, "proposed_by" uuid not null, "proposed_by_name" varchar(200) not null, "proposed_at" timestamptz not null, "status" varchar(10) not null default 'proposed', "answer_reason" text null, "answered_at" timestamptz null, "answered_by_name" varchar(200) null, "withdrawn_at" timestamptz null, "version" int not null default 1, constraint "candidate_proposal_pkey" primary key ("id"));`);
    this.addSql(`create index "candidate_proposal_job_need_id_index" on "candidate_proposal" ("job_need_id");`);
    this.addSql(`create index "candidate_proposal_lot_id_index" on "candidate_proposal" ("lot_id");`);
    this.addSql(`create index "candidate_proposal_organisation_id_index" on "candidate_proposal" ("organisation_id");`);
    this.addSql(`create index "candidate_proposal_participant_id_index" on "candidate_proposal" ("participant_id");`);
    this.addSql(`create unique index "candidate_proposal_open_unique" on "candidate_proposal" ("job_need_id", "participant_id") where "status" in ('proposed', 'accepted');`);

    this.addSql(`create table "participant_reach" ("participant_id" uuid not null, "family" varchar(3) not null, "organisation_id" uuid not null, "x_min" double precision not null, "y_min" double precision not null, "x_max" double precision not null, "y_max" double precision not null, constraint "participant_reach_pkey" primary key ("participant_id", "family"));`);
    this.addSql(`create index "participant_reach_box_gist" on "participant_reach" using gist ((box(point("x_min", "y_min"), point("x_max", "y_max"))));`);

    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_job_need_id_foreign" foreign key ("job_need_id") references "job_need" ("id") on update cascade;`);
    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade;`);
    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);
    this.addSql(`alter table "candidate_proposal" add constraint "candidate_proposal_participant_id_foreign" foreign key ("participant_id") references "participant" ("id") on update cascade;`);

    this.addSql(`alter table "participant_reach" add constraint "participant_reach_participant_id_foreign" foreign key ("participant_id") references "participant" ("id") on update cascade on delete cascade;`);

    // participant_reach is kept by this trigger (see participant-reach.entity.ts): one row per family
    // sought, the reach box of the person's own radius, x shifted by family (key × 10 000 + longitude).
    this.addSql(`create or replace function participant_reach_sync() returns trigger language plpgsql as $$
begin
  delete from participant_reach where participant_id = new.id;
  if new.erased_at is null then
    insert into participant_reach (participant_id, family, organisation_id, x_min, y_min, x_max, y_max)
    select new.id, f.family, new.organisation_id, f.slot + r.x_min, r.y_min, f.slot + r.x_max, r.y_max
    from (select distinct t as family, ((ascii(upper(left(t, 1))) - 65) * 100 + substr(t, 2, 2)::int)::float8 * 10000 as slot
          from unnest(new.target_families) t where t ~ '^[A-Za-z][0-9]{2}$') f,
         (select case when known then new.longitude - d_lon else -1000 end as x_min, case when known then new.latitude - d_lat else -1000 end as y_min,
                 case when known then new.longitude + d_lon else 1000 end as x_max, case when known then new.latitude + d_lat else 1000 end as y_max
          from (select new.latitude is not null and new.longitude is not null as known,
                       new.mobility_radius_km::float8 * 1.01 / 111 as d_lat,
                       degrees(asin(least(1::float8, sin(new.mobility_radius_km::float8 * 1.01 / 6371) / cos(radians(coalesce(new.latitude, 0)))))) as d_lon) k) r;
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger participant_reach_sync after insert or update of latitude, longitude, mobility_radius_km, target_families, organisation_id, erased_at
      on participant for each row execute function participant_reach_sync();`);
    // Backfill: touching the rows fires the trigger.
    this.addSql(`update participant set target_families = target_families;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists participant_reach_sync on participant;`);
    this.addSql(`drop function if exists participant_reach_sync();`);
    this.addSql(`drop table if exists "candidate_proposal" cascade;`);

    this.addSql(`drop table if exists "participant_reach" cascade;`);
  }

}
