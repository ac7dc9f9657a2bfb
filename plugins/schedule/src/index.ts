/** Schedule: a trigger that fires once per interval, for recurring campaigns and digests. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { everyInterval, INTERVALS } from './triggers/every-interval.js';

export default definePlugin({
  id: 'schedule',
  name: 'Schedule',
  description:
    'Run NudgeCampaign automations on a schedule: every 5, 15 or 30 minutes, hourly, every 6 or 12 hours, daily or weekly, at an offset you choose (for example daily at 09:00 UTC). Each interval fires exactly once.',
  kind: 'connector',
  categories: ['automation', 'scheduling'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: {
    type: 'object',
    properties: {
      intervalMinutes: { type: 'integer', enum: INTERVALS, default: 60, title: 'Every (minutes)', description: '5, 15, 30, 60, 360, 720, 1440 (daily) or 10080 (weekly, from Monday 00:00 UTC).' },
      offsetMinutes: { type: 'integer', minimum: 0, default: 0, title: 'Offset (minutes)', description: 'Shift from the interval start, e.g. 540 with daily for 09:00 UTC.' },
    },
  },
  permissions: { hosts: [] },
  triggers: { everyInterval },
});
