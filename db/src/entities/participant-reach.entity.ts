import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ParticipantSchema } from './participant.entity.js';

/**
 * Where each person's own mobility radius reaches, one row per ROME family (domaine professionnel) they
 * seek: what matching asks first ("same family, and the site within their reach"). Kept by a trigger
 * on participant (see the migration), never written by the application.
 *
 * The reach is a box in degrees, 1 % wider than the radius (latitude: 111 km a degree, below the true
 * 111.2; longitude: the exact tangent of the circle on the sphere); a person without a known point
 * reaches everywhere. Its x axis is shifted by family — x = familyKey × FAMILY_SLOT + longitude — so
 * that one probe of the GiST index answers both conditions at once.
 */
export const FAMILY_SLOT = 10_000;

/** F17 → 517: the letter's rank × 100 + the two digits. */
export function familyKey(family: string): number {
  return (family.toUpperCase().charCodeAt(0) - 65) * 100 + Number(family.slice(1, 3));
}

/** The indexed box, as the query must spell it (the GiST index is on this expression). */
export const reachBoxSql = (alias: string): string => `box(point(${alias}.x_min, ${alias}.y_min), point(${alias}.x_max, ${alias}.y_max))`;

export const ParticipantReachSchema = defineEntity({
  name: 'ParticipantReach',
  tableName: 'participant_reach',
  indexes: [
    { name: 'participant_reach_box_gist', expression: 'create index "participant_reach_box_gist" on "participant_reach" using gist ((box(point("x_min", "y_min"), point("x_max", "y_max"))))' },
  ],
  properties: {
    participant: () => p.manyToOne(ParticipantSchema).primary().deleteRule('cascade'),
    family: p.string().length(3).primary(),
    organisationId: p.uuid(),
    xMin: p.double(),
    yMin: p.double(),
    xMax: p.double(),
    yMax: p.double(),
  },
});
export type ParticipantReachEntity = InferEntity<typeof ParticipantReachSchema>;
