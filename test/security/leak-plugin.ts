/**
 * A hostile plugin for the context-reuse tests, in the shape `nudge build` emits
 * (esbuild iife: `"use strict"; var __nudgePlugin = (() => { … })();`, module
 * state inside the closure), except that it keeps a `__nudgePlugin` it finds
 * already set (one that an earlier invocation might have slipped in). `write` tries every channel it knows to leave its
 * installation's secret in the realm; `read` (another installation, next
 * invocation, same isolate) collects everything it can reach that carries the
 * probe prefix. Both return JSON; nothing here asserts anything.
 */
import { digestOf } from '@nudgecampaign/plugin-sdk/runtime/test-bundles';

const WALK = String.raw`
  function reachable() {
    const roots = [globalThis, Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}),
      Object.getPrototypeOf(async function* () {}), Object.getPrototypeOf(Int8Array), Object.getPrototypeOf([][Symbol.iterator]()),
      Object.getPrototypeOf(new Map().entries()), Object.getPrototypeOf(new Set().values()), Object.getPrototypeOf(''[Symbol.iterator]()),
      Object.getPrototypeOf(/a/[Symbol.matchAll]('')), Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())),
      Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())),
      Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get];
    const seen = new Set();
    const stack = roots.slice();
    while (stack.length > 0) {
      const o = stack.pop();
      if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
      seen.add(o);
      stack.push(Object.getPrototypeOf(o));
      for (const k of Reflect.ownKeys(o)) {
        const d = Object.getOwnPropertyDescriptor(o, k);
        if (d === undefined) continue;
        if ('value' in d) stack.push(d.value); else stack.push(d.get, d.set);
      }
    }
    return [...seen];
  }`;

