import { CLEANING_PACT_DEFAULTS, HOURLY_COST_DEFAULTS, INSERTION_RATE_DEFAULTS, LABOUR_SHARE_BY_TRADE, type ParameterDefaults } from '@app/shared';

/** The default parameters tables of the domain, with the sources of the referentials shipped in the repository. */
export function parameterDefaults(): ParameterDefaults {
  return {
    labourShares: LABOUR_SHARE_BY_TRADE.map((e) => ({ ...e, range: [e.range[0], e.range[1]] as [number, number] })),
    hourlyCosts: HOURLY_COST_DEFAULTS.map((e) => ({ ...e })),
    insertionRates: INSERTION_RATE_DEFAULTS.map((e) => ({ ...e })),
    cleaningPact: { ...CLEANING_PACT_DEFAULTS },
    sources: [
      { name: 'Codes CPV 2008 (libellés français)', origin: 'Office des publications de l’UE (SIMAP), api/data/cpv', licence: 'Décision 2011/833/UE (réutilisation avec mention)' },
      { name: 'Communes (COG 2026)', origin: 'npm @etalab/decoupage-administratif 6.0.0 (INSEE)', licence: 'Licence Ouverte 2.0' },
      { name: 'Paramètres de calcul des heures', origin: 'shared/src/domain/parameters.ts (MEF Sud 77, PACT Propreté, ANRU ; hypothèses signalées)', licence: 'AGPL-3.0 (ce logiciel)' },
    ],
  };
}
