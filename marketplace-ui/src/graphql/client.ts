/**
 * The one way the UI talks to `/graphql`: typed documents from codegen, the
 * session cookie, and the session's CSRF token on every mutation. The token
 * comes from login, and is read again from `viewer { csrfToken }` when the
 * page lost it (a reload that cleared storage, a sign-in in another tab): a
 * mutation refused with CSRF_TOKEN_REQUIRED re-reads it once and retries.
 */
import { ApiError, type ApiErrorItem } from './api-error';
import { graphql } from './generated';
import type { TypedDocumentString } from './generated/graphql';

const SessionCsrfDocument = graphql(`
  query SessionCsrf {
    viewer { csrfToken }
  }
`);

const CSRF_KEY = 'nudge.csrf';

export function csrfToken(): string | null {
  return window.localStorage.getItem(CSRF_KEY);
}

export function setCsrfToken(token: string | null): void {
  if (token) window.localStorage.setItem(CSRF_KEY, token);
  else window.localStorage.removeItem(CSRF_KEY);
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

function toItems(errors: NonNullable<GraphQLResponse<unknown>['errors']>): ApiErrorItem[] {
  return errors.map((e) => ({
    message: e.message,
    code: e.extensions?.code ?? 'INTERNAL',
    ...(e.extensions?.reason ? { reason: e.extensions.reason } : {}),
  }));
}

async function parse<T>(response: Response): Promise<T> {
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError([{ code: response.status >= 500 ? 'INTERNAL' : 'NETWORK', message: `The platform answered ${response.status}.` }]);
  }
  if (body.errors?.length) throw new ApiError(toItems(body.errors));
  if (!body.data) throw new ApiError([{ code: 'INTERNAL', message: 'The platform sent no data.' }]);
  return body.data;
}

function headers(): Record<string, string> {
  const token = csrfToken();
  return token ? { 'x-csrf-token': token } : {};
}

function post<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  return fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers() },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  }).then((response) => parse<TResult>(response));
}

/** Re-reads the session's CSRF token; true when there is a (new) one to retry with. */
async function recoverCsrfToken(): Promise<boolean> {
  const before = csrfToken();
  const { viewer } = await post(SessionCsrfDocument);
  setCsrfToken(viewer?.csrfToken ?? null);
  return Boolean(viewer?.csrfToken) && viewer?.csrfToken !== before;
}

/** Runs `send`; when the API refused it for a missing or stale CSRF token, recovers the token once and sends again. */
async function withCsrfRecovery<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CSRF_TOKEN_REQUIRED' && (await recoverCsrfToken())) return send();
    throw err;
  }
}

/** Runs a query or mutation; throws ApiError with the codes the API returned. */
export function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  return withCsrfRecovery(() => post(document, variables));
}

/** A mutation with file variables, as the GraphQL multipart request spec describes. */
export async function upload<TResult, TVariables, F extends keyof TVariables & string>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: Omit<TVariables, F>,
  files: Record<F, File>,
): Promise<TResult> {
  const form = new FormData();
  const vars: Record<string, unknown> = { ...variables };
  const map: Record<string, string[]> = {};
  Object.keys(files).forEach((name, i) => {
    vars[name] = null;
    map[String(i)] = [`variables.${name}`];
  });
  form.append('operations', JSON.stringify({ query: document.toString(), variables: vars }));
  form.append('map', JSON.stringify(map));
  (Object.values(files) as File[]).forEach((file, i) => form.append(String(i), file, file.name));
  return withCsrfRecovery(async () => parse<TResult>(await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: headers(), body: form })));
}
