/**
 * A minimal client for the hub's GraphQL API (`<hub>/graphql`) with the API token from `nudge login`
 * (Authorization: Bearer nk_…): JSON requests, and GraphQL multipart uploads (the multipart request
 * spec) streamed in chunks so the caller can show bytes sent. Every failure becomes a CliError:
 * HUB_UNREACHABLE (no answer), HUB_NOT_SUPPORTED (the hub does not know the operation), or
 * HUB_REFUSED (a GraphQL error; its `extensions` are kept on the error for the command to explain).
 */
import { randomBytes } from 'node:crypto';
import { CliError, CLI_ERROR_CODES } from './cli-error.js';

const TIMEOUT_MS = 120_000;

/** One GraphQL error as the hub sends it. */
export interface HubGraphQLError {
  message: string;
  extensions?: { code?: string; reason?: string } & Record<string, unknown>;
}

/** A GraphQL error from the hub, with the hub's `extensions.code` and details. */
export class HubRefusedError extends CliError {
  readonly hubCode: string;
  readonly reason: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(error: HubGraphQLError, message?: string) {
    const hubCode = error.extensions?.code ?? 'UNKNOWN';
    const reason = typeof error.extensions?.reason === 'string' ? error.extensions.reason : undefined;
    super(CLI_ERROR_CODES.HUB_REFUSED, message ?? `the hub refused (${reason ? `${hubCode}/${reason}` : hubCode}): ${error.message}`);
    this.hubCode = hubCode;
    this.reason = reason;
    this.extensions = error.extensions ?? {};
  }
}

export interface HubLogin {
  hub: string;
  token: string;
}

/** The GraphQL endpoint of a hub origin. */
export function graphqlUrl(hub: string): string {
  return new URL('/graphql', hub).toString();
}

async function send(login: HubLogin, init: RequestInit & { duplex?: 'half' }): Promise<unknown> {
  const url = graphqlUrl(login.hub);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      method: 'POST',
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${login.token}`, accept: 'application/graphql-response+json, application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CliError(CLI_ERROR_CODES.HUB_UNREACHABLE, `could not reach the hub at ${url} (${why}). Check the URL given to \`nudge login\` and your network.`);
  }
  const text = await response.text();
  let body: { data?: unknown; errors?: HubGraphQLError[] } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object' || (!('data' in body) && !Array.isArray(body.errors))) {
    if (response.status === 404) throw new CliError(CLI_ERROR_CODES.HUB_NOT_SUPPORTED, `${url} answered 404: this server has no GraphQL API. Check the URL given to \`nudge login\`.`);
    throw new CliError(CLI_ERROR_CODES.HUB_UNREACHABLE, `${url} answered HTTP ${response.status} without a GraphQL response; is it a NudgeCampaign hub?`);
  }
  const first = body.errors?.[0];
  if (first) {
    if (first.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') {
      throw new CliError(CLI_ERROR_CODES.HUB_NOT_SUPPORTED, `the hub at ${login.hub} does not understand this request (it may be older than this CLI): ${first.message}`);
    }
    throw new HubRefusedError(first);
  }
  return body.data;
}

/** Runs a query or mutation; throws on any GraphQL error. */
export async function hubRequest<T>(login: HubLogin, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return (await send(login, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })) as T;
}

/**
 * Sends a mutation with one file (the multipart request spec: operations, map, then the file as
 * part "0" bound to `variables.<fileVariable>`), in 64 KiB chunks; `onProgress` gets the bytes of
 * the file handed to the network so far.
 */
export async function hubUpload<T>(
  login: HubLogin,
  query: string,
  variables: Record<string, unknown>,
  file: { variable: string; name: string; type: string; content: Buffer },
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  const boundary = `----nudge${randomBytes(12).toString('hex')}`;
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    part('operations', JSON.stringify({ query, variables: { ...variables, [file.variable]: null } })) +
      part('map', JSON.stringify({ 0: [`variables.${file.variable}`] })) +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="${file.name.replace(/"/g, '')}"\r\nContent-Type: ${file.type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const CHUNK = 64 * 1024;
  let offset = 0;
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(head);
        stage = 'file';
        onProgress(0, file.content.length);
        return;
      }
      if (stage === 'file') {
        const chunk = file.content.subarray(offset, offset + CHUNK);
        offset += chunk.length;
        if (chunk.length) controller.enqueue(chunk);
        onProgress(offset, file.content.length);
        if (offset >= file.content.length) stage = 'tail';
        return;
      }
      if (stage === 'tail') {
        controller.enqueue(tail);
        stage = 'done';
        return;
      }
      controller.close();
    },
  });
  return (await send(login, {
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'graphql-require-preflight': '1',
    },
    body: stream,
    duplex: 'half',
  })) as T;
}
