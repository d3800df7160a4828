// Usage: npm run build && npm run bench:declarations-import -- [lines=100000] [csv|xlsx]
// A contractor's statement of N lines (N/20 people placed on 20 lots × 20 months, the template's French
// headers and decimal commas), uploaded through the HTTP API: the preview (read, resolve, check, store
// every line) and the confirmation (one transaction) timed separately, with the peak memory (RSS) of
// each; then the same file again (idempotent: every line unchanged). Target: ≤ 10 s for 100,000 lines.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '@app/shared';
import { machineLoad, startDeclarationsWorld, withPeakRss } from './declarations-world.js';

const lines = Number(process.argv[2] ?? 100_000);
const format = process.argv[3] === 'xlsx' ? 'xlsx' : 'csv';
const MONTHS = 20;
const months = Array.from({ length: MONTHS }, (_, i) => {
  const index = 2024 * 12 + 2 + i; // from 2024-03
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const people = Math.ceil(lines / MONTHS);

const world = await startDeclarationsWorld({ lots: 20, people, startMonth: months[0]! });
try {
  // One line per person and month, month after month (twenty monthly statements put together).
  const rows: (string | null)[][] = [];
  for (const month of months) {
    for (let i = 0; i < people && rows.length < lines; i++) {
      const hours = 90 + ((i * 7 + month.charCodeAt(6)) % 40) + (i % 4) * 0.25;
      rows.push([
        world.placements[i]!.id, month, `Personne ${i + 1} Prénom`, `2024-BENCH-${String(i % 20).padStart(3, '0')} — Réhabilitation`, 'Lot 1 — Gros œuvre',
        'Embauche directe', 'Bâtiments du Quercy (45312000100012)', null, String(hours).replace('.', ','), null, null, null, i % 50 === 0 ? 'Heures supplémentaires comprises' : null,
      ]);
    }
  }
  const headers = IMPORT_COLUMNS.map((column) => column.header);
  let body: Buffer;
  if (format === 'csv') {
    const cell = (value: string | null) => (value === null ? '' : /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    body = Buffer.from(`\uFEFF${[headers.join(';'), ...rows.map((row) => row.map(cell).join(';'))].join('\r\n')}\r\n`, 'utf8');
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Déclarations');
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(row.map((value, i) => (i === 8 && value !== null ? Number(value.replace(',', '.')) : value)));
    body = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  console.log(machineLoad());
  console.log(`relevé ${format.toUpperCase()} : ${rows.length} lignes (${people} personnes × ${MONTHS} mois), ${(body.length / 1_048_576).toFixed(1)} Mo`);

  const cookie = await world.contractorSession(0);
  const upload = async () => {
    const res = await fetch(`${world.bench.url}/api/declaration-imports?fileName=releve-bench.${format}`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body,
    });
    if (res.status !== 201) throw new Error(`aperçu refusé : ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; status: string; counts: Record<string, number>; errors: unknown[] };
  };
  const confirm = async (id: string) => {
    const res = await fetch(`${world.bench.url}/api/declaration-imports/${id}/confirm`, { method: 'POST', headers: { cookie } });
    if (res.status !== 200) throw new Error(`confirmation refusée : ${res.status} ${await res.text()}`);
    return res.json();
  };
  const rate = (ms: number) => `${Math.round(rows.length / (ms / 1000)).toLocaleString('fr-FR')} lignes/s`;
  for (const label of ['1er dépôt', '2e dépôt (même fichier)']) {
    const preview = await withPeakRss(upload);
    if (preview.value.status !== 'previewed') throw new Error(`aperçu en erreur : ${JSON.stringify(preview.value.errors.slice(0, 3))}`);
    const committed = await withPeakRss(() => confirm(preview.value.id));
    console.log(
      `${label} : aperçu ${Math.round(preview.ms)} ms (${rate(preview.ms)}, CPU Node ${preview.cpuMs} ms, RSS ${preview.startMiB} → max ${preview.peakMiB} Mio) ; ` +
        `confirmation ${Math.round(committed.ms)} ms (${rate(committed.ms)}, CPU Node ${committed.cpuMs} ms, RSS ${committed.startMiB} → max ${committed.peakMiB} Mio) ; ` +
        `total ${Math.round(preview.ms + committed.ms)} ms — aperçu ${JSON.stringify(preview.value.counts)}, résultat ${JSON.stringify(committed.value)}`,
    );
  }
  const [{ count }] = (await world.sql<{ count: string }>(`select count(*) from hour_declaration where status = 'submitted'`)) as [{ count: string }];
  console.log(`déclarations transmises en base : ${count}`);
} finally {
  await world.bench.close();
}
