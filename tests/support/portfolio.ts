import type { Tenant } from './factories.js';
import { siret } from './factories.js';

/** What the tests create through the API, as an officer would. */
export interface ContractFixture {
  id: string;
  lots: { id: string; clauseId: string | null }[];
}

let seq = 0;

/** A valid contract body; the holder defaults to a fresh SIRET. */
export function contractBody(overrides: Record<string, unknown> = {}, holderSiret = siret()) {
  return {
    reference: `2026-${String(++seq).padStart(4, '0')}`,
    object: 'Réhabilitation du collège Olivier de Magny à Cahors',
    procedure: 'Appel d’offres ouvert',
    cpvCode: '45214220',
    notifiedOn: '2026-01-15',
    startDate: '2026-02-01',
    endDate: '2027-01-31',
    amountCents: 180_000_000,
    frameworkAgreement: false,
    holders: [{ siret: holderSiret, name: 'Bâtiments du Quercy' }],
    subcontractors: [],
    ...overrides,
  };
}

export const labourShareMethod = (amountCents = 100_000_000) => ({
  method: 'labour_share', amountCents, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000,
});

async function ok<T = any>(res: Promise<{ status: number; body: T; text: string }>, status: number): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`attendu ${status}, reçu ${r.status} : ${r.text}`);
  return r.body;
}

/**
 * A contract of `buyer` with `lots` lots held by `holderSiret`, each with a sized clause
 * (1,000,000 € × 50 % × 5 % ÷ 30 €/h = 833 h) unless `clauses` is false.
 */
export async function createContract(
  buyer: Tenant,
  options: { holderSiret?: string; lots?: number; clauses?: boolean; overrides?: Record<string, unknown> } = {},
): Promise<ContractFixture> {
  const holder = options.holderSiret ?? siret();
  const contract = await ok(buyer.client.post('/api/contracts', contractBody(options.overrides, holder)), 201);
  const lots: ContractFixture['lots'] = [];
  for (let n = 1; n <= (options.lots ?? 1); n++) {
    const lot = await ok(
      buyer.client.post(`/api/contracts/${contract.id}/lots`, { number: n, title: `Lot ${n} — gros œuvre`, trade: 'batiment_moyenne', amountCents: 100_000_000, holderSiret: holder }),
      201,
    );
    let clauseId: string | null = null;
    if (options.clauses !== false) {
      const clause = await ok(buyer.client.post(`/api/lots/${lot.id}/clause`, { type: 'execution', method: labourShareMethod() }), 201);
      clauseId = clause.id;
    }
    lots.push({ id: lot.id, clauseId });
  }
  return { id: contract.id, lots };
}

export async function createOperation(buyer: Tenant, name = `Opération ${++seq}`): Promise<{ id: string }> {
  return ok(buyer.client.post('/api/operations', { name, anru: false, communeCode: '46042', description: null }), 201);
}
