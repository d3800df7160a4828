/**
 * One market record (any layout) → a contract, or the reasons it cannot be imported.
 * Blocking: missing id, buyer SIRET, notification date, amount, holder; invalid buyer or holder SIRET.
 * Everything else is read leniently and reported as warnings.
 */
import type { DecpContract, DecpHolder, DecpIssue } from './types.js';
import {
  ACCORD_CADRE,
  CLAUSE_SOCIALE,
  CONCESSION_RESERVEE,
  CRITERE_SOCIAL,
  MARCHE_RESERVE,
  NATURES,
  PLACE_TYPES,
  PROCEDURES,
  SOCIAL_CONSIDERATIONS,
} from './labels.js';
import { applyModifications, readModifications } from './modifications.js';
import {
  type Obj,
  canonicalLabel,
  hasReplacementChar,
  isObject,
  labelKey,
  nested,
  readAmount,
  readCpv,
  readDate,
  readDuration,
  text,
  unwrapList,
} from './normalise.js';
import { cleanIdentifier, distinctHolders, isUsableSiret, readHolder } from './siret.js';

export type RecordResult = { ok: true; contract: DecpContract } | { ok: false; issues: DecpIssue[] };

export function readMarche(value: unknown, index: number): RecordResult {
  if (!isObject(value)) {
    return { ok: false, issues: [{ index, sourceId: null, field: 'enregistrement', reason: 'enregistrement illisible : ce n’est pas un objet' }] };
  }
  const sourceId = text(value['id']);
  const issues: DecpIssue[] = [];
  const warnings: string[] = [];
  const fail = (field: string, reason: string): void => {
    issues.push({ index, sourceId, field, reason });
  };

  if (sourceId === null) fail('id', 'identifiant du marché manquant');
  const buyerSiret = readBuyerSiret(value);
  if (buyerSiret === null) fail('acheteur.id', 'SIRET de l’acheteur manquant');
  else if (!isUsableSiret(buyerSiret)) fail('acheteur.id', `SIRET de l’acheteur invalide : « ${buyerSiret} »`);
  const date = readDate(value['dateNotification'], 'date de notification');
  if (!date.ok) fail('dateNotification', date.reason);
  const amount = readAmount(value['montant']);
  if (!amount.ok) fail('montant', amount.reason);
  const holders = readInitialHolders(value['titulaires'], warnings);
  if (holders.length === 0) fail('titulaires', 'aucun titulaire lisible');
  for (const h of holders) {
    if (h.idType === 'SIRET' && !h.siretValid) fail('titulaires', `SIRET du titulaire invalide : « ${h.id} »`);
  }
  // The tests after `issues.length` are implied by it; they are spelled out so that TypeScript narrows the values.
  if (issues.length > 0 || sourceId === null || buyerSiret === null || !date.ok || !amount.ok) return { ok: false, issues };

  const object = text(value['objet']);
  if (object === null) warnings.push('objet manquant');
  const buyerName = text(nested(value, 'acheteur', 'nom'));
  const cpv = readCpv(value['codeCPV']);
  if (cpv.warning !== null) warnings.push(cpv.warning);
  const duration = readDuration(value['dureeMois']);
  if (duration.warning !== null) warnings.push(duration.warning);
  const subcontractors = readSubcontractors(value['actesSousTraitance'], warnings);
  const { modifications, warnings: modificationWarnings } = readModifications(value['modifications']);
  warnings.push(...modificationWarnings);
  const current = applyModifications({ amountCents: amount.cents, durationMonths: duration.months, holders }, modifications);
  const nature = canonicalLabel(value['nature'], NATURES);
  const social = readSocialConsiderations(value['considerationsSociales']);
  const firstHolder = holders[0]?.id ?? '';

  if (!holders.some((h) => h.idType === 'SIRET')) warnings.push('aucun titulaire identifié par un SIRET : rapprochement manuel nécessaire');
  warnDamagedText(warnings, object, buyerName, [...holders, ...modifications.flatMap((m) => m.holders ?? []), ...subcontractors]);
  if (looksLikeTestData(sourceId, cpv.code, [buyerSiret, ...holders.map((h) => h.id)])) {
    warnings.push('données de test probables (suite « 123456789 » dans l’identifiant, le SIRET ou le code CPV)');
  }

  return {
    ok: true,
    contract: {
      index,
      key: `${buyerSiret}|${sourceId}|${firstHolder}|${date.date}`,
      sourceId,
      buyerSiret,
      buyerName,
      object: object ?? '',
      procedure: canonicalLabel(value['procedure'], PROCEDURES),
      nature,
      frameworkAgreement: nature === ACCORD_CADRE || hasTechnique(value, ACCORD_CADRE),
      cpv: cpv.code,
      notifiedOn: date.date,
      durationMonths: current.durationMonths,
      amountCents: current.amountCents,
      initialAmountCents: amount.cents,
      initialDurationMonths: duration.months,
      holders: current.holders,
      initialHolders: holders,
      subcontractors,
      place: readPlace(value),
      socialConsiderations: social,
      hasInsertionClause: social.includes(CLAUSE_SOCIALE) || social.includes(CRITERE_SOCIAL),
      reserved: social.includes(MARCHE_RESERVE) || social.includes(CONCESSION_RESERVEE),
      modifications,
      warnings,
    },
  };
}

