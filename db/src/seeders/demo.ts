import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationSchema } from '../entities/organisation.entity.js';
import { UserSchema } from '../entities/user.entity.js';
import { seedDemoParticipants } from './demo-participants.js';

/** Password of every demo account (listed in the README). Demo data only: never used outside a fresh instance. */
export const DEMO_PASSWORD = 'Demo-Clauses-2026';

type DemoOrganisation = { key: string; kind: 'buyer' | 'facilitator' | 'contractor' | 'admin'; name: string; siret: string | null };

/** The Lot: Département du Lot (buyer), the facilitation structure, three contractors of Cahors, Figeac and Gourdon. */
const organisations: DemoOrganisation[] = [
  { key: 'admin', kind: 'admin', name: 'Administration de l’instance', siret: null },
  { key: 'lot', kind: 'buyer', name: 'Département du Lot', siret: '22460001400019' },
  { key: 'facilitation', kind: 'facilitator', name: 'Maison de l’emploi du Lot — facilitation des clauses sociales', siret: '33012000400040' },
  { key: 'quercy', kind: 'contractor', name: 'Bâtiments du Quercy (Cahors)', siret: '45312000100012' },
  { key: 'figeac', kind: 'contractor', name: 'Figeac Travaux Publics', siret: '48721000200027' },
  { key: 'bouriane', kind: 'contractor', name: 'Bouriane Propreté (Gourdon)', siret: '51234000300031' },
];

export const demoAccounts = [
  { email: 'admin@demo.suivi-clauses.fr', fullName: 'Camille Administratrice', role: 'admin', organisation: 'admin' },
  { email: 'acheteuse@demo.suivi-clauses.fr', fullName: 'Hélène Marty', role: 'buyer', organisation: 'lot' },
  { email: 'facilitatrice@demo.suivi-clauses.fr', fullName: 'Sophie Delpech', role: 'facilitator', organisation: 'facilitation' },
  { email: 'entreprise@demo.suivi-clauses.fr', fullName: 'Julien Lacombe', role: 'contractor', organisation: 'quercy' },
  { email: 'figeac@demo.suivi-clauses.fr', fullName: 'Nadia Bessières', role: 'contractor', organisation: 'figeac' },
  { email: 'bouriane@demo.suivi-clauses.fr', fullName: 'Marc Vidal', role: 'contractor', organisation: 'bouriane' },
] as const;

/**
 * Seeds the demo set when the database has no organisation yet. Returns false when it already had data.
 * The password hash function is injected: hashing belongs to the API's infrastructure.
 */
export async function seedDemo(em: EntityManager, hashPassword: (plain: string) => Promise<string>): Promise<boolean> {
  if ((await em.count(OrganisationSchema, {})) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    const byKey = new Map<string, string>();
    for (const org of organisations) {
      const id = randomUUID();
      byKey.set(org.key, id);
      tx.create(OrganisationSchema, { id, kind: org.kind, name: org.name, siret: org.siret });
    }
    const userIds = new Map<string, string>();
    for (const account of demoAccounts) {
      userIds.set(account.email, randomUUID());
      tx.create(UserSchema, {
        id: userIds.get(account.email)!,
        organisation: byKey.get(account.organisation)!,
        email: account.email,
        fullName: account.fullName,
        role: account.role,
        passwordHash,
      });
    }
    const facilitator = demoAccounts.find((a) => a.role === 'facilitator')!;
    await seedDemoParticipants(tx, byKey.get(facilitator.organisation)!, { id: userIds.get(facilitator.email)!, fullName: facilitator.fullName });
  });
  return true;
}
