// Usage: npm run build && npm run bench:seed, then start the server on the bench database:
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/suivi_bench_dashboard TODAY=2026-11-20 PORT=3370 node api/dist/server.js
// and: BENCH_URL=http://127.0.0.1:3370 npx tsx bench/dashboard-page.ts
// Times the dashboard page's server render (complete HTML) and sums the gzipped JavaScript it loads.
import { gzipSync } from 'node:zlib';
import { measure } from './support.js';

const base = process.env.BENCH_URL ?? 'http://127.0.0.1:3370';
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'acheteur@bench.fr', password: 'Mot-de-passe-de-bench-1' }) });
if (!login.ok) throw new Error(`connexion : ${login.status}`);
const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
let html = '';
const page = async (path: string) => {
  const res = await fetch(`${base}${path}`, { headers: { cookie, accept: 'text/html' } });
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  html = await res.text();
};
for (const path of ['/tableau-de-bord', '/tableau-de-bord?status=at_risk&sort=pace&dir=desc']) {
  const r = await measure(20, () => page(path));
  console.log(`${path} : rendu serveur complet p50 ${r.p50} ms, p95 ${r.p95} ms (${Math.round(html.length / 1024)} Ko de HTML)`);
}
// Every script the page loads: modulepreload links and dynamic imports of the entry points.
const scripts = new Set<string>([...html.matchAll(/(?:href|src)="([^"]+\.js)"/g)].map((m) => m[1]!));
for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) scripts.add(m[1]!);
// The page's route nodes (layouts and page), named in the hydration script and imported by app.js.
const nodeIds = (html.match(/node_ids:\s*\[([^\]]+)\]/)?.[1] ?? '').split(',').map((n) => n.trim());
const appUrl = [...scripts].find((src) => /entry\/app\./.test(src));
if (appUrl) {
  const app = await (await fetch(new URL(appUrl, `${base}/`))).text();
  for (const m of app.matchAll(/["'`](\.\.\/nodes\/(\d+)\.[^"'`]+\.js)["'`]/g)) {
    if (nodeIds.includes(m[2]!)) scripts.add(new URL(m[1]!, new URL(appUrl, `${base}/`)).toString());
  }
}
let raw = 0, gz = 0;
// Follows the static imports of each module the page preloads (the dynamic imports of app.js are the other pages).
const queue = [...scripts].map((src) => new URL(src, `${base}/tableau-de-bord`).toString());
const seen = new Set<string>();
while (queue.length) {
  const url = queue.pop()!;
  if (seen.has(url)) continue;
  seen.add(url);
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  raw += body.length;
  gz += gzipSync(body, { level: 9 }).length;
  for (const m of body.toString('utf8').matchAll(/(?:from\s*|import\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) queue.push(new URL(m[1]!, url).toString());
}
scripts.clear();
for (const url of seen) scripts.add(url);
console.log(`JavaScript de la page (entrées, nœuds de la page et leurs imports statiques) : ${scripts.size} fichiers, ${Math.round(raw / 1024)} Ko, ${Math.round(gz / 1024)} Ko compressés (gzip)`);
