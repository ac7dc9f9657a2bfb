/**
 * The `ctx` object a plugin receives inside the sandbox (contract §2). Every member is a copy or a
 * host callback: credentials are injected by the host into `ctx.fetch`, so a plugin never holds a token.
 */

/** Options of {@link PluginContext.fetch}; `json` serialises the value and sets `content-type`. */
export interface FetchInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: string;
  json?: unknown;
}

/** What {@link PluginContext.fetch} resolves to. Header names are lower-case. */
export interface FetchResponse {
  status: number;
  ok: boolean;
  url: string;
  headers: Record<string, string>;
  text(): Promise<string>;
  // `any` on purpose, as in the WHATWG fetch API: the plugin narrows it with its own types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): Promise<any>;
}

/** Key-value store scoped to one installation; values are JSON. */
export interface PluginStore {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Synchronous, capped logger; the host redacts secrets before storing entries. */
export interface PluginLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** The installation the invocation runs for. */
export interface InstallationInfo {
  id: string;
  workspaceId: string;
}

/**
 * The context of every hook (`run`, `poll`, `fetch`, `test`, ...).
 * @typeParam Settings the installation's settings, as declared by the plugin's `settings` schema.
 */
export interface PluginContext<Settings = Record<string, unknown>> {
  /** HTTP through the host: only to hosts in `permissions.hosts`, with auth injected. */
  fetch(url: string, init?: FetchInit): Promise<FetchResponse>;
  store: PluginStore;
  log: PluginLogger;
  settings: Settings;
  installation: InstallationInfo;
  /** Non-secret facts about the connection, e.g. `{ provider, shop, accountId }`. */
  connection: Record<string, unknown>;
}

/** An inbound webhook request, as handed to `verify` and `handle`. Header names are lower-case. */
export interface WebhookRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON, or null when the body is not JSON. */
  body: unknown;
  /** The body exactly as received, for signature checks. */
  rawBody: string;
}
