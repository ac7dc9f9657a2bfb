/**
 * Generated from schemas/plugin-manifest.schema.json by `npm run schemas:generate` — do not edit.
 * A test fails when this file differs from what the generator produces.
 */
/* eslint-disable */

/**
 * a semantic version such as 1.2.3 or 2.0.0-beta.1
 */
export type Semver = string;
/**
 * a name of 1 to 64 letters, digits or underscores, starting with a letter (camelCase recommended)
 */
export type MemberName = string;
/**
 * an https:// URL
 */
export type HttpsUrl = string;
/**
 * a lower-case host name such as api.example.com, or a wildcard such as *.example.com
 */
export type HostPattern = string;
/**
 * a title, 1 to 120 characters
 */
export type Title = string;
/**
 * a description, 1 to 2000 characters
 */
export type Text = string;
/**
 * a trigger of type polling or webhook
 */
export type Trigger = PollingTrigger | WebhookTrigger;

/**
 * A NudgeCampaign plugin manifest, version 1: the plugin definition with every function removed, plus sdkVersion and the names of its option providers (docs/plugin-contract.md §4).
 */
export interface PluginManifest {
  /**
   * the URL of this schema
   */
  $schema?: string;
  /**
   * a plugin id: a lower-case letter followed by 1 to 62 lower-case letters, digits or dashes, equal to the plugin's folder name
   */
  id: string;
  /**
   * the display name, 1 to 80 characters
   */
  name: string;
  /**
   * what the plugin does, 1 to 2000 characters
   */
  description: string;
  /**
   * the integration type: native, api or connector
   */
  kind: 'native' | 'api' | 'connector';
  /**
   * 1 to 10 distinct category slugs
   *
   * @minItems 1
   * @maxItems 10
   *
   * Items: a lower-case category slug such as "crm" or "ecommerce"
   */
  categories: string[];
  version: Semver;
  sdkVersion: Semver;
  /**
   * an icon: a .svg or .png file in the plugin folder, an https:// URL, or a data:image/svg+xml;base64 URL
   */
  icon: string;
  /**
   * how the plugin authenticates: type oauth2, api_key, basic or none
   */
  auth: Oauth2Auth | ApiKeyAuth | BasicAuth | NoAuth;
  settings: ObjectSchema;
  permissions: Permissions;
  /**
   * the actions, keyed by name
   */
  actions?: {
    [k: string]: Action | undefined;
  };
  /**
   * the triggers, keyed by name
   */
  triggers?: {
    [k: string]: Trigger | undefined;
  };
  /**
   * the syncs, keyed by name
   */
  syncs?: {
    [k: string]: Sync | undefined;
  };
  /**
   * the names of the dynamic option providers
   */
  options?: MemberName[];
}
export interface Oauth2Auth {
  type: 'oauth2';
  /**
   * a built-in provider id such as "shopify", or custom endpoints { authorizationUrl, tokenUrl }
   */
  provider: MemberName | Oauth2Endpoints;
  /**
   * the OAuth scopes to request
   */
  scopes: string[];
  /**
   * true to use PKCE
   */
  pkce?: true;
}
/**
 * custom OAuth 2 endpoints: authorizationUrl and tokenUrl
 */
export interface Oauth2Endpoints {
  authorizationUrl: HttpsUrl;
  tokenUrl: HttpsUrl;
  revocationUrl?: HttpsUrl;
  issuer?: HttpsUrl;
}
export interface ApiKeyAuth {
  type: 'api_key';
  fields: ObjectSchema;
  /**
   * where the host puts the key: { "headers": {...} } or { "query": {...} }
   */
  inject: {
    /**
     * header templates such as { "authorization": "Bearer {{apiKey}}" }
     */
    headers?: {
      [k: string]: string | undefined;
    };
    /**
     * query parameter templates such as { "api_key": "{{apiKey}}" }
     */
    query?: {
      [k: string]: string | undefined;
    };
  };
}
/**
 * a JSON Schema of an object: { "type": "object", "properties": {...} }
 */
export interface ObjectSchema {
  /**
   * "object"
   */
  type: 'object';
  [k: string]: unknown | undefined;
}
export interface BasicAuth {
  type: 'basic';
}
export interface NoAuth {
  type: 'none';
}
/**
 * the egress allowlist and resource requests: { "hosts": [...] }
 */
export interface Permissions {
  /**
   * the hosts the plugin may call (the egress allowlist)
   *
   * @maxItems 50
   */
  hosts: HostPattern[];
  /**
   * isolate memory in MB, 8 to 256 (default 64)
   */
  memoryMb?: number;
  /**
   * wall-clock deadline per invocation in ms, 100 to 300000 (default 30000)
   */
  timeoutMs?: number;
}
export interface Action {
  title: Title;
  description: Text;
  input: ObjectSchema;
  output: ObjectSchema;
  sample: Sample;
}
/**
 * an example output object, as the real API returns it
 */
export interface Sample {
  [k: string]: unknown | undefined;
}
export interface PollingTrigger {
  type: 'polling';
  title: Title;
  description: Text;
  output: ObjectSchema;
  /**
   * the item property that identifies an item, e.g. "id"
   */
  dedupeKey: string;
  sample: Sample;
}
export interface WebhookTrigger {
  type: 'webhook';
  title: Title;
  description: Text;
  output: ObjectSchema;
  sample: Sample;
}
export interface Sync {
  title: Title;
  description: Text;
  /**
   * the record model: { name, idField, schema }
   */
  model: {
    /**
     * a PascalCase model name such as "Contact"
     */
    name: string;
    /**
     * the record property that identifies a record, e.g. "id"
     */
    idField: string;
    schema: ObjectSchema;
  };
}
