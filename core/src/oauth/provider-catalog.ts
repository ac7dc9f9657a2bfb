/**
 * The OAuth provider catalog: one validated JSON file per provider in
 * core/oauth-providers (file name = id, no hand-kept list), plus providers that
 * plugin manifests declare themselves. Endpoints are templated by the
 * connection's declared params, each checked against its pattern.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describeAjvErrors } from '@nudgecampaign/plugin-sdk/manifest/describe-errors';
import type { OAuthProvider } from '../contracts/oauth-provider.generated.js';
import { ValidationError } from '../errors.js';

/** The provider declaration type, generated from schemas/oauth-provider.schema.json. */
export type { OAuthProvider };

export interface ResolvedEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string | undefined;
}

export const PROVIDERS_DIR = path.resolve(import.meta.dirname, '../../oauth-providers');
const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../schemas/oauth-provider.schema.json');

let validator: ReturnType<Ajv2020['compile']> | undefined;
function validate(value: unknown): void {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    validator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  }
  if (!validator(value)) {
    const problems = describeAjvErrors(validator.errors ?? [], validator.schema as Record<string, unknown>);
    throw new ValidationError(`Invalid OAuth provider: ${problems.map((p) => p.message).join(' ')}`, { problems });
  }
}

export class ProviderCatalog {
  private readonly providers = new Map<string, OAuthProvider>();

  static fromDirectory(dir = PROVIDERS_DIR): ProviderCatalog {
    const catalog = new ProviderCatalog();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const provider = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as OAuthProvider;
      if (provider.id !== path.basename(file, '.json')) {
        throw new ValidationError(`OAuth provider file ${file} declares id "${provider.id}"; the id must equal the file name.`);
      }
      catalog.add(provider);
    }
    return catalog;
  }

  /** Adds a provider after validating it against schemas/oauth-provider.schema.json. */
  add(provider: OAuthProvider): void {
    validate(provider);
    this.providers.set(provider.id, provider);
  }

  get(id: string): OAuthProvider {
    const provider = this.providers.get(id);
    if (!provider) throw new ValidationError(`Unknown OAuth provider "${id}".`, { provider: id });
    return provider;
  }

  has(id: string): boolean {
    return this.providers.has(id);
  }

  ids(): string[] {
    return [...this.providers.keys()];
  }
}

/** A provider declared inline by a plugin manifest (`auth.provider` as an object). */
export function customProvider(pluginId: string, declared: { authorizationUrl: string; tokenUrl: string; revocationUrl?: string; issuer?: string }): OAuthProvider {
  return {
    id: `plugin-${pluginId}`.slice(0, 63),
    name: `${pluginId} (custom)`,
    ...(declared.issuer ? { issuer: declared.issuer } : {}),
    authorizationEndpoint: declared.authorizationUrl,
    tokenEndpoint: declared.tokenUrl,
    ...(declared.revocationUrl ? { revocationEndpoint: declared.revocationUrl } : {}),
    scopeSeparator: ' ',
    pkce: 'supported',
    clientAuthentication: 'client_secret_basic',
    expirySignals: [{ status: 401 }],
    refreshTokenRotation: true,
  };
}

/** Fills {param} placeholders; every value must match its declared pattern, so no endpoint can be steered elsewhere. */
export function resolveEndpoints(provider: OAuthProvider, given: Record<string, string> = {}): ResolvedEndpoints {
  const values: Record<string, string> = {};
  for (const param of provider.params ?? []) {
    const value = given[param.name] ?? param.default;
    if (value === undefined || !new RegExp(param.pattern).test(value)) {
      throw new ValidationError(`${provider.name} needs "${param.name}": ${param.description}.`, { param: param.name });
    }
    values[param.name] = value;
  }
  const fill = (template: string) =>
    template.replace(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g, (_m, name: string) => {
      const value = values[name];
      if (value === undefined) throw new ValidationError(`${provider.name}'s endpoint uses {${name}}, which is not a declared param.`);
      return value;
    });
  const authorizationEndpoint = fill(provider.authorizationEndpoint);
  return {
    issuer: provider.issuer ? fill(provider.issuer) : new URL(authorizationEndpoint).origin,
    authorizationEndpoint,
    tokenEndpoint: fill(provider.tokenEndpoint),
    revocationEndpoint: provider.revocationEndpoint ? fill(provider.revocationEndpoint) : undefined,
  };
}

/** Whether an API response means the access token expired, per the provider's declared signals. */
export function isExpirySignal(provider: OAuthProvider, status: number, body: string): boolean {
  return provider.expirySignals.some((signal) => signal.status === status && (!signal.bodyIncludes || body.includes(signal.bodyIncludes)));
}
