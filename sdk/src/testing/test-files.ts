/**
 * The two offline test formats of a plugin folder (contract §5): recorded HTTP exchanges in
 * fixtures/*.json and declarative cases in tests/*.test.json. Parsing checks the shape and names
 * the file and JSON path of anything wrong, so a typo in a test never passes silently.
 */
import type { InvocationKind } from '../runtime/types.js';

/** A recorded request/response pair. A request matches on method, origin+path and listed query params. */
export interface FixtureExchange {
  request: { method: string; url: string; query?: Record<string, string>; bodyIncludes?: string };
  response: { status: number; headers?: Record<string, string>; body?: unknown };
}

/** A fixture file. */
export interface Fixture {
  name: string;
  exchanges: FixtureExchange[];
}

/** A declarative test case. */
export interface TestCase {
  name: string;
  kind: InvocationKind;
  /** The action, trigger, sync or options name; ignored for `auth_test`. */
  target: string;
  input?: unknown;
  settings?: Record<string, unknown>;
  connection?: Record<string, unknown>;
  /** Names of the fixtures whose exchanges this case may use. */
  fixtures?: string[];
  expect: { ok: boolean; output?: unknown; errorCode?: string; count?: number };
}

const KINDS: readonly InvocationKind[] = ['action', 'trigger', 'sync', 'auth_test', 'options', 'webhook'];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A problem in a test or fixture file: `file` and a JSON Pointer inside it. */
export class TestFileError extends Error {
  readonly code = 'TEST_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly path: string,
    expected: string,
  ) {
    super(`${file}${path}: expected ${expected}.`);
    this.name = 'TestFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringRecord = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** Parses one fixture file (already JSON-parsed); `fallbackName` is the file name without `.json`. */
export function parseFixture(file: string, value: unknown, fallbackName: string): Fixture {
  if (!isObject(value)) throw new TestFileError(file, '', 'an object { "name", "exchanges": [...] }');
  const name = value.name ?? fallbackName;
  if (typeof name !== 'string' || name === '') throw new TestFileError(file, '/name', 'a non-empty string');
  if (!Array.isArray(value.exchanges)) throw new TestFileError(file, '/exchanges', 'an array of { "request", "response" }');
  const exchanges = value.exchanges.map((raw, i): FixtureExchange => {
    const at = `/exchanges/${i}`;
    if (!isObject(raw) || !isObject(raw.request) || !isObject(raw.response)) throw new TestFileError(file, at, 'an object with "request" and "response" objects');
    const { method, url, query, bodyIncludes } = raw.request;
    if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) throw new TestFileError(file, `${at}/request/method`, 'an HTTP method such as "GET"');
    if (typeof url !== 'string' || !URL.canParse(url)) throw new TestFileError(file, `${at}/request/url`, 'an absolute URL such as "https://api.example.com/v1/items"');
    if (query !== undefined && !isObject(query)) throw new TestFileError(file, `${at}/request/query`, 'an object of query parameters');
    if (bodyIncludes !== undefined && typeof bodyIncludes !== 'string') throw new TestFileError(file, `${at}/request/bodyIncludes`, 'a string');
    const { status, headers, body } = raw.response;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) throw new TestFileError(file, `${at}/response/status`, 'an HTTP status between 100 and 599');
    if (headers !== undefined && !isStringRecord(headers)) throw new TestFileError(file, `${at}/response/headers`, 'an object of string header values');
    const request: FixtureExchange['request'] = { method: method.toUpperCase(), url };
    if (query) request.query = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
    if (bodyIncludes !== undefined) request.bodyIncludes = bodyIncludes;
    const response: FixtureExchange['response'] = { status };
    if (headers) response.headers = headers;
    if (body !== undefined) response.body = body;
    return { request, response };
  });
  return { name, exchanges };
}

function parseCase(file: string, at: string, raw: unknown): TestCase {
  if (!isObject(raw)) throw new TestFileError(file, at, 'a test case object { "name", "kind", "target", "expect" }');
  const { name, kind, target, input, settings, connection, fixtures, expect } = raw;
  if (typeof name !== 'string' || name === '') throw new TestFileError(file, `${at}/name`, 'a non-empty string');
  if (typeof kind !== 'string' || !KINDS.includes(kind as InvocationKind)) throw new TestFileError(file, `${at}/kind`, `one of ${KINDS.join(', ')}`);
  if (kind !== 'auth_test' && (typeof target !== 'string' || target === '')) throw new TestFileError(file, `${at}/target`, 'the name of the action, trigger, sync or options provider');
  if (settings !== undefined && !isObject(settings)) throw new TestFileError(file, `${at}/settings`, 'an object');
  if (connection !== undefined && !isObject(connection)) throw new TestFileError(file, `${at}/connection`, 'an object');
  if (fixtures !== undefined && !(Array.isArray(fixtures) && fixtures.every((f) => typeof f === 'string'))) throw new TestFileError(file, `${at}/fixtures`, 'an array of fixture names');
  if (!isObject(expect) || typeof expect.ok !== 'boolean') throw new TestFileError(file, `${at}/expect`, 'an object with "ok": true or false');
  if (expect.errorCode !== undefined && typeof expect.errorCode !== 'string') throw new TestFileError(file, `${at}/expect/errorCode`, 'a string');
  if (expect.count !== undefined && !(typeof expect.count === 'number' && Number.isInteger(expect.count) && expect.count >= 0)) throw new TestFileError(file, `${at}/expect/count`, 'a non-negative integer');
  const testCase: TestCase = { name, kind: kind as InvocationKind, target: typeof target === 'string' ? target : 'auth', expect: expect as TestCase['expect'] };
  if (input !== undefined) testCase.input = input;
  if (settings) testCase.settings = settings;
  if (connection) testCase.connection = connection;
  if (fixtures) testCase.fixtures = fixtures as string[];
  return testCase;
}

/** Parses a test file: one case object or an array of cases. */
export function parseTestFile(file: string, value: unknown): TestCase[] {
  if (Array.isArray(value)) return value.map((raw, i) => parseCase(file, `/${i}`, raw));
  return [parseCase(file, '', value)];
}
