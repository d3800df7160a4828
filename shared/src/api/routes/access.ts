import { z } from '../../schemas/locale.js';

export const allRoles = ['buyer', 'facilitator', 'contractor', 'admin'] as const;

/** A page of results: the items and the total count matching the filters. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
