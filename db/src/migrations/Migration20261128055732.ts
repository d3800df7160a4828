import { Migration } from '@mikro-orm/migrations';

export class Migration20261128055732 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "hour_declaration" drop constraint "hour_declaration_buyer_id_foreign";`);
    this.addSql(`alter table "hour_declaration" drop constraint "hour_declaration_clause_id_foreign";`);
    this.addSql(`alter table "hour_declaration" drop constraint "hour_declaration_contract_id_foreign";`);
    this.addSql(`alter table "hour_declaration" drop constraint "hour_declaration_lot_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_buyer_id_foreign" foreign key ("buyer_id") references "organisation" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_clause_id_foreign" foreign key ("clause_id") references "insertion_clause" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "hour_declaration" add constraint "hour_declaration_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete no action;`);
  }

}
