import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PgDump {
  path: string;
  version: string;
  major: number;
}

/** Where PostgreSQL clients usually are: PG_DUMP, the PATH, Debian/Ubuntu's per-version directories, Homebrew's. */
function candidates(): string[] {
  const found = new Set<string>();
  if (process.env.PG_DUMP) found.add(process.env.PG_DUMP);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) found.add(path.join(dir, 'pg_dump'));
  for (const base of ['/usr/lib/postgresql', '/opt/homebrew/opt', '/usr/local/opt']) {
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base)) found.add(path.join(base, entry, 'bin', 'pg_dump'));
  }
  return [...found].filter((p) => fs.existsSync(p));
}

function describe(file: string): PgDump | null {
  try {
    const version = execFileSync(file, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const major = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1]);
    return Number.isInteger(major) ? { path: file, version, major } : null; // not realpath: Debian's /usr/bin/pg_dump is a wrapper that reads its own name
  } catch {
    return null;
  }
}

/**
 * The newest pg_dump able to dump a server of `serverMajor`: pg_dump refuses a server newer than itself
 * (the system's PostgreSQL 15 client cannot dump the embedded PostgreSQL 18, whose package ships no pg_dump).
 */
export function findPgDump(serverMajor: number): PgDump | null {
  const all = candidates()
    .map(describe)
    .filter((d): d is PgDump => d !== null && d.major >= serverMajor)
    .sort((a, b) => b.major - a.major);
  return all[0] ?? null;
}
