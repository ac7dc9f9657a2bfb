/**
 * GET /healthz: 200 with the database kind and migration level while the
 * database answers, 503 with the reason while it does not. It recovers on its
 * own because every probe asks the database afresh.
 */
import { Hono } from 'hono';
import { migrationLevel, type Database } from '../db/database.js';
import { toProblem } from '../errors.js';

export interface HealthDeps {
  database: Database;
  version: string;
  startedAt: Date;
}

export function healthRoute(deps: HealthDeps): Hono {
  const route = new Hono();
  route.get('/healthz', async (c) => {
    const base = { version: deps.version, database: deps.database.kind, uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000) };
    try {
      await deps.database.ping(2000);
      const migrations = await migrationLevel(deps.database.db);
      const status = migrations.pending > 0 ? 'migrating' : 'ok';
      return c.json({ status, ...base, migrations }, status === 'ok' ? 200 : 503);
    } catch (err) {
      const problem = toProblem(err);
      return c.json({ status: 'unavailable', ...base, reason: problem.detail, code: problem.code }, 503);
    }
  });
  return route;
}
