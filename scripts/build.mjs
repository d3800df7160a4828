#!/usr/bin/env node
// Builds the workspaces whose sources changed since their last build (npm start, npm test), or all of
// them with --force (npm run build). A workspace's fingerprint hashes its files (outputs and tests
// excluded), the fingerprints of the workspaces it depends on, the lockfile and the shared TypeScript
// settings; it is recorded under node_modules/.cache once its build succeeds, so that a fresh
// `npm ci` builds again. Each build's own output is printed as is: a warning is never hidden here.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stampFile = path.join(root, 'node_modules/.cache/suivi-clauses/build-stamps.json');
// The lockfile stands for every dependency change; the root package.json's scripts do not change a build.
const GLOBAL_INPUTS = ['package-lock.json', 'tsconfig.base.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', '.svelte-kit', 'test-results', 'playwright-report']);

/** In dependency order. `clean`: tsc never removes the output of a deleted source (a deleted migration would still run). */
const WORKSPACES = [
  { name: 'shared', deps: [], output: 'shared/dist/index.js', clean: 'shared/dist' },
  { name: 'db', deps: ['shared'], output: 'db/dist/index.js', clean: 'db/dist' },
  { name: 'api', deps: ['shared', 'db'], output: 'api/dist/server.js', clean: 'api/dist' },
  { name: 'web', deps: ['shared'], output: 'web/build/handler.js', clean: null },
];

function listFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile() && !/\.test\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

function hashFiles(files) {
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function fingerprints() {
  const global = hashFiles(GLOBAL_INPUTS.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)));
  const result = {};
  for (const ws of WORKSPACES) {
    const own = hashFiles(listFiles(path.join(root, ws.name)));
    result[ws.name] = createHash('sha256').update([global, own, ...ws.deps.map((d) => result[d])].join('|')).digest('hex');
  }
  return result;
}

const readStamps = () => {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
};

function writeStamp(name, value) {
  const stamps = readStamps();
  stamps[name] = value;
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
}

/** Runs `npm run build -w <name>` quietly (no npm banner); prints what the build itself printed. */
function build(ws) {
  if (ws.clean) fs.rmSync(path.join(root, ws.clean), { recursive: true, force: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'build', '-w', ws.name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      if (code === 0) console.log(`✓ ${ws.name} compilé (${seconds} s)`);
      else console.error(`✗ échec de la compilation de ${ws.name} (code ${code})`);
      resolve(code === 0);
    });
  });
}

/**
 * Builds the stale workspaces (all with `force`); independent chains (db → api, web) run side by side.
 * Resolves to true when everything is built.
 */
export async function ensureBuilt({ force = false } = {}) {
  const wanted = fingerprints();
  const stamps = readStamps();
  const stale = new Set(
    WORKSPACES.filter((ws) => force || stamps[ws.name] !== wanted[ws.name] || !fs.existsSync(path.join(root, ws.output))).map((ws) => ws.name),
  );
  if (stale.size && !force) console.log(`Compilation de ${[...stale].join(', ')} (sources modifiées depuis la dernière compilation, ou aucune compilation)…`);
  const done = new Map();
  const ensure = (name) => {
    if (!done.has(name)) {
      const ws = WORKSPACES.find((w) => w.name === name);
      done.set(
        name,
        Promise.all(ws.deps.map(ensure)).then(async (depsOk) => {
          if (!depsOk.every(Boolean)) return false;
          if (!stale.has(name)) return true;
          const ok = await build(ws);
          if (ok) writeStamp(name, wanted[name]);
          return ok;
        }),
      );
    }
    return done.get(name);
  };
  const results = await Promise.all(WORKSPACES.map((ws) => ensure(ws.name)));
  return results.every(Boolean);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit((await ensureBuilt({ force: process.argv.includes('--force') })) ? 0 : 1);
}
