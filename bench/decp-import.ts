// Usage: npm run build && npx tsx bench/decp-import.ts [records=10000]
// Generates a DECP file (format 2022, JSON) of N markets of one buyer, all with a social consideration,
// some with modifications, then times the upload (preview) and the confirmed import, and a second
// import of the same file (idempotent: nothing created). Needs the PostgreSQL service (DATABASE_URL).
import { startBench } from './support.js';

const n = Number(process.argv[2] ?? 10_000);

function siret(i: number): string {
  const base = `4${String(i).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) {
    const s = base + d;
    let sum = 0;
    for (let k = 0; k < 14; k++) {
      let x = Number(s[13 - k]);
      if (k % 2) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

function file(records: number, extraModification = false): string {
  const marches = Array.from({ length: records }, (_, i) => ({
    id: `B${String(i).padStart(8, '0')}`,
    acheteur: { id: '22460001400019' },
    nature: 'Marché',
    objet: `Travaux de réhabilitation n° ${i} — bâtiment départemental`,
    codeCPV: '45000000-7',
    procedure: 'Procédure adaptée',
    lieuExecution: { code: '46', typeCode: 'Code département' },
    dureeMois: 12 + (i % 24),
    dateNotification: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
    datePublicationDonnees: '2025-12-31',
    montant: 100_000 + (i % 1000) * 1000,
    formePrix: 'Forfaitaire',
    considerationsSociales: { considerationSociale: i % 3 === 0 ? ['Clause sociale', 'Critère social'] : ['Clause sociale'] },
    titulaires: [{ titulaire: { id: siret(i % 500), typeIdentifiant: 'SIRET' } }],
    modifications: [
      ...(i % 10 === 0 ? [{ modification: { id: 1, montant: 120_000 + (i % 1000) * 1000, dateNotificationModification: '2026-03-01' } }] : []),
      // The next publication: one market in ten gets a new modification (amount and duration).
      ...(extraModification && i % 10 === 5 ? [{ modification: { id: 2, montant: 130_000 + (i % 1000) * 1000, dureeMois: 48, dateNotificationModification: '2026-09-01' } }] : []),
    ],
  }));
  return JSON.stringify({ marches: { marche: marches } });
}

const bench = await startBench();
try {
  const headers = { cookie: bench.cookie, 'content-type': 'application/octet-stream' };
  const run = async (label: string, body = Buffer.from(file(n))) => {
    const t0 = performance.now();
    const preview = (await (await fetch(`${bench.url}/api/decp-imports?filename=bench.json`, { method: 'POST', headers, body })).json()) as { id: string };
    const t1 = performance.now();
    const done = (await (await fetch(`${bench.url}/api/decp-imports/${preview.id}/confirm`, { method: 'POST', headers: { cookie: bench.cookie } })).json()) as { result: unknown };
    const t2 = performance.now();
    console.log(
      `${label} : fichier ${(body.length / 1_048_576).toFixed(1)} Mo, ${n} marchés — aperçu ${Math.round(t1 - t0)} ms, import ${Math.round(t2 - t1)} ms ` +
        `(${Math.round(n / ((t2 - t1) / 1000))} marchés/s) ; résultat ${JSON.stringify(done.result)}`,
    );
  };
  await run('1er import');
  await run('2e import (même fichier)');
  await run('3e import (1 marché sur 10 avec une nouvelle modification)', Buffer.from(file(n, true)));
} finally {
  await bench.close();
}
