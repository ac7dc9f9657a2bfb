/**
 * Scalars and enum mappings. GraphQL enums are UPPER_CASE; the database keeps
 * lower-case values, so each enum maps to its stored value here and resolvers
 * work with database values only.
 */
import { GraphQLError, Kind, valueFromASTUntyped, type GraphQLScalarTypeConfig } from '../graphql-js.js';

// Plain configs, not GraphQLScalarType instances: the SDL keeps the names and descriptions.
type ScalarBehaviour<TInternal, TExternal> = Omit<GraphQLScalarTypeConfig<TInternal, TExternal>, 'name' | 'description'>;

const dateTime: ScalarBehaviour<Date, string> = {
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date.');
    return date.toISOString();
  },
  parseValue(value) {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new GraphQLError('DateTime must be an ISO 8601 string such as 2027-06-30T00:00:00Z.');
    return new Date(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw new GraphQLError('DateTime must be an ISO 8601 string such as 2027-06-30T00:00:00Z.');
    return new Date(ast.value);
  },
};

const json: ScalarBehaviour<unknown, unknown> = {
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
};

/** What yoga hands over for a multipart file (a WHATWG File, possibly from the fetch ponyfill's realm). */
export interface UploadedFile {
  name?: string;
  size: number;
  text(): Promise<string>;
}

const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && typeof (value as UploadedFile).size === 'number' && typeof (value as UploadedFile).text === 'function';

const upload: ScalarBehaviour<UploadedFile, never> = {
  serialize() {
    throw new GraphQLError('Upload is an input-only scalar.');
  },
  parseValue(value) {
    if (isUploadedFile(value)) return value;
    throw new GraphQLError('Upload must be a file sent with the GraphQL multipart request spec.');
  },
  parseLiteral() {
    throw new GraphQLError('Upload must be a file sent with the GraphQL multipart request spec, not a literal.');
  },
};

const lower = <const T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as { [K in T[number] as Uppercase<K>]: K };

export const scalarsAndEnums = {
  DateTime: dateTime,
  JSON: json,
  Upload: upload,
  PlatformRole: lower(['reviewer', 'admin'] as const),
  WorkspaceRole: lower(['member', 'admin'] as const),
  PublisherRole: lower(['developer', 'owner'] as const),
  DemoRole: lower(['customer', 'developer', 'reviewer', 'admin'] as const),
  TokenScope: lower(['read', 'workspace_write', 'publish', 'review'] as const),
  PluginKind: lower(['native', 'api', 'connector'] as const),
  TrustLevel: lower(['community', 'verified_publisher', 'certified'] as const),
  AuthType: lower(['oauth2', 'api_key', 'basic', 'none'] as const),
  ListingSort: lower(['popularity', 'newest', 'rating'] as const),
  VersionState: lower(['draft', 'submitted', 'in_review', 'certified', 'rejected', 'deprecated', 'retired'] as const),
  CertificationRunStatus: lower(['running', 'awaiting_review', 'certified', 'rejected', 'failed'] as const),
  GateStatus: lower(['pending', 'running', 'passed', 'failed', 'skipped'] as const),
  InstallationState: lower(['pending', 'active', 'disabled', 'paused', 'needs_reauth', 'uninstalled'] as const),
  ConnectionState: lower(['active', 'needs_reauth', 'revoked'] as const),
  RunStatus: lower(['running', 'succeeded', 'failed', 'cancelled'] as const),
};