export const LEAK_CODE = String.raw`"use strict";
var __nudgePlugin = __nudgePlugin || (() => {
  let moduleSecret = null;
  const cache = new Map();
  let evaluations = 0;
  evaluations += 1;
  ${WALK}
  function attempt(tried, name, fn) {
    try { fn(); tried.push(name + ':ok'); } catch (e) { tried.push(name + ':' + (e && e.name)); }
  }
  const write = async (ctx, input) => {
    const s = input.secret;
    const tried = [];
    const stolen = { default: { actions: { read: { run: async () => ({ stolen: s }) } } } };
    moduleSecret = s;
    cache.set('k', s);
    attempt(tried, 'global', () => { globalThis.leak = s; });
    attempt(tried, 'globalDefine', () => { Object.defineProperty(globalThis, 'leak2', { value: s, writable: true }); });
    attempt(tried, 'globalVarByEval', () => { (0, eval)('var leak3 = 1'); });
    attempt(tried, 'sloppyImplicitGlobal', () => { Function('s', 'leak4 = s')(s); });
    attempt(tried, 'nudgePlugin', () => { __nudgePlugin = stolen; });
    let polluted = 0;
    for (const o of reachable()) {
      if (o === Object.prototype || o === Array.prototype) continue; // 'pollute' does those
      try { o.__leak = s; polluted++; } catch (e) {}
      try { if (Reflect.defineProperty(o, '__leak2', { value: s })) polluted++; } catch (e) {}
      try { if (Reflect.setPrototypeOf(o, { __leak3: s })) polluted++; } catch (e) {}
    }
    attempt(tried, 'jsonParse', () => { JSON.parse = () => s; });
    attempt(tried, 'functionCtor', () => { Function.prototype.constructor = function () { return s; }; });
    attempt(tried, 'asyncFunctionCtor', () => { Object.getPrototypeOf(async function () {}).constructor.leak = s; });
    attempt(tried, 'generatorProto', () => { Object.getPrototypeOf(function* () {}).prototype.leak = s; });
    attempt(tried, 'iteratorProto', () => { Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).leak = s; });
    attempt(tried, 'typedArrayProto', () => { Object.getPrototypeOf(Int8Array).prototype.leak = s; });
    attempt(tried, 'errorName', () => { Error.prototype.name = s; });
    attempt(tried, 'stackTraceLimit', () => { Error.stackTraceLimit = 1; });
    attempt(tried, 'prepareStackTrace', () => { Error.prepareStackTrace = () => s; });
    attempt(tried, 'captureStackTrace', () => { Error.captureStackTrace(Math); Error.captureStackTrace(Function.prototype); });
    attempt(tried, 'regexpStatics', () => { /(lk-[a-z0-9]+)/.exec('x ' + s + ' y'); 'z'.replace(/z/, s); });
    attempt(tried, 'regexpInput', () => { RegExp.input = s; });
    attempt(tried, 'symbolFor', () => { Symbol.for('nudge-leak:' + s); Symbol.for('nudge-leak').constructor.leak = s; });
    attempt(tried, 'symbolProto', () => { Symbol.prototype.leak = s; });
    attempt(tried, 'weakMapOnIntrinsics', () => { Map.prototype.wm = new WeakMap([[Object.prototype, s], [Array.prototype, s]]); });
    attempt(tried, 'weakMapOnFunction', () => { Object.defineProperty(Function.prototype, 'wm', { value: new WeakMap([[Function.prototype, s]]) }); });
    attempt(tried, 'sharedArrayBuffer', () => { const sab = new SharedArrayBuffer(16); Atomics.store(new Int32Array(sab), 0, 7); SharedArrayBuffer.prototype.sab = sab; });
    attempt(tried, 'atomicsWaitAsync', () => { Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(16)), 0, 0, 1).value.then(() => { __nudgePlugin = stolen; }); });
    attempt(tried, 'finalizationRegistry', () => { new FinalizationRegistry(() => { __nudgePlugin = stolen; }).register({}, 1); });
    attempt(tried, 'wasmCompile', () => { WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => { __nudgePlugin = stolen; }); });
    attempt(tried, 'mathRandom', () => { Math.random = () => 0.5; });
    attempt(tried, 'dateNow', () => { Date.now = () => 1; });
    attempt(tried, 'console', () => { console.leak = s; });
    // Work that outlives the invocation: a host call settled after the result, a promise that never
    // settles, a microtask chain; each tries to swap in a definition that closes over the secret.
    ctx.store.get('late').then(() => { try { __nudgePlugin = stolen; } catch (e) {} try { globalThis.late = s; } catch (e) {} }, () => {});
    new Promise(() => {}).then(() => s);
    let n = 0;
    const tick = () => { if (++n < 1000) Promise.resolve().then(tick); else try { __nudgePlugin = stolen; } catch (e) {} };
    tick();
    await ctx.store.get('early');
    return { tried, polluted, evaluations, installation: ctx.installation.id };
  };
  // Object.prototype and Array.prototype are checked before each invocation rather than
  // frozen: pollute them every way, including ways meant to fool a checker.
  const pollute = async (ctx, input) => {
    const s = input.secret;
    const tried = [];
    moduleSecret = s;
    if (input.onlyReplace) {
      // Same keys, same order, one value swapped: only a descriptor comparison sees it.
      Object.prototype.toString = () => s;
      return { tried: 1 };
    }
    attempt(tried, 'objectProp', () => { Object.prototype.leak = s; });
    attempt(tried, 'objectToString', () => { Object.prototype.toString = () => s; });
    attempt(tried, 'defineGetter', () => { Object.prototype.__defineGetter__('leak5', () => s); });
    attempt(tried, 'descriptorGetters', () => { Object.defineProperty(Object.prototype, 'value', { get: () => s, configurable: true }); Object.defineProperty(Object.prototype, 'get', { get: () => undefined, configurable: true }); });
    attempt(tried, 'symbolKey', () => { Array.prototype[Symbol.for('nudge-leak')] = s; });
    attempt(tried, 'arrayElement', () => { Array.prototype[0] = s; Object.prototype[7] = s; });
    attempt(tried, 'arrayPush', () => { Array.prototype.push = function () { return s; }; });
    attempt(tried, 'arrayIterator', () => { Array.prototype[Symbol.iterator] = function* () { yield s; }; });
    attempt(tried, 'weakMap', () => { Object.prototype.wm = new WeakMap([[Object.prototype, s]]); });
    attempt(tried, 'arrayProto', () => { Object.setPrototypeOf(Array.prototype, { leak6: s }); });
    attempt(tried, 'captureStackTrace', () => { Error.captureStackTrace(Object.prototype); });
    attempt(tried, 'preventExtensions', () => { Object.preventExtensions(Object.prototype); });
    return { tried: tried.length };
  };
  const read = async (ctx, input) => {
    const found = [];
    const objects = reachable();
    const unfrozen = [];
    for (const o of objects) {
      if (!Object.isFrozen(o)) unfrozen.push(o === Object.prototype ? 'Object.prototype' : o === Array.prototype ? 'Array.prototype' : typeof o);
      for (const k of Reflect.ownKeys(o)) {
        const name = typeof k === 'symbol' ? String(k.description) : k;
        if (name.indexOf(input.probe) >= 0) found.push('key ' + name);
        const d = Object.getOwnPropertyDescriptor(o, k);
        if (d === undefined) continue;
        let v;
        if ('value' in d) v = d.value; else if (d.get) { try { v = d.get.call(o); } catch (e) {} }
        if (typeof v === 'string' && v.indexOf(input.probe) >= 0) found.push(name + '=' + v);
        if (v instanceof WeakMap) for (const r of objects) { const got = v.get(r); if (got !== undefined) found.push('weakmap ' + String(got)); }
        if (v instanceof SharedArrayBuffer) found.push('sab ' + new Int32Array(v)[0]);
      }
    }
    const pick = (v) => (v === undefined ? null : v);
    const stack = new Error('probe').stack;
    return {
      moduleSecret, cached: pick(cache.get('k')), evaluations, installation: ctx.installation.id,
      globals: [globalThis.leak, globalThis.leak2, globalThis.leak3, globalThis.leak4, globalThis.late, globalThis.__leak].map(pick),
      regexp: [RegExp.$1, RegExp.lastMatch, RegExp.input, RegExp['$_'], RegExp.leftContext, RegExp.rightContext, RegExp.lastParen].map(pick),
      stackTraceLimit: Error.stackTraceLimit, prepareStackTrace: typeof Error.prepareStackTrace,
      stackLines: stack.split('\n').length > 1, errorName: new Error('x').name,
      objectToString: Object.prototype.toString.call([]), json: JSON.parse('{"a":1}').a,
      push: (() => { const a = []; a.push(1); return a.length; })(), spread: [...[1, 2]].length,
      functionCtor: Function.prototype.constructor === Function, arrayProto: Object.getPrototypeOf(Array.prototype) === Object.prototype,
      extensible: Object.isExtensible(Object.prototype), elements: [[][0], ({})[7]].map(pick), iterated: [...['own']][0], asyncCtorLeak: pick(Object.getPrototypeOf(async function () {}).constructor.leak),
      random: typeof Math.random(), dateNow: Date.now() > 1e12, symbolLeak: pick(Symbol.for('nudge-leak').constructor.leak),
      waitAsync: typeof Atomics.waitAsync, finalizationRegistry: typeof FinalizationRegistry,
      ownDefinition: __nudgePlugin.default.actions.read.run === read, found, unfrozen: unfrozen.sort(), frozenGlobal: Object.isFrozen(globalThis),
    };
  };
  return { default: { id: 'leaky', actions: { write: { run: write }, pollute: { run: pollute }, read: { run: read } } } };
})();
`;

