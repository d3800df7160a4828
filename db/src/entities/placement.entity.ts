import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { ParticipantSchema } from './participant.entity.js';
import { LotSchema } from './lot.entity.js';

/**
 * A placement (mise en poste): participant × lot × modality × employer × dates × weekly hours × job,
 * then its end with the exit outcome and the follow-up six months later (funders' indicators).
 * `organisation` is the facilitation structure that follows the person.
 */
export const PlacementSchema = defineEntity({
  name: 'Placement',
  tableName: 'placement',
  indexes: [{ properties: ['participant', 'startDate'] }],
  properties: {
    id: p.uuid().primary(),
    organisation: () => p.manyToOne(OrganisationSchema).index(),
    participant: () => p.manyToOne(ParticipantSchema),
    lot: () => p.manyToOne(LotSchema).index(),
    jobNeedId: p.uuid().nullable().index(),
    modality: p.string().length(24),
    contractType: p.string().length(24).nullable(),
    employerName: p.string().length(200),
    employerSiret: p.string().length(14).nullable(),
    startDate: p.date(),
    plannedEndDate: p.date().nullable(),
    weeklyMinutes: p.integer(),
    appellationCode: p.string().length(8),
    romeCode: p.string().length(5),
    endedOn: p.date().nullable(),
    exitOutcome: p.string().length(20).nullable(),
    exitDetail: p.string().length(500).nullable(),
    followUpOn: p.date().nullable(),
    followUpOutcome: p.string().length(20).nullable(),
    followUpDetail: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type PlacementEntity = InferEntity<typeof PlacementSchema>;
