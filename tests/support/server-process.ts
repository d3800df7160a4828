import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const serverScript = fileURLToPath(new URL('../../api/dist/server.js', import.meta.url));

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Every JSON line the process wrote, in order (stderr lines as level 50: nothing should go there). */
  logs: LogLine[];
  /** Sends `signal` to the whole process group, as a terminal's Ctrl-C does; resolves with the exit code. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** A port nobody listens on now (the system's choice), for a server that cannot take port 0 (PostgreSQL). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The real server (`node api/dist/server.js`, as `npm start` runs it once built) in a process group of
 * its own, on a port the system picks. Resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [serverScript], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  const logs: LogLine[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: 40, msg: line });
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => logs.push({ level: 50, msg: `stderr: ${chunk.toString()}` }));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const started = Date.now();
  let ready: LogLine | undefined;
  while (!(ready = logs.find((l) => typeof l.port === 'number' && l.msg.includes('prêt')))) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 100, 'waiting'))]);
    if (code !== 'waiting') throw new Error(`le serveur s’est arrêté au démarrage (code ${code}) :\n${JSON.stringify(logs, null, 1)}`);
    if (Date.now() - started > timeoutMs) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`le serveur n’a pas démarré en ${timeoutMs} ms :\n${JSON.stringify(logs, null, 1)}`);
    }
  }
  return {
    url: `http://127.0.0.1:${ready.port as number}`,
    pid: child.pid!,
    logs,
    async stop(signal = 'SIGTERM', stopTimeoutMs = 30_000) {
      if (child.exitCode !== null) return child.exitCode;
      process.kill(-child.pid!, signal);
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(r, stopTimeoutMs, 'timeout'))]);
      if (code === 'timeout') {
        process.kill(-child.pid!, 'SIGKILL');
        throw new Error(`le serveur ne s’est pas arrêté en ${stopTimeoutMs} ms après ${signal}`);
      }
      return code;
    },
  };
}

/** Lines of `ps` for PostgreSQL servers whose command line names `dir` (an embedded data dir). */
export function postgresProcessesOn(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'])
    .toString()
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir));
}

/** Log lines at error level or above (pino: 50 error, 60 fatal). */
export const errorsIn = (logs: LogLine[]) => logs.filter((l) => l.level >= 50);
