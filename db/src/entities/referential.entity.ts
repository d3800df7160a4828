import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** ROME fiche (France Travail): code F1703, label, family (domaine professionnel, F17). */
export const RomeFicheSchema = defineEntity({
  name: 'RomeFiche',
  tableName: 'rome_fiche',
  properties: {
    code: p.string().length(5).primary(),
    label: p.string().length(200),
    family: p.string().length(3).index(),
  },
});
export type RomeFicheEntity = InferEntity<typeof RomeFicheSchema>;

/** ROME appellation (job title people search for), with its ROME code and a folded label for search. */
export const RomeAppellationSchema = defineEntity({
  name: 'RomeAppellation',
  tableName: 'rome_appellation',
  properties: {
    code: p.string().length(8).primary(),
    label: p.string().length(300),
    romeCode: p.string().length(5).index(),
    searchLabel: p.string().length(300),
  },
});
export type RomeAppellationEntity = InferEntity<typeof RomeAppellationSchema>;

/** Current communes and arrondissements municipaux (COG), with the point used for distances (see db/data/geo). */
export const CommuneSchema = defineEntity({
  name: 'Commune',
  tableName: 'commune',
  properties: {
    code: p.string().length(5).primary(),
    name: p.string().length(100),
    searchName: p.string().length(100).index(),
    departement: p.string().length(3),
    postalCodes: p.string().length(200),
    population: p.integer(),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    /** 'commune' (the commune's own point) or an approximation: 'epci', 'departement'. */
    positionPrecision: p.string().length(12).nullable(),
  },
});
export type CommuneEntity = InferEntity<typeof CommuneSchema>;

/** Which version (fingerprint) of each reference data set is loaded: the loader is idempotent. */
export const ReferentialVersionSchema = defineEntity({
  name: 'ReferentialVersion',
  tableName: 'referential_version',
  properties: {
    name: p.string().length(40).primary(),
    fingerprint: p.string().length(64),
    rows: p.integer(),
    loadedAt: p.datetime(),
  },
});
export type ReferentialVersionEntity = InferEntity<typeof ReferentialVersionSchema>;