/** The same attempt with a module variable the script format puts in the realm's global scope. */
export const TOP_LEVEL_LET_CODE = String.raw`let leaked = null;
var __nudgePlugin = { default: { id: 'leaky-let', actions: {
  write: { run: async (ctx, input) => { leaked = input.secret; return { wrote: true }; } },
  read: { run: async () => ({ leaked: leaked }) },
} } };
`;

/** Top-level var and function declarations of its own: they cannot be declared on a frozen global. */
export const TOP_LEVEL_VAR_CODE = String.raw`var leaked = null;
function remember(s) { leaked = s; }
var __nudgePlugin = { default: { id: 'leaky-var', actions: {
  write: { run: async (ctx, input) => { remember(input.secret); globalThis.alsoLeaked = input.secret; return { wrote: true }; } },
  read: { run: async () => ({ leaked: leaked, alsoLeaked: globalThis.alsoLeaked === undefined ? null : globalThis.alsoLeaked }) },
} } };
`;

export const LEAK_DIGEST = digestOf(LEAK_CODE);
export const TOP_LEVEL_LET_DIGEST = digestOf(TOP_LEVEL_LET_CODE);

/** What `read` must report when nothing leaked. */
export const CLEAN_READ = {
  moduleSecret: null,
  cached: null,
  evaluations: 1,
  globals: [null, null, null, null, null, null],
  regexp: [null, null, null, null, null, null, null],
  stackTraceLimit: 10,
  prepareStackTrace: 'undefined',
  stackLines: true,
  errorName: 'Error',
  objectToString: '[object Array]',
  json: 1,
  push: 1,
  spread: 2,
  functionCtor: true,
  arrayProto: true,
  extensible: true,
  elements: [null, null],
  iterated: 'own',
  asyncCtorLeak: null,
  random: 'number',
  dateNow: true,
  symbolLeak: null,
  waitAsync: 'undefined',
  finalizationRegistry: 'undefined',
  ownDefinition: true,
  found: [],
  // Not frozen but compared with a snapshot before every invocation (lockdown.ts).
  unfrozen: ['Array.prototype', 'Object.prototype'],
  frozenGlobal: true,
};
