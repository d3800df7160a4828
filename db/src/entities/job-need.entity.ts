import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { LotSchema } from './lot.entity.js';

/** A recruitment need on a lot: job, site, dates, weekly hours, number of people. The site's point is copied for matching. */
export const JobNeedSchema = defineEntity({
  name: 'JobNeed',
  tableName: 'job_need',
  indexes: [{ properties: ['lot', 'status'] }],
  properties: {
    id: p.uuid().primary(),
    lot: () => p.manyToOne(LotSchema).index(),
    createdBy: () => p.manyToOne(OrganisationSchema),
    appellationCode: p.string().length(8),
    romeCode: p.string().length(5),
    siteCommuneCode: p.string().length(5),
    siteLatitude: p.double().nullable(),
    siteLongitude: p.double().nullable(),
    siteApproximate: p.boolean().default(false),
    startDate: p.date(),
    durationWeeks: p.smallint(),
    endDate: p.date(),
    weeklyMinutes: p.integer(),
    headcount: p.smallint(),
    status: p.string().length(12).default('open'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type JobNeedEntity = InferEntity<typeof JobNeedSchema>;
