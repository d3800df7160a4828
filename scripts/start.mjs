#!/usr/bin/env node
// npm start: builds what changed since the last build (scripts/build.mjs), then runs the server in this
// same process — one Node start instead of two, which is most of a restart on a busy machine.
// In production, run `node api/dist/server.js` after `npm run build` (docs/deployment.md).
import { ensureBuilt } from './build.mjs';

if (!(await ensureBuilt())) process.exit(1);
await import('../api/dist/server.js');
