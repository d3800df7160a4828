// npm run backup [-- <dossier>] / npm run restore -- <dossier>: see docs/deployment.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initOrm, runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/db';
import { loadConfig } from '../config.js';
import { backup } from './backup.js';
import { restore } from './restore.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const [command, target] = process.argv.slice(2);
const config = loadConfig();
const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

if (command !== 'backup' && command !== 'restore') {
  console.error('usage : node api/dist/ops/cli.js backup [dossier] | restore <dossier>');
  process.exit(2);
}
if (command === 'restore' && !target) {
  console.error('npm run restore -- <dossier de la sauvegarde>');
  process.exit(2);
}

// The embedded PostgreSQL: the one the running application uses, or one we start (and stop) for the job.
let embedded: EmbeddedDatabase | null = null;
let databaseUrl = config.databaseUrl ?? runningEmbeddedUrl(config.embedded.dataDir);
if (!databaseUrl) {
  embedded = await startEmbeddedPostgres({ ...config.embedded, log: (m) => console.error(m) });
  databaseUrl = embedded.url;
}
const orm = await initOrm(databaseUrl);
let code = 0;
try {
  if (command === 'backup') {
    const dir = path.resolve(target ?? process.env.BACKUP_DIR ?? path.join(repoRoot, '.data/backups'), target ? '' : `suivi-${stamp()}`);
    const format = (process.env.BACKUP_FORMAT ?? 'auto') as 'auto' | 'pg_dump' | 'copy';
    const manifest = await backup(orm, { databaseUrl, proofsDir: config.proofsDir, dir, format });
    const how = manifest.format === 'pg_dump' ? manifest.pgDump : 'COPY de chaque table (aucun pg_dump assez récent pour ce serveur)';
    console.log(`Sauvegarde écrite dans ${dir}\n  base : PostgreSQL ${manifest.serverVersion}, ${how}\n  justificatifs : ${manifest.proofs.files} fichiers`);
  } else {
    const outcome = await restore(orm, { dir: path.resolve(target!), proofsDir: config.proofsDir });
    const rows = Object.values(outcome.tables).reduce((n, r) => n + r, 0);
    console.log(`Sauvegarde restaurée (${outcome.format}) : ${Object.keys(outcome.tables).length} tables, ${rows} lignes, ${outcome.proofs} justificatifs`);
  }
} catch (error) {
  console.error(`${command === 'backup' ? 'Sauvegarde' : 'Restauration'} impossible : ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await orm.close();
  await embedded?.stop();
}
process.exit(code);
