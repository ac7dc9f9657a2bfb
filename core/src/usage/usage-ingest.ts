/**
 * Batched, idempotent ingestion of usage events: each event is validated
 * against schemas/usage-event.schema.json, stored once (its id is the primary
 * key), and only newly stored events are added to the hourly and daily
 * rollups — by installation, plugin, version, publisher, workspace and the
 * platform as a whole — in the same transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { describeAjvErrors } from '@nudgecampaign/plugin-sdk/manifest/describe-errors';
import type { UsageEvent } from '../contracts/usage-event.generated.js';
import { rowsOf, type Db } from '../db/database.js';
import { ValidationError } from '../errors.js';

export type { UsageEvent };

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../schemas/usage-event.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile<UsageEvent>(SCHEMA);

const CHUNK = 1000;



/** Throws a ValidationError naming each bad event by index and JSON path; returns the events typed. */
export function validateUsageEvents(events: unknown[]): UsageEvent[] {
  const problems: Array<{ index: number; path: string; message: string }> = [];
  events.forEach((event, index) => {
    if (!validate(event)) for (const p of describeAjvErrors(validate.errors ?? [], SCHEMA)) problems.push({ index, path: p.path, message: p.message });
  });
  if (problems.length) {
    throw new ValidationError(`${problems.length} usage event problem(s): ${problems.slice(0, 5).map((p) => `#${p.index} ${p.message}`).join(' ')}`, { problems });
  }
  return events as UsageEvent[];
}

/**
 * One statement per chunk, all on the server: the events arrive as one array
 * per column (unnest), only the rows that were new come back from the insert,
 * and those are fanned out to every bucket × dimension × metric and summed
 * into the rollups. Far fewer bind parameters than a multi-row VALUES list.
 */
/** A Postgres array literal, sent as ONE text parameter (drivers would otherwise expand JS arrays). */
export function pgArrayLiteral(values: Array<string | number | null>): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

function ingestStatement(chunk: UsageEvent[]) {
  const col = (pick: (e: UsageEvent) => string | number | null) => pgArrayLiteral(chunk.map(pick));
  return sql`
    with ins as (
      insert into usage_events (id, type, occurred_at, workspace_id, installation_id, plugin_id, version_id, publisher_id, quantity, value_cents, duration_ms, outcome, data)
      select * from unnest(
        ${col((e) => e.id)}::text::uuid[], ${col((e) => e.type)}::text::text[], ${col((e) => e.occurredAt)}::text::timestamptz[],
        ${col((e) => e.workspaceId ?? null)}::text::uuid[], ${col((e) => e.installationId ?? null)}::text::uuid[], ${col((e) => e.pluginId ?? null)}::text::text[],
        ${col((e) => e.versionId ?? null)}::text::uuid[], ${col((e) => e.publisherId ?? null)}::text::uuid[], ${col((e) => e.quantity ?? 1)}::text::bigint[],
        ${col((e) => e.valueCents ?? null)}::text::bigint[], ${col((e) => e.durationMs ?? null)}::text::float8[], ${col((e) => e.outcome ?? null)}::text::text[],
        ${col((e) => (e.data === undefined ? null : JSON.stringify(e.data)))}::text::jsonb[]
      )
      on conflict (id) do nothing
      returning *
    ),
    fanned as (
      select b.bucket,
             date_trunc(b.bucket, ins.occurred_at at time zone 'UTC') at time zone 'UTC' as bucket_start,
             d.dimension, d.dimension_id, m.metric, ins.quantity, coalesce(ins.duration_ms, 0) as duration_ms, coalesce(ins.value_cents, 0) as value_cents
      from ins
      cross join (values ('hour'), ('day')) as b(bucket)
      cross join lateral (values ('installation', ins.installation_id::text), ('plugin', ins.plugin_id), ('version', ins.version_id::text),
                                 ('publisher', ins.publisher_id::text), ('workspace', ins.workspace_id::text), ('platform', 'all')) as d(dimension, dimension_id)
      cross join lateral (select ins.type as metric
                          union all
                          select ins.type || ':error' where ins.outcome is not null and ins.outcome <> 'ok') as m
      where d.dimension_id is not null
    ),
    rolled as (
      insert into usage_rollups (bucket, bucket_start, dimension, dimension_id, metric, count, sum, value_cents)
      select bucket, bucket_start, dimension, dimension_id, metric, sum(quantity), sum(duration_ms), sum(value_cents)
      from fanned
      group by bucket, bucket_start, dimension, dimension_id, metric
      on conflict (bucket, bucket_start, dimension, dimension_id, metric) do update
        set count = usage_rollups.count + excluded.count,
            sum = usage_rollups.sum + excluded.sum,
            value_cents = usage_rollups.value_cents + excluded.value_cents
      returning 1
    )
    select (select count(*) from ins)::int as accepted, (select count(*) from rolled)::int as rollups`;
}

/** Stores the events once each and rolls up the new ones. Returns how many were new. */
export async function ingestUsage(db: Db, raw: unknown[]): Promise<{ accepted: number; duplicates: number }> {
  const valid = validateUsageEvents(raw);
  // The same id twice in one batch counts once, like a retry across batches.
  const events = [...new Map(valid.map((e) => [e.id, e])).values()];
  let accepted = 0;
  for (let i = 0; i < events.length; i += CHUNK) {
    const result = await db.execute(ingestStatement(events.slice(i, i + CHUNK)));
    accepted += Number(rowsOf<{ accepted: number }>(result)[0]?.accepted ?? 0);
  }
  return { accepted, duplicates: valid.length - accepted };
}
