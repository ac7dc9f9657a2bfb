/** The Canva Connect API base, its error mapping, and the export-job shapes. */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const API = 'https://api.canva.com/rest/v1';

export const CANVA_ERRORS = { DESIGN_NOT_FOUND: 'CANVA_DESIGN_NOT_FOUND', EXPORT_FAILED: 'CANVA_EXPORT_FAILED', FORBIDDEN: 'CANVA_FORBIDDEN', UPSTREAM: 'CANVA_ERROR' } as const;

/** Canva's error body: `{ code, message }`. */
export async function failure(res: FetchResponse): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  const detail = body.message ?? `Canva answered ${res.status}`;
  if (res.status === 401) return new AuthExpiredError('Canva rejected the access token; reconnect Canva if this persists.');
  if (res.status === 429) return new RateLimitError(`Canva is rate limiting requests: ${detail}`, { retryAfter: Number(res.headers['retry-after']) || 10 });
  if (res.status >= 500) return new RetryableError(`Canva is unavailable (${res.status}); the run will be retried.`);
  if (res.status === 404) return new PluginError(CANVA_ERRORS.DESIGN_NOT_FOUND, `${detail}. Check the design id and that the connected user can open it.`);
  if (res.status === 403) return new PluginError(CANVA_ERRORS.FORBIDDEN, `${detail}. The connected user may not have access to this design.`);
  if (res.status === 400) return new InvalidInputError(`Canva refused the request: ${detail}`);
  return new PluginError(CANVA_ERRORS.UPSTREAM, detail);
}

export interface ExportJob {
  id: string;
  status: 'in_progress' | 'success' | 'failed';
  urls?: string[];
  error?: { code: string; message: string };
}

export const exportSchema = {
  type: 'object',
  properties: {
    exportId: { type: 'string' },
    status: { type: 'string', enum: ['in_progress', 'success'] },
    urls: { type: 'array', items: { type: 'string' }, description: 'Download links, one per page; they expire after 24 hours.' },
  },
  required: ['exportId', 'status', 'urls'],
} as const;

/** Reads an export job; a failed job is an error with Canva's reason. */
export async function readExport(ctx: PluginContext, exportId: string): Promise<ExportJob> {
  const res = await ctx.fetch(`${API}/exports/${encodeURIComponent(exportId)}`);
  if (!res.ok) throw await failure(res);
  const { job } = (await res.json()) as { job: ExportJob };
  if (job.status === 'failed') throw new PluginError(CANVA_ERRORS.EXPORT_FAILED, `Canva could not export the design: ${job.error?.message ?? job.error?.code ?? 'unknown reason'}.`);
  return job;
}
