import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ContractSchema } from './contract.entity.js';

/** Holder (titulaire), co-contractor (cotraitant) or declared subcontractor of a contract, by identifier (SIRET mostly). */
export const ContractPartySchema = defineEntity({
  name: 'ContractParty',
  tableName: 'contract_party',
  properties: {
    id: p.uuid().primary(),
    contract: () => p.manyToOne(ContractSchema).index().deleteRule('cascade'),
    role: p.string().length(20),
    idType: p.string().length(30).default('SIRET'),
    identifier: p.string().length(30).index(),
    name: p.string().length(200).nullable(),
    position: p.smallint().default(0),
  },
});
export type ContractPartyEntity = InferEntity<typeof ContractPartySchema>;
