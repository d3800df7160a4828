import type { AmendmentEntity, InsertionClauseEntity, LotEntity, ContractPartyEntity, OperationEntity } from '@app/db';
import {
  clauseSettingsSchema, sumRequiredMinutes, tradeLabel,
  type AmendmentRecord, type ClauseDetail, type ClauseRules, type ClauseType, type Contract, type ContractSummary, type HeldLot, type Lot, type Operation, type Party,
} from '@app/shared';
import type { ContractGraph } from './graph.js';
import { complianceOf, settingsFromRules } from './clause-sizing.js';

const ref = (o: { id: string; name: string } | null | undefined) => (o ? { id: o.id, name: o.name } : null);

export const toParty = (p: ContractPartyEntity): Party => ({
  role: p.role as Party['role'],
  idType: p.idType,
  identifier: p.identifier,
  name: p.name ?? null,
});

export const toAmendment = (a: AmendmentEntity): AmendmentRecord => ({
  id: a.id,
  lotId: a.lot.id,
  reference: a.reference,
  effectiveDate: a.effectiveDate,
  deltaAmountCents: a.deltaAmountCents,
  hoursPolicy: a.hoursPolicy as AmendmentRecord['hoursPolicy'],
  explicitRequiredMinutes: a.explicitRequiredMinutes ?? null,
  newEndDate: a.newEndDate ?? null,
  object: a.object ?? null,
  source: a.source as AmendmentRecord['source'],
  createdAt: a.createdAt.toISOString(),
});

export function toClause(graph: ContractGraph, clause: InsertionClauseEntity, today: string): ClauseDetail {
  const lot = graph.lots.find((l) => l.id === clause.lot.id)!;
  const rules = clause.rules as unknown as ClauseRules;
  const { compliance, note } = complianceOf(
    {
      id: clause.id, lotId: lot.id, holderIdentifier: lot.holderIdentifier, type: clause.type as ClauseType,
      requiredMinutes: clause.requiredMinutes ?? null, startDate: clause.startDate ?? null, endDate: clause.endDate ?? null,
      amountCents: lot.amountCents, waived: clause.waived, rules, countedMinutes: clause.countedMinutes,
    },
    today,
  );
  return {
    id: clause.id,
    lotId: lot.id,
    contractId: graph.contract.id,
    type: clause.type as ClauseDetail['type'],
    method: (clause.method ?? null) as ClauseDetail['method'],
    methodParams: clause.methodParams ?? null,
    requiredMinutes: clause.requiredMinutes ?? null,
    unroundedHours: clause.unroundedHours === null || clause.unroundedHours === undefined ? null : Number(clause.unroundedHours),
    formula: clause.formula ?? null,
    warnings: clause.warnings,
    hoursToSize: clause.toSize,
    startDate: clause.startDate ?? null,
    endDate: clause.endDate ?? null,
    targetPublics: clause.targetPublics,
    settings: clauseSettingsSchema.parse(settingsFromRules(rules)),
    facilitator: ref(clause.facilitator),
    waived: clause.waived,
    history: clause.hoursHistory as ClauseDetail['history'],
    orders: (graph.ordersOf.get(clause.id) ?? []).map((o) => ({ id: o.id, reference: o.reference, orderedOn: o.orderedOn, amountCents: o.amountCents })),
    compliance,
    complianceNote: note,
    updatedAt: clause.updatedAt.toISOString(),
  };
}

export function toLot(graph: ContractGraph, lot: LotEntity, today: string): Lot {
  const clause = graph.clauseOf.get(lot.id);
  return {
    id: lot.id,
    contractId: graph.contract.id,
    number: lot.number,
    title: lot.title,
    trade: lot.trade ?? null,
    tradeLabel: tradeLabel(lot.trade),
    initialAmountCents: lot.initialAmountCents,
    amountCents: lot.amountCents,
    holder: { identifier: lot.holderIdentifier, name: lot.holderName ?? null },
    clause: clause ? toClause(graph, clause, today) : null,
    amendments: (graph.amendmentsOf.get(lot.id) ?? []).map(toAmendment),
  };
}

export function toContract(graph: ContractGraph, today: string): Contract {
  const c = graph.contract;
  const lots = graph.lots.map((l) => toLot(graph, l, today));
  const clauses = lots.flatMap((l) => (l.clause ? [l.clause] : []));
  return {
    id: c.id,
    buyer: ref(c.buyer)!,
    operation: ref(c.operation),
    reference: c.reference,
    object: c.object,
    cpv: c.cpvCode ? { code: c.cpvCode, label: c.cpvLabel ?? '' } : null,
    notifiedOn: c.notifiedOn ?? null,
    startDate: c.startDate ?? null,
    endDate: c.endDate ?? null,
    amountCents: c.amountCents,
    frameworkAgreement: c.frameworkAgreement,
    source: c.source as Contract['source'],
    holders: graph.parties.filter((p) => p.role !== 'subcontractor').map(toParty),
    lotCount: lots.length,
    requiredMinutes: sumRequiredMinutes(clauses.map((cl) => ({ requiredMinutes: cl.requiredMinutes ?? 0 }))),
    hoursToSize: clauses.filter((cl) => cl.hoursToSize).length,
    procedure: c.procedure ?? null,
    parties: graph.parties.map(toParty),
    lots,
    decp: c.decpKey
      ? {
          sourceId: c.decpSourceId ?? '',
          key: c.decpKey,
          socialConsiderations: c.socialConsiderations ?? [],
          reserved: c.reserved,
          durationMonths: c.durationMonths ?? null,
          place: c.placeTypeCode && c.placeCode ? { typeCode: c.placeTypeCode, code: c.placeCode } : null,
        }
      : null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const toContractSummary = (contract: Contract): ContractSummary => {
  const { procedure: _p, parties: _pa, lots: _l, decp: _d, updatedAt: _u, ...summary } = contract;
  return summary;
};

export function toOperation(o: OperationEntity, contractCount: number): Operation {
  return {
    id: o.id,
    buyer: ref(o.buyer)!,
    name: o.name,
    anru: o.anru,
    commune: o.communeCode ? { code: o.communeCode, name: o.communeName ?? '', departement: o.departement ?? '' } : null,
    description: o.description ?? null,
    contractCount,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toHeldLot(graph: ContractGraph, lot: LotEntity): HeldLot {
  const clause = graph.clauseOf.get(lot.id);
  const c = graph.contract;
  return {
    id: lot.id,
    number: lot.number,
    title: lot.title,
    amountCents: lot.amountCents,
    contract: { id: c.id, reference: c.reference, object: c.object, buyerName: c.buyer.name, startDate: c.startDate ?? null, endDate: c.endDate ?? null },
    holder: { identifier: lot.holderIdentifier, name: lot.holderName ?? null },
    clause: clause
      ? {
          id: clause.id,
          type: clause.type,
          requiredMinutes: clause.requiredMinutes ?? null,
          hoursToSize: clause.toSize,
          startDate: clause.startDate ?? null,
          endDate: clause.endDate ?? null,
          deadlineDay: (clause.rules as unknown as ClauseRules).declarations.deadlineDay,
          facilitatorName: clause.facilitator?.name ?? null,
        }
      : null,
  };
}
