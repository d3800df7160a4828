import { Migration } from '@mikro-orm/migrations';

export class Migration20261128052122 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "lot_buyer_id_updated_at_index" on "lot" ("buyer_id", "updated_at");`);

    this.addSql(`create index "insertion_clause_buyer_id_updated_at_index" on "insertion_clause" ("buyer_id", "updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "insertion_clause_buyer_id_updated_at_index";`);

    this.addSql(`drop index "lot_buyer_id_updated_at_index";`);
  }

}
