// Usage: npm run build -w shared && node --max-old-space-size=6144 --import tsx bench/integrity-signals.ts [declarations=3000000] [fullRuns=3] [checks=1000]
// Integrity signals (issue 14) on a national-scale set built in memory, like `bench:seed`: 100,000 clauses held
// by 5,000 companies, 200,000 placements × 15 months = 3,000,000 declarations, 196,000 people (one in fifty
// with a second, part-time placement), exits, full-time jobs, formal notices, declared links, and a few
// planted anomalies (copy-paste, reused payslips, catch-ups). Times the full recomputation (p50/p95 over the
// runs), then the incremental check of N random declarations from their neighbours (p50/p95) — the
// neighbours are gathered beforehand, as the API's indexed queries would, and are not timed. No database.
import os from 'node:os';
import { createHash } from 'node:crypto';
import { detectIntegritySignals, detectSignalsForDeclaration, groupBy, isSignalNeighbour, type IntegrityInput, type SignalDeclaration } from '@app/shared';

const DECLARATIONS = Number(process.argv[2] ?? 3_000_000);
const FULL_RUNS = Number(process.argv[3] ?? 3);
const CHECKS = Number(process.argv[4] ?? 1000);
const MONTHS_PER_PLACEMENT = 15;
const PLACEMENTS = Math.ceil(DECLARATIONS / MONTHS_PER_PLACEMENT);
const CLAUSES = Math.max(1, Math.round(PLACEMENTS / 2));
const COMPANIES = Math.max(10, Math.round(CLAUSES / 20));
const PEOPLE = Math.max(1, Math.round(PLACEMENTS * 0.98));

