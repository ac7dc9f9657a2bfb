/** Applies the usage retention policy: raw events, hourly and daily rollups each kept for their own period. */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { usageEvents, usageRollups } from '../db/schema/usage.js';
import { readRetention } from './usage-settings.js';

const DAY = 86_400_000;

export async function applyUsageRetention(db: Db, now: Date): Promise<{ events: number; hourly: number; daily: number }> {
  const policy = await readRetention(db);
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const events = await db.delete(usageEvents).where(lt(usageEvents.occurredAt, before(policy.rawEventDays))).returning({ id: usageEvents.id });
  const hourly = await db
    .delete(usageRollups)
    .where(and(eq(usageRollups.bucket, 'hour'), lt(usageRollups.bucketStart, before(policy.hourlyRollupDays))))
    .returning({ metric: usageRollups.metric });
  const daily = await db
    .delete(usageRollups)
    .where(and(eq(usageRollups.bucket, 'day'), lt(usageRollups.bucketStart, before(policy.dailyRollupDays))))
    .returning({ metric: usageRollups.metric });
  return { events: events.length, hourly: hourly.length, daily: daily.length };
}
