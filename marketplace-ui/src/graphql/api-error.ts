/**
 * What a failed GraphQL call means to a person: every `extensions.code` the API
 * returns maps to a sentence that says what happened and what to do, and the
 * server's own message follows as detail.
 */

export const ERROR_SENTENCES: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in to continue.',
  FORBIDDEN: 'Your account is not allowed to do this. Ask an admin of this workspace or publisher for access.',
  NOT_FOUND: 'We could not find what you were looking for. It may have been removed.',
  VALIDATION_FAILED: 'Some of the information is not valid. Check the fields and try again.',
  CONFLICT: 'This changed in the meantime or already exists. Reload the page and try again.',
  PAYLOAD_TOO_LARGE: 'The upload is too large.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  DATABASE_UNAVAILABLE: 'The platform is briefly unavailable. Try again in a minute.',
  INTERNAL: 'Something went wrong on our side. It has been logged; try again later.',
  CSRF_TOKEN_REQUIRED: 'Your session could not confirm this change came from this page. Reload the page and try again.',
  INSUFFICIENT_SCOPE: 'The token you used does not allow this action.',
  DEMO_DISABLED: 'Demo sign-in is only available on demo installations of the platform.',
  SANDBOX_UNAVAILABLE: 'The plugin sandbox is not available right now, so the integration cannot be tested. Try again later.',
  BAD_CURSOR: 'This list changed while you were paging. Start again from the first page.',
  PAGE_SIZE_EXCEEDED: 'Too many items were requested at once.',
  QUERY_TOO_DEEP: 'The page asked for too much at once. Reload and try again.',
  QUERY_TOO_COSTLY: 'The page asked for too much at once. Reload and try again.',
  GRAPHQL_PARSE_FAILED: 'The page sent a request the platform did not understand. Reload and try again.',
  GRAPHQL_VALIDATION_FAILED: 'The page sent a request the platform did not understand. Reload and try again.',
  NETWORK: 'The platform could not be reached. Check your connection and try again.',
};

/** Sentences for the `reason` some errors carry (policy and compatibility refusals). */
export const REASON_SENTENCES: Record<string, string> = {
  POLICY_VIOLATION: 'The date is earlier than the deprecation policy allows.',
  RECONSENT_REQUIRED: 'The new version asks for new permissions; review and accept them first.',
  BREAKING_CHANGE: 'This version breaks compatibility without a new major version number.',
  VERSION_EXISTS: 'This version number was already published.',
  NO_INSTALLABLE_VERSION: 'There is no certified version of this integration to install yet.',
};

export interface ApiErrorItem {
  message: string;
  code: string;
  reason?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly items: ApiErrorItem[];

  constructor(items: ApiErrorItem[]) {
    super(items.map((i) => i.message).join(' '));
    this.name = 'ApiError';
    this.items = items;
    this.code = items[0]?.code ?? 'INTERNAL';
  }
}

/** The product sentence for an error, then the platform's own explanation when it adds something. */
export function describeError(error: unknown): { title: string; detail: string | undefined } {
  if (error instanceof ApiError) {
    const first = error.items[0];
    const reason = first?.reason ? REASON_SENTENCES[first.reason] : undefined;
    const title = reason ?? ERROR_SENTENCES[error.code] ?? 'The request could not be completed.';
    const detail = error.items.map((i) => i.message).filter((m) => m && m !== title).join(' ');
    return { title, detail: detail || undefined };
  }
  return { title: ERROR_SENTENCES.NETWORK!, detail: error instanceof Error ? error.message : undefined };
}