const load = () => `charge ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')} sur ${os.cpus().length} cœurs`;
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
const heap = () => `${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} Mio`;
/** CPU time of this process in ms: on a loaded shared machine, wall time mostly measures the neighbours. */
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const summary = (label: string, wall: readonly number[], cpuTimes: readonly number[], unit: 's' | 'ms') => {
  const scale = unit === 's' ? 1000 : 1;
  const digits = unit === 's' ? 1 : 2;
  const show = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${(quantile(sorted, 0.5) / scale).toFixed(digits)} ${unit}, p95 ${(quantile(sorted, 0.95) / scale).toFixed(digits)} ${unit}`;
  };
  console.log(`  ${label} : horloge ${show(wall)} ; CPU du processus ${show(cpuTimes)} — ${load()}`);
};

// Shared strings, as a database driver would give (ids repeat across rows).
const monthNames = Array.from({ length: 60 }, (_, index) => `${2023 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
const fifthOf = monthNames.map((_, index) => `${monthNames[index + 1] ?? '2028-01'}-05`);
const sirets = Array.from({ length: COMPANIES }, (_, index) => `4${String(index).padStart(13, '0')}`);
const clauseIds = Array.from({ length: CLAUSES }, (_, index) => `clause-${index}`);
const personIds = Array.from({ length: PEOPLE }, (_, index) => `p-${index}`);
const clauseStart = (clause: number) => (clause * 7) % 30; // index of the clause's first month
const hex = (seed: string) => createHash('sha256').update(seed).digest('hex');

console.log(`Génération de ${DECLARATIONS.toLocaleString('fr-FR')} déclarations (${PLACEMENTS.toLocaleString('fr-FR')} mises en poste, ${CLAUSES.toLocaleString('fr-FR')} clauses, ${COMPANIES} entreprises)…`);
const t0 = performance.now();
const declarations: SignalDeclaration[] = [];
const employments: NonNullable<IntegrityInput['employments']> = [];
for (let placement = 0; placement < PLACEMENTS; placement += 1) {
  const clause = placement % CLAUSES;
  const second = placement >= PEOPLE; // one in fifty: the person's second placement, part-time, another company
  const person = second ? (placement * 7919) % PEOPLE : placement;
  const company = second ? (clause + 1) % COMPANIES : clause % COMPANIES;
  const weekly = second ? 600 : placement % 3 === 0 ? null : 2100;
  const placementId = `mp-${placement}`;
  const first = clauseStart(clause) + (placement % 6);
  employments.push({ participantId: personIds[person] as string, employerSiret: sirets[company] as string, startDate: `${monthNames[first]}-01`, endDate: null, weeklyMinutes: weekly ?? 2100 });
  for (let k = 0; k < MONTHS_PER_PLACEMENT && declarations.length < DECLARATIONS; k += 1) {
    const month = first + k;
    // Monthly-paid most of the time; hourly figures otherwise; one placement in 1,000 copies 140 h every month.
    const minutes = placement % 1000 === 0 ? 8400 : second ? 2600 : placement % 4 === 0 ? 6000 + (Math.imul(placement * 31 + k, 2654435761) >>> 0) % 3000 : weekly === null ? 9100 : Math.round((weekly * 52) / 12);
    const id = `d-${placement}-${k}`;
    // One declaration in 2,000 carries another person's payslip.
    const proof = placement % 2000 === 7 && k === 3 ? hex(`d-${placement - 1}-${k}`) : hex(id);
    declarations.push({
      id,
      participantId: personIds[person] as string,
      placementId,
      clauseId: clauseIds[clause] as string,
      employerSiret: sirets[company] as string,
      holderSiret: null,
      month: monthNames[month] as string,
      minutes,
      status: k < 13 ? 'validated' : 'submitted',
      // One clause in 500 sends its first ten months at once, near its end.
      submittedAt: clause % 500 === 3 && k < 10 ? `${monthNames[clauseStart(clause) + 20]}-10` : (fifthOf[month] as string),
      weeklyMinutes: weekly,
      proofs: [{ sha256: proof, kind: 'payslip' }],
      validatedBy: k < 13 ? `facilitateur-${clause % 100}` : null,
      validatedOn: k < 13 ? `${monthNames[month + 1]}-12` : null,
    });
  }
}
const exits = personIds.filter((_, index) => index % 20 === 0).map((participantId, index) => ({ participantId, exitDate: `${monthNames[12 + (index % 30)]}-15` }));
const clauses = clauseIds.map((clauseId, index) => ({
  clauseId,
  startDate: `${monthNames[clauseStart(index)]}-01`,
  endDate: `${monthNames[clauseStart(index) + 20]}-28`,
  formalNotices: index % 100 === 0 ? [`${monthNames[clauseStart(index) + 10]}-02`] : [],
}));
const links = Array.from({ length: 100 }, (_, index) => ({
  id: `lien-${index}`,
  userId: `facilitateur-${index}`,
  siret: sirets[(index * 37 + 11) % COMPANIES] as string,
  nature: 'business' as const,
  startDate: '2023-01-01',
  endDate: null,
}));
const context = { exits, employments, clauses, links };
console.log(`  généré en ${((performance.now() - t0) / 1000).toFixed(1)} s, tas ${heap()}`);

console.log(`Calcul complet (${FULL_RUNS} passages) — ${load()}`);
const fullTimes: number[] = [];
const fullCpu: number[] = [];
let signalCount = 0;
const byCode = new Map<string, number>();
for (let run = 0; run < FULL_RUNS; run += 1) {
  const start = performance.now();
  const cpuStart = cpu();
  const result = detectIntegritySignals({ declarations, ...context });
  const elapsed = performance.now() - start;
  fullCpu.push(cpu() - cpuStart);
  if (!result.ok) throw new Error(JSON.stringify(result.violations.slice(0, 3)));
  fullTimes.push(elapsed);
  signalCount = result.value.length;
  byCode.clear();
  for (const signal of result.value) byCode.set(signal.code, (byCode.get(signal.code) ?? 0) + 1);
  console.log(`  passage ${run + 1} : ${(elapsed / 1000).toFixed(1)} s (CPU ${((fullCpu[run] ?? 0) / 1000).toFixed(1)} s), ${signalCount.toLocaleString('fr-FR')} signaux, tas ${heap()} — ${load()}`);
}
console.log(`  signaux par code : ${[...byCode].map(([code, count]) => `${code} ${count}`).join(', ')}`);
summary('calcul complet', fullTimes, fullCpu, 's');

// Incremental: N declarations spread over the set; their neighbours gathered in one pass (the API's queries).
const sample = Array.from({ length: CHECKS }, (_, index) => declarations[Math.floor(((index + 0.5) * declarations.length) / CHECKS)] as SignalDeclaration);
const wanted = { people: new Set(sample.map((row) => row.participantId)), clauses: new Set(sample.map((row) => row.clauseId)), employerMonths: new Set(sample.map((row) => `${row.employerSiret}|${row.month}`)), hashes: new Set(sample.flatMap((row) => (row.proofs ?? []).map((proof) => proof.sha256))) };
const pool = declarations.filter(
  (row) => wanted.people.has(row.participantId) || wanted.clauses.has(row.clauseId) || wanted.employerMonths.has(`${row.employerSiret}|${row.month}`) || (row.proofs ?? []).some((proof) => wanted.hashes.has(proof.sha256)),
);
const neighbourhoods = sample.map((declaration) => pool.filter((candidate) => isSignalNeighbour(declaration, candidate)));
// What the API would read for one declaration: its person's exit and jobs, its clause, its validator's links.
const exitOf = new Map(exits.filter((exit) => wanted.people.has(exit.participantId)).map((exit) => [exit.participantId, exit]));
const jobsOf = groupBy(employments.filter((job) => wanted.people.has(job.participantId)), (job) => job.participantId);
const clauseOf = new Map(clauses.filter((clause) => wanted.clauses.has(clause.clauseId)).map((clause) => [clause.clauseId, clause]));
const contextOf = (row: SignalDeclaration) => ({
  exits: exitOf.has(row.participantId) ? [exitOf.get(row.participantId)!] : [],
  employments: jobsOf.get(row.participantId) ?? [],
  clauses: clauseOf.has(row.clauseId) ? [clauseOf.get(row.clauseId)!] : [],
  links: links.filter((link) => link.userId === row.validatedBy),
});
console.log(`Vérification au fil de l’eau de ${CHECKS} déclarations (voisines : médiane ${quantile(neighbourhoods.map((rows) => rows.length).sort((a, b) => a - b), 0.5)}, max ${Math.max(...neighbourhoods.map((rows) => rows.length))}) — ${load()}`);
const checkTimes: number[] = [];
const checkCpu: number[] = [];
for (let round = 0; round < 2; round += 1) {
  // The first round warms the code up; the second is measured.
  checkTimes.length = 0;
  checkCpu.length = 0;
  sample.forEach((declaration, index) => {
    const start = performance.now();
    const cpuStart = cpu();
    const result = detectSignalsForDeclaration({ declaration, neighbours: neighbourhoods[index] ?? [], ...contextOf(declaration) });
    checkCpu.push(cpu() - cpuStart);
    checkTimes.push(performance.now() - start);
    if (!result.ok) throw new Error(JSON.stringify(result.violations.slice(0, 3)));
  });
}
summary('vérification d’une déclaration', checkTimes, checkCpu, 'ms');
