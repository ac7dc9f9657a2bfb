/**
 * Turns each sandbox invocation into a usage event (duration, outcome, memory)
 * and Prometheus samples. The ids the rollups need (workspace, version,
 * publisher) are looked up once per installation and digest, then cached.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions, plugins } from '../db/schema/registry.js';
import type { PlatformMetrics } from '../observability/metrics.js';
import type { InvocationEvent } from '../sandbox/sandbox-supervisor.js';
import type { UsageRecorder } from './usage-recorder.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Ids = { workspaceId?: string; versionId?: string; publisherId?: string; pluginId?: string };

export class InvocationUsage {
  private readonly cache = new Map<string, Promise<Ids>>();

  constructor(
    private readonly db: Db,
    private readonly recorder: UsageRecorder,
    private readonly metrics?: PlatformMetrics,
  ) {}

  private ids(event: InvocationEvent): Promise<Ids> {
    const key = `${event.installationId}|${event.digest}`;
    let found = this.cache.get(key);
    if (!found) {
      found = (async () => {
        const ids: Ids = {};
        if (UUID.test(event.installationId)) {
          const [inst] = await this.db.select({ ws: installations.workspaceId }).from(installations).where(eq(installations.id, event.installationId));
          if (inst) ids.workspaceId = inst.ws;
        }
        const [version] = await this.db
          .select({ id: pluginVersions.id, pluginId: pluginVersions.pluginId, publisherId: plugins.publisherId })
          .from(pluginVersions)
          .innerJoin(plugins, eq(plugins.id, pluginVersions.pluginId))
          .where(eq(pluginVersions.bundleDigest, event.digest))
          .limit(1);
        if (version) Object.assign(ids, { versionId: version.id, pluginId: version.pluginId, publisherId: version.publisherId });
        return ids;
      })();
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, found);
    }
    return found;
  }

  /** Records one invocation; never throws (usage must not break the invocation path). */
  async record(event: InvocationEvent): Promise<void> {
    this.metrics?.invocations.inc({ kind: event.kind, outcome: event.metrics.outcome });
    this.metrics?.invocationDuration.observe({ kind: event.kind }, event.metrics.wallMs / 1000);
    try {
      const ids = await this.ids(event);
      this.recorder.record({
        type: 'invocation',
        ...(UUID.test(event.installationId) ? { installationId: event.installationId } : {}),
        ...(ids.workspaceId ? { workspaceId: ids.workspaceId } : {}),
        ...(ids.versionId ? { versionId: ids.versionId } : {}),
        ...(ids.publisherId ? { publisherId: ids.publisherId } : {}),
        ...((ids.pluginId ?? event.pluginId) ? { pluginId: ids.pluginId ?? event.pluginId } : {}),
        durationMs: event.metrics.wallMs,
        memoryBytes: Math.round(event.metrics.heapUsedBytes),
        outcome: event.metrics.outcome,
        data: { kind: event.kind, name: event.name, cpuMs: event.metrics.cpuMs },
      });
    } catch {
      // A lookup failure only costs the dimensions of one event.
    }
  }
}
