import { z } from '../../schemas/locale.js';

export const allRoles = ['buyer', 'facilitator', 'contractor', 'admin'] as const;
/** The portfolio of a buyer: the buyer, and the facilitation structures it mandated. */
export const portfolioRoles = ['buyer', 'facilitator'] as const;
/** Lots are also read by the contractors that hold them. */
export const lotReaders = ['buyer', 'facilitator', 'contractor'] as const;

/** A page of results: the items and the total count matching the filters. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
