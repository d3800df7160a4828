import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** The raw node-postgres client the ORM's pool hands out (what pg-copy-streams drives). */
export interface PgClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  query<T extends Writable | NodeJS.ReadableStream>(stream: T): T;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the public schema and their writable columns (generated ones are recomputed by PostgreSQL). */
export async function publicTables(client: PgClient, except: string[] = []): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query(
    `select c.relname::text as name, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and not (c.relname = any($1))
      group by c.relname order by c.relname`,
    [except],
  );
  return rows.map((r) => ({ name: String(r.name), columns: r.columns as string[] }));
}

/**
 * Writes every public table as `COPY … FROM stdin` blocks (PostgreSQL's text format, the one pg_dump
 * writes), then the sequences' positions, to `out`. Run inside a REPEATABLE READ transaction: one snapshot.
 * Returns the number of rows of each table.
 */
export async function writeTables(client: PgClient, out: Writable, except: string[]): Promise<Record<string, number>> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  for (const table of await publicTables(client, except)) {
    const columns = table.columns.map(quote).join(', ');
    await write(`COPY public.${quote(table.name)} (${columns}) FROM stdin;\n`);
    let rows = 0;
    const stream = client.query(copyTo(`COPY (SELECT ${columns} FROM public.${quote(table.name)}) TO STDOUT`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const byte of chunk) if (byte === 10) rows++;
      await write(chunk as unknown as string);
    }
    await write('\\.\n\n');
    counts[table.name] = rows;
  }
  const { rows: sequences } = await client.query(`select sequencename::text as sequencename, last_value from pg_sequences where schemaname = 'public' and last_value is not null`);
  for (const s of sequences) await write(`SELECT pg_catalog.setval('public.${quote(String(s.sequencename))}', ${Number(s.last_value)}, true);\n`);
  return counts;
}

/**
 * Replays a gzipped plain SQL script (ours, or pg_dump's plain format) in one transaction, without psql:
 * SQL runs by the simple protocol (several statements at once), `COPY … FROM stdin` data is streamed,
 * psql's meta-commands (\restrict, \unrestrict, \connect) are skipped. Returns the rows loaded per table.
 */
export async function replaySqlScript(client: PgClient, file: string, prelude = ''): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let sql: string[] = [];
  let copy: { stream: Writable; table: string; done: Promise<void> } | null = null;
  const flush = async () => {
    const text = sql.join('\n').trim();
    sql = [];
    if (text) await client.query(text);
  };
  await client.query('begin');
  try {
    if (prelude) await client.query(prelude);
    // Created only now: readline emits lines as soon as it exists, and lines emitted before the loop would be lost.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (copy) {
        if (line === '\\.') {
          copy.stream.end();
          await copy.done;
          copy = null;
        } else {
          counts[copy.table] = (counts[copy.table] ?? 0) + 1;
          if (!copy.stream.write(`${line}\n`)) await once(copy.stream, 'drain');
        }
      } else if (/^COPY .+ FROM stdin;$/.test(line)) {
        await flush();
        const stream = client.query(copyFrom(line.slice(0, -1)));
        const table = /^COPY (?:\w+\.)?"?([^"\s(]+)"?/.exec(line)?.[1] ?? line;
        copy = { stream, table, done: new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject)) };
      } else if (!line.startsWith('\\')) {
        sql.push(line);
      }
    }
    await flush();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  return counts;
}

/** gzip stream → file (readable by its owner only: it holds personal data), awaited. */
export async function writeFileFrom(source: NodeJS.ReadableStream, file: string): Promise<void> {
  await pipeline(source, fs.createWriteStream(file, { mode: 0o600 }));
}
