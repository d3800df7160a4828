import { Migration } from '@mikro-orm/migrations';

export class Migration20261128042922 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "participant_reach_gist" on "participant" using gist ((coalesce(box(point("longitude" - degrees(asin(least(1::float8, sin(("mobility_radius_km"::float8 * 1.01::float8) / 6371::float8) / cos(radians("latitude"))))), "latitude" - (("mobility_radius_km"::float8 * 1.01::float8) / 111::float8)), point("longitude" + degrees(asin(least(1::float8, sin(("mobility_radius_km"::float8 * 1.01::float8) / 6371::float8) / cos(radians("latitude"))))), "latitude" + (("mobility_radius_km"::float8 * 1.01::float8) / 111::float8))), box(point(-1000::float8, -1000::float8), point(1000::float8, 1000::float8)))));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "participant_reach_gist";`);
  }

}
