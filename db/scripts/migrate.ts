// Usage: DATABASE_URL=… npm run db:migrate — applies the committed migrations (the server also does it at start).
import { initOrm, migrate } from '../src/orm.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL est requis (le serveur applique lui-même les migrations sur le PostgreSQL embarqué).');
  process.exit(2);
}
const orm = await initOrm(url);
try {
  const applied = await migrate(orm);
  console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base à jour : aucune migration en attente.');
} finally {
  await orm.close();
}
