// Starts an embedded PostgreSQL and waits forever: the test kills this process to leave a stale server.
import { startEmbeddedPostgres } from '@app/db';
const [dataDir, port] = process.argv.slice(2);
await startEmbeddedPostgres({ dataDir, port: Number(port) });
console.log('prêt');
setInterval(() => {}, 1 << 30);
