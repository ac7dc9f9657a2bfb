/**
 * The one way the UI talks to `/graphql`: typed documents from codegen, the
 * session cookie, and the CSRF token from login on every mutation.
 */
import { ApiError, type ApiErrorItem } from './api-error';
import type { TypedDocumentString } from './generated/graphql';

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

/** Runs a query or mutation; throws ApiError with the codes the API returned. */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers() },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  return parse<TResult>(response);
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
  const response = await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: headers(), body: form });
  return parse<TResult>(response);
}
