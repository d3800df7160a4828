import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** What can be checked here of the deployment files (docs/deployment.md §13): no Docker engine, no systemd running. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const units = path.join(root, 'deploy/systemd');
const hasSystemdAnalyze = (() => {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('fichiers de déploiement', () => {
  it.skipIf(!hasSystemdAnalyze)('les unités systemd passent systemd-analyze verify', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unites-'));
    try {
      // A template is verified through an instance (suivi-clauses@3001.service).
      const files = fs.readdirSync(units).map((name) => {
        const target = path.join(dir, name.replace('@.service', '@3001.service'));
        fs.copyFileSync(path.join(units, name), target);
        return target;
      });
      // A directive it cannot parse is only a warning (exit code 0): the output must be empty.
      const res = spawnSync('systemd-analyze', ['verify', ...files], { encoding: 'utf8', env: { ...process.env, SYSTEMD_LOG_LEVEL: 'warning' } });
      expect(`${res.stdout}${res.stderr}`.trim()).toBe('');
      expect(res.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('le Dockerfile : ce qu’il copie de l’étape de compilation existe après npm run build, et l’image tourne sans root', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map((m) => m[1]!);
    expect(copied).toEqual(expect.arrayContaining(['api/dist', 'web/build', 'db/dist', 'shared/dist']));
    for (const p of copied) expect(fs.existsSync(path.join(root, p)), p).toBe(true);
    // Every workspace's manifest is copied before `npm ci` (the lockfile names them all).
    const workspaces = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
    for (const ws of workspaces) expect(dockerfile).toContain(`COPY ${ws}/package.json ${ws}/`);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
    expect(dockerfile).toMatch(/^CMD \["node", "api\/dist\/server\.js"\]$/m);
  });
});