/** `acheteur: {id}`, flattened `"acheteur.id"`, or (rarely) the SIRET given directly as `acheteur`. */
function readBuyerSiret(record: Obj): string | null {
  const buyer = record['acheteur'];
  return cleanIdentifier(isObject(buyer) || buyer === undefined ? nested(record, 'acheteur', 'id') : buyer);
}

function readInitialHolders(value: unknown, warnings: string[]): DecpHolder[] {
  const items = unwrapList(value, 'titulaire');
  const holders = items.map(readHolder).filter((h): h is DecpHolder => h !== null);
  if (holders.length < items.length) warnings.push('titulaire illisible ignoré');
  return distinctHolders(holders);
}

/** Sub-contractors may deliver part of the hours; an invalid SIRET is kept (siretValid: false) with a warning. */
function readSubcontractors(value: unknown, warnings: string[]): DecpHolder[] {
  const holders = unwrapList(value, 'acteSousTraitance').flatMap((act) => {
    const holder = isObject(act) ? readHolder(act['sousTraitant']) : null;
    return holder === null ? [] : [holder];
  });
  for (const h of holders) {
    if (h.idType === 'SIRET' && !h.siretValid) warnings.push(`SIRET du sous-traitant invalide : « ${h.id} »`);
  }
  return distinctHolders(holders);
}

/** A list in 2022 files (`{considerationSociale: […]}`), a plain or comma-separated string in some exports. */
function readSocialConsiderations(value: unknown): string[] {
  const labels = unwrapList(value, 'considerationSociale')
    .flatMap((v) => (typeof v === 'string' ? v.split(/[,;]/) : []))
    .map((v) => canonicalLabel(v, SOCIAL_CONSIDERATIONS))
    .filter((v): v is string => v !== null);
  return [...new Set(labels)];
}

function hasTechnique(record: Obj, technique: string): boolean {
  const wanted = labelKey(technique);
  return unwrapList(record['techniques'], 'technique').some((t) => typeof t === 'string' && labelKey(t) === wanted);
}

function readPlace(record: Obj): DecpContract['place'] {
  const code = text(nested(record, 'lieuExecution', 'code'));
  if (code === null) return null;
  return { typeCode: canonicalLabel(nested(record, 'lieuExecution', 'typeCode'), PLACE_TYPES) ?? '', code };
}

/** U+FFFD cannot be repaired by re-decoding: the accents were lost by the producer. */
function warnDamagedText(warnings: string[], object: string | null, buyerName: string | null, holders: DecpHolder[]): void {
  const where = 'accents abîmés à la source (U+FFFD)';
  if (hasReplacementChar(object)) warnings.push(`${where} dans l’objet`);
  if (hasReplacementChar(buyerName)) warnings.push(`${where} dans le nom de l’acheteur`);
  if (holders.some((h) => hasReplacementChar(h.name))) warnings.push(`${where} dans le nom d’un titulaire`);
}

/** Producers' test records reached production (AIFE 2019: buyer "Essentiel", id 2018123456789100, CPV 12345678). */
function looksLikeTestData(sourceId: string, cpv: string | null, sirets: string[]): boolean {
  return sourceId.includes('123456789') || cpv === '12345678' || sirets.some((s) => s.startsWith('123456789'));
}
