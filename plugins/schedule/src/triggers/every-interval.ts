/**
 * Polling trigger: one item per interval. Each poll returns the most recent slot boundary (UTC,
 * shifted by an optional offset); its ISO time is the dedupe key, so however often the host
 * polls, each slot fires once, and slots missed while the installation was paused are not replayed.
 */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { definePollingTrigger } from '@nudgecampaign/plugin-sdk/plugin';

export const INTERVALS = [5, 15, 30, 60, 360, 720, 1440, 10080] as const;

/** The start of the slot that contains `nowMs`. Weekly slots start on Monday (the epoch was a Thursday). */
export function slotStart(nowMs: number, intervalMinutes: number, offsetMinutes: number): number {
  const size = intervalMinutes * 60_000;
  const shift = offsetMinutes * 60_000 + (intervalMinutes === 10080 ? 4 * 86_400_000 : 0);
  return Math.floor((nowMs - shift) / size) * size + shift;
}

export const everyInterval = definePollingTrigger({
  type: 'polling',
  title: 'Every interval',
  description: 'Fires once per interval (every 5 minutes up to weekly), e.g. daily at 09:00 UTC for a digest.',
  output: {
    type: 'object',
    properties: {
      slot: { type: 'string', description: 'The scheduled time of this run (ISO 8601, UTC); unique per run.' },
      intervalMinutes: { type: 'integer' },
      date: { type: 'string', description: 'The slot date, YYYY-MM-DD (UTC).' },
      weekday: { type: 'integer', description: '1 = Monday … 7 = Sunday (UTC).' },
    },
    required: ['slot', 'intervalMinutes', 'date', 'weekday'],
  },
  dedupeKey: 'slot',
  sample: { slot: '2025-03-03T09:00:00.000Z', intervalMinutes: 1440, date: '2025-03-03', weekday: 1 },
  async poll(ctx) {
    const settings = ctx.settings as { intervalMinutes?: unknown; offsetMinutes?: unknown };
    const interval = settings.intervalMinutes === undefined ? 60 : Number(settings.intervalMinutes);
    if (!(INTERVALS as readonly number[]).includes(interval)) throw new InvalidInputError(`intervalMinutes must be one of ${INTERVALS.join(', ')}.`, { path: 'intervalMinutes' });
    const offset = settings.offsetMinutes === undefined ? 0 : Number(settings.offsetMinutes);
    if (!Number.isInteger(offset) || offset < 0 || offset >= interval) throw new InvalidInputError(`offsetMinutes must be a whole number from 0 to ${interval - 1}.`, { path: 'offsetMinutes' });
    const start = new Date(slotStart(Date.now(), interval, offset));
    const iso = start.toISOString();
    return [{ slot: iso, intervalMinutes: interval, date: iso.slice(0, 10), weekday: ((start.getUTCDay() + 6) % 7) + 1 }];
  },
});
