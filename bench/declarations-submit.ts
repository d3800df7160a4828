// Usage: npm run build && npm run bench:declarations-submit -- [clients=50] [perClient=20] [paceMs=0]
// Monthly declarations transmitted through the HTTP API (POST /api/declarations, submit) by `clients`
// contractor users at once, each with its own session and its own placements (distinct placements, so
// no two requests touch the same row), each sending `perClient` declarations one after the other.
// paceMs = 0: each client sends its next declaration as soon as the previous one is answered (a closed
// loop: the server is saturated, latency ≈ clients ÷ throughput); paceMs > 0: each client sends one
// declaration every paceMs (random start), as people filling in a form do.
// Prints p50 / p95 / max latency and the throughput. Target: p95 ≤ 30 ms at 50 concurrent clients.
import { percentile } from './support.js';
import { machineLoad, startDeclarationsWorld } from './declarations-world.js';

const clients = Number(process.argv[2] ?? 50);
const perClient = Number(process.argv[3] ?? 20);
const paceMs = Number(process.argv[4] ?? 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WARMUP = 2;
const month = '2024-06';

const world = await startDeclarationsWorld({ lots: 10, people: clients * (perClient + WARMUP), startMonth: '2024-03' });
try {
  const cookies = await Promise.all(Array.from({ length: clients }, (_, n) => world.contractorSession(n)));
  let next = 0;
  const submit = async (cookie: string, placementId: string): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${world.bench.url}/api/declarations`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ placementId, month, workedMinutes: 120 * 60 + (next++ % 40) * 15, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: null, submit: true }),
    });
    const ms = performance.now() - t0;
    if (res.status !== 201) throw new Error(`déclaration refusée : ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return ms;
  };
  const placementsOf = (client: number) => world.placements.slice(client * (perClient + WARMUP), (client + 1) * (perClient + WARMUP)).map((p) => p.id);

  // Warm-up (connections, JIT), then the measure: every client sends its declarations one after the other.
  await Promise.all(cookies.map((cookie, c) => (async () => { for (const id of placementsOf(c).slice(0, WARMUP)) await submit(cookie, id); })()));
  const times: number[] = [];
  console.log(machineLoad());
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    cookies.map((cookie, c) => (async () => {
      if (paceMs > 0) await sleep(Math.random() * paceMs);
      for (const id of placementsOf(c).slice(WARMUP)) {
        const start = performance.now();
        times.push(await submit(cookie, id));
        if (paceMs > 0) await sleep(Math.max(0, paceMs - (performance.now() - start)));
      }
    })()),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  console.log(
    `${times.length} déclarations transmises par ${clients} clients simultanés (${perClient} chacun, sessions et mises en poste distinctes, ` +
      `${paceMs > 0 ? `une toutes les ${paceMs} ms par client` : 'sans pause'}) : ` +
      `p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(percentile(times, 95))} ms, max ${Math.round(times[times.length - 1]!)} ms ; ` +
      `${Math.round(times.length / (wall / 1000))} déclarations/s ; CPU Node (serveur et clients) ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(1)} ms par déclaration`,
  );
  const [{ count }] = (await world.sql<{ count: string }>(`select count(*) from hour_declaration where status = 'submitted' and month = ?`, [month])) as [{ count: string }];
  console.log(`déclarations transmises en base pour ${month} : ${count}`);
} finally {
  await world.bench.close();
}
