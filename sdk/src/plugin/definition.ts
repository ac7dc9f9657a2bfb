/**
 * The types of a plugin definition (contract §1). Hook parameters are typed from the declared JSON
 * Schemas with json-schema-to-ts, so a wrong field in `run(ctx, input)` is a compile error.
 * Runtime code lives in ../plugin.ts; this module holds types only.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { PluginContext, WebhookRequest } from './context.js';

/** A JSON Schema as written in a definition (`as const` is implied by the define* helpers). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The TypeScript type a schema describes; `unknown` when the schema is `any` or not a literal. */
export type InferSchema<S> = 0 extends 1 & S ? unknown : S extends JSONSchema ? FromSchema<S> : unknown;

/** The three integration types of the platform. */
export type PluginKind = 'native' | 'api' | 'connector';

/** What every `auth.test(ctx)` resolves to when the credentials work. */
export interface AuthTestResult {
  ok: true;
  /** A human label of the connected account, e.g. an e-mail or shop domain. */
  account?: string;
}

/** Custom OAuth 2 endpoints, for providers the platform does not know yet. */
export interface OAuth2Endpoints {
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  issuer?: string;
}

/** OAuth 2 (authorization code, optionally with PKCE). The host keeps and refreshes the tokens. */
export interface OAuth2Auth {
  type: 'oauth2';
  /** A built-in provider id (e.g. `'shopify'`) or custom endpoints. */
  provider: string | OAuth2Endpoints;
  scopes: readonly string[];
  pkce?: true;
  test(ctx: PluginContext): Promise<AuthTestResult>;
}

/** An API key (or several fields), injected by the host into requests through templates like `'{{apiKey}}'`. */
export interface ApiKeyAuth {
  type: 'api_key';
  /** Object schema of the secret fields the user types in. */
  fields: JsonSchema;
  inject: { headers?: Record<string, string>; query?: Record<string, string> };
  test(ctx: PluginContext): Promise<AuthTestResult>;
}

/** HTTP basic auth; the host adds the `authorization` header. */
export interface BasicAuth {
  type: 'basic';
  test(ctx: PluginContext): Promise<AuthTestResult>;
}

/** No credentials. */
export interface NoAuth {
  type: 'none';
}

/** One of the four auth types. */
export type AuthDefinition = OAuth2Auth | ApiKeyAuth | BasicAuth | NoAuth;

/** Egress allowlist and resource requests, enforced by the sandbox. */
export interface Permissions {
  /** Host patterns: `api.example.com` or `*.example.com` (one or more labels). */
  hosts: readonly string[];
  memoryMb?: number;
  timeoutMs?: number;
}

/** An action: input and output schemas, a sample output, and `run`. */
export interface ActionDefinition<I extends JsonSchema = JsonSchema, O extends JsonSchema = JsonSchema> {
  title: string;
  description: string;
  input: I;
  output: O;
  sample: InferSchema<O>;
  run(ctx: PluginContext, input: InferSchema<I>): Promise<InferSchema<O>>;
}

/** The declared property names of an object schema, for `dedupeKey`; any string when not literal. */
export type ItemKey<O> = 0 extends 1 & O ? string : O extends { readonly properties: infer P } ? Extract<keyof P, string> : string;

/** A polling trigger: `poll` returns new items; the host drops those whose `dedupeKey` it has seen. */
export interface PollingTriggerDefinition<O extends JsonSchema = JsonSchema> {
  type: 'polling';
  title: string;
  description: string;
  output: O;
  dedupeKey: ItemKey<O>;
  sample: InferSchema<O>;
  poll(ctx: PluginContext, input: { state: unknown }): Promise<Array<InferSchema<O>>>;
}

/** A webhook trigger: the host keeps the subscription and routes requests to `verify` then `handle`. */
export interface WebhookTriggerDefinition<O extends JsonSchema = JsonSchema> {
  type: 'webhook';
  title: string;
  description: string;
  output: O;
  sample: InferSchema<O>;
  subscribe(ctx: PluginContext, input: { webhookUrl: string }): Promise<Record<string, unknown>>;
  unsubscribe(ctx: PluginContext, input: { subscription: Record<string, unknown> }): Promise<void>;
  verify(ctx: PluginContext, request: WebhookRequest): boolean | Promise<boolean>;
  /** Turns a verified request into items; default `[request.body]`. */
  handle?(ctx: PluginContext, request: WebhookRequest): Array<InferSchema<O>> | Promise<Array<InferSchema<O>>>;
}

/** Either trigger type. */
export type TriggerDefinition = PollingTriggerDefinition | WebhookTriggerDefinition;

// The erased forms a definition holds. `any` keeps every typed helper result assignable
// (schema parameters are invariant through FromSchema); InferSchema<any> is `unknown`.
/* eslint-disable @typescript-eslint/no-explicit-any */
/** An action of any schemas. */
export type AnyActionDefinition = ActionDefinition<any, any>;
/** A trigger of any schemas. */
export type AnyTriggerDefinition = PollingTriggerDefinition<any> | WebhookTriggerDefinition<any>;
/** A sync of any model schema. */
export type AnySyncDefinition = SyncDefinition<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** One page of a sync. */
export interface SyncPage<R> {
  records: R[];
  nextCursor: unknown;
  hasMore: boolean;
}

/** A sync: a record model and `fetch`, called with the previous cursor until `hasMore` is false. */
export interface SyncDefinition<S extends JsonSchema = JsonSchema> {
  title: string;
  description: string;
  model: { name: string; idField: string; schema: S };
  fetch(ctx: PluginContext, input: { cursor: unknown }): Promise<SyncPage<InferSchema<S>>>;
}

/** A choice of a dynamic dropdown. */
export interface OptionChoice {
  label: string;
  value: string | number;
}

/** Dynamic choices for a field, given the input typed so far. */
export type OptionsProvider = (ctx: PluginContext, input: { input: Record<string, unknown> }) => Promise<OptionChoice[]>;

/** The whole definition, as `definePlugin` takes it and the sandbox reads it. */
export interface PluginDefinition {
  /** `/^[a-z][a-z0-9-]{1,62}$/`, equal to the plugin's folder name. */
  id: string;
  name: string;
  description: string;
  kind: PluginKind;
  categories: readonly string[];
  /** Semantic version, e.g. `1.2.3`. */
  version: string;
  /** A file in the plugin folder, an https URL or an SVG data URL. */
  icon: string;
  auth: AuthDefinition;
  /** Object schema of the installation settings (rendered by the UI). */
  settings: JsonSchema;
  permissions: Permissions;
  actions?: Record<string, AnyActionDefinition>;
  triggers?: Record<string, AnyTriggerDefinition>;
  syncs?: Record<string, AnySyncDefinition>;
  options?: Record<string, OptionsProvider>;
}
