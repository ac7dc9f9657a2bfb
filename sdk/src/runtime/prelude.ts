/**
 * The static prelude, evaluated once in each context before the lockdown
 * (lockdown.ts) freezes it. Its completion value is a factory; the host calls it
 * once with the realm's two host Callbacks (log, call) and gets back one
 * dispatcher, kept host-side as a Reference the plugin never sees:
 *   ('seal')                       snapshots Object.prototype and Array.prototype,
 *                                  right after the lockdown;
 *   ('verify')                     checks both against the snapshot, between invocations;
 *   ('arm', seq, r0, r1, r2, r3, verified)
 *                                  checks both against the snapshot unless verified (false: the realm
 *                                  must be discarded), then opens invocation `seq`:
 *                                  a fresh per-invocation state, Math.random
 *                                  reseeded from the host, and the window in which
 *                                  the bundle's evaluation may set `__nudgePlugin`;
 *   ('run', seq, kind, name, payload)
 *                                  closes that window, builds `ctx` (contract §2)
 *                                  and runs the definition the bundle just produced;
 *                                  every host call from that ctx carries `seq`, and
 *                                  the host refuses any seq but the running one;
 *   ('settle', seq, id, ok, payload)  settles one of that invocation's host calls;
 *   ('start' | 'take' | 'wait', seq, …)  the same run in a synchronous slice
 *                                  (run-slice.ts): begun, read if settled, or
 *                                  awaited by the host when it is not.
 * Everything per invocation lives in closures created by 'arm'/'run'; the only
 * state kept across invocations is in this factory's closure, which plugin code
 * cannot reach. `__nudgePlugin` is a global accessor: writes outside the armed
 * window are dropped, so no code left over from an earlier invocation can hand
 * the next one a definition. It is a constant: no plugin or user string is ever
 * spliced into it.
 */

import { PRELUDE_BRIDGE_SOURCE } from './prelude-bridge.js';

export const PRELUDE_SOURCE = String.raw`(function (hostLog, hostCall) {
  'use strict';
  const g = globalThis;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;
  const keys = Object.keys;
  const create = Object.create;
  const defineProperty = Object.defineProperty;
  const hasOwn = Object.prototype.hasOwnProperty;
  const apply = Reflect.apply;
  const imul = Math.imul;
  const StringC = String;
  const ErrorC = Error;
  const PromiseC = Promise;
  const MapC = Map;
  const encode = encodeURIComponent;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const ownKeys = Reflect.ownKeys;
  const gopd = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const isExtensible = Object.isExtensible;
  const promiseThen = Promise.prototype.then;

  let current = null;
  let armed = false;
  let exported;
  let r0 = 1, r1 = 2, r2 = 3, r3 = 4;

  defineProperty(g, '__nudgePlugin', {
    get: function () { return exported; },
    set: function (value) { if (armed) exported = value; },
    enumerable: false,
    configurable: false,
  });

  // xoshiro128**, reseeded by the host for every invocation: V8's own generator state
  // would otherwise carry from one invocation to the next in this shared realm.
  function next32() {
    const result = imul(((imul(r1, 5) << 7) | (imul(r1, 5) >>> 25)), 9);
    const t = r1 << 9;
    r2 ^= r0; r3 ^= r1; r1 ^= r2; r0 ^= r3; r2 ^= t;
    r3 = (r3 << 11) | (r3 >>> 21);
    return result >>> 0;
  }
  defineProperty(Math, 'random', {
    value: function random() { return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992; },
    writable: true, enumerable: false, configurable: true,
  });

  function own(obj, key) {
    return obj !== null && (typeof obj === 'object' || typeof obj === 'function') && apply(hasOwn, obj, [key]) ? obj[key] : undefined;
  }

  function toText(value) {
    if (value === undefined) return undefined;
    try {
      const text = stringify(value);
      return typeof text === 'string' ? text : undefined;
    } catch (e) {
      return '"[unserialisable]"';
    }
  }

${PRELUDE_BRIDGE_SOURCE}

  function settle(seq, id, ok, payload) {
    const inv = current;
    if (inv === null || inv.seq !== seq) return;
    const waiter = apply(mapGet, inv.pending, [id]);
    if (waiter === undefined) return;
    apply(mapDelete, inv.pending, [id]);
    if (ok) {
      waiter.resolve(payload === undefined ? undefined : parse(payload));
    } else {
      const info = parse(payload);
      const err = new ErrorC(StringC(info.message));
      err.name = 'HostError';
      err.code = StringC(info.code);
      waiter.reject(err);
    }
  }

  function errorShape(err) {
    try {
      if (err !== null && typeof err === 'object' && err.nudgeError === true) {
        return { type: 'PluginError', name: StringC(err.name), code: StringC(err.code), message: StringC(err.message),
                 retryAfter: typeof err.retryAfter === 'number' ? err.retryAfter : undefined };
      }
      const isObj = err !== null && typeof err === 'object';
      const message = isObj && typeof err.message === 'string' ? err.message : StringC(err);
      return { type: 'PluginError', name: isObj && typeof err.name === 'string' ? err.name : 'Error', code: 'UNHANDLED', message: message };
    } catch (e) {
      return { type: 'PluginError', name: 'Error', code: 'UNHANDLED', message: 'The plugin threw a value that could not be read.' };
    }
  }

  function notFound(what) {
    const e = new ErrorC(what + ' is not defined by this plugin.');
    e.notFound = true;
    throw e;
  }

  function member(def, group, name) {
    const target = own(own(def, group), name);
    if (target == null) notFound(group + '.' + name);
    return target;
  }

  async function dispatch(def, kind, name, ctx, input) {
    if (kind === 'action') return member(def, 'actions', name).run(ctx, input);
    if (kind === 'sync') return member(def, 'syncs', name).fetch(ctx, input);
    if (kind === 'options') {
      const fn = member(def, 'options', name);
      if (typeof fn !== 'function') notFound('options.' + name);
      return fn(ctx, input);
    }
    if (kind === 'auth_test') {
      const auth = own(def, 'auth');
      if (auth == null || typeof auth.test !== 'function') notFound('auth.test');
      return auth.test(ctx);
    }
    const trigger = member(def, 'triggers', name);
    if (kind === 'trigger') {
      if (trigger.type === 'polling') return trigger.poll(ctx, input);
      const op = input == null ? undefined : input.op;
      if (op === 'subscribe') return trigger.subscribe(ctx, input);
      if (op === 'unsubscribe') { await trigger.unsubscribe(ctx, input); return null; }
      notFound('triggers.' + name + ' operation ' + StringC(op));
    }
    if (kind === 'webhook') {
      const request = input == null ? undefined : input.request;
      const verified = (await trigger.verify(ctx, request)) === true;
      if (!verified) return { verified: false, items: [] };
      const items = typeof trigger.handle === 'function' ? await trigger.handle(ctx, request) : [request == null ? null : request.body];
      return { verified: true, items: items };
    }
    notFound('kind ' + StringC(kind));
  }

  // Object.prototype and Array.prototype are not frozen (lockdown.ts says why): 'seal'
  // snapshots them once the lockdown is done, before any plugin code, and every 'arm'
  // compares them with it. Key lists and prototypes first, so that reading descriptor
  // fields cannot run into an inherited getter a plugin added.
  const watched = [Object.prototype, Array.prototype];
  let snapshot = null;

  function describe(obj) {
    const keys = ownKeys(obj);
    const descs = [];
    for (let i = 0; i < keys.length; i++) descs[i] = gopd(obj, keys[i]);
    return { keys: keys, descs: descs, proto: getPrototypeOf(obj), extensible: isExtensible(obj) };
  }

  function seal() {
    if (snapshot === null) snapshot = [describe(watched[0]), describe(watched[1])];
  }

  function pristine() {
    if (snapshot === null) return false;
    const now = [];
    for (let w = 0; w < 2; w++) {
      const obj = watched[w];
      const then = snapshot[w];
      if (getPrototypeOf(obj) !== then.proto || isExtensible(obj) !== then.extensible) return false;
      const keys = ownKeys(obj);
      if (keys.length !== then.keys.length) return false;
      for (let i = 0; i < keys.length; i++) if (keys[i] !== then.keys[i]) return false;
      now[w] = keys;
    }
    for (let w = 0; w < 2; w++) {
      const obj = watched[w];
      const then = snapshot[w];
      const keys = now[w];
      for (let i = 0; i < keys.length; i++) {
        const d = gopd(obj, keys[i]);
        const e = then.descs[i];
        if (d.value !== e.value || d.get !== e.get || d.set !== e.set || d.writable !== e.writable ||
            d.enumerable !== e.enumerable || d.configurable !== e.configurable) return false;
      }
    }
    return true;
  }

  /**
   * Opens invocation seq; false (and nothing armed) when the realm is no longer pristine.
   * 'verified' true: the host ran 'verify' after the last invocation's code and has called
   * nothing into this realm since (isolate-pool.ts), so the check need not run again.
   */
  function arm(seq, a, b, c, d, verified) {
    armed = false;
    exported = undefined;
    current = null;
    if (verified !== true && !pristine()) return false;
    current = { seq: seq, pending: new MapC(), ran: false };
    exported = undefined;
    armed = true;
    r0 = a | 0; r1 = b | 0; r2 = c | 0; r3 = d | 0;
    if ((r0 | r1 | r2 | r3) === 0) r0 = 1;
    return true;
  }

  async function run(seq, kind, name, payloadText) {
    armed = false;
    const inv = current;
    if (inv === null || inv.seq !== seq || inv.ran) throw new ErrorC('This invocation was not armed.');
    inv.ran = true;
    const mod = exported;
    const payload = parse(payloadText);
    const bridge = makeBridge(inv);
    const ctx = freeze({
      fetch: bridge.fetch,
      store: bridge.store,
      log: bridge.log,
      settings: payload.settings,
      installation: freeze(payload.installation),
      connection: payload.connection,
    });
    let output;
    try {
      const def = own(mod, 'default') !== undefined ? own(mod, 'default') : mod;
      output = await dispatch(def, kind, name, ctx, payload.input);
    } catch (err) {
      if (err !== null && typeof err === 'object' && err.notFound === true) {
        return stringify({ ok: false, error: { type: 'NotFound', code: 'NOT_FOUND', message: StringC(err.message) } });
      }
      return stringify({ ok: false, error: errorShape(err) });
    }
    let text;
    try {
      text = stringify(output === undefined ? null : output);
    } catch (err) {
      return stringify({ ok: false, error: { type: 'OutputInvalid', code: 'OUTPUT_NOT_JSON', message: 'The output is not JSON-serialisable.' } });
    }
    if (typeof text !== 'string') text = 'null';
    if (text.length > payload.maxOutputBytes) {
      return stringify({ ok: false, error: { type: 'LimitExceeded', code: 'OUTPUT_TOO_LARGE', message: 'The output exceeds ' + payload.maxOutputBytes + ' bytes.' } });
    }
    return '{"ok":true,"output":' + text + '}';
  }

  // The synchronous slice (run-slice.ts): 'start' begins the run without returning its
  // promise, 'take' then reads its result if it settled within the same call's
  // microtasks, and 'wait' hands the still-pending run to the host's asynchronous wait.
  // Every step checks seq, so a left-over invocation is never read for the current one.
  function start(seq, kind, name, payloadText) {
    const inv = current;
    const done = run(seq, kind, name, payloadText);
    if (inv === null || inv.seq !== seq) return;
    inv.done = done;
    apply(promiseThen, done, [function (text) { inv.text = text; inv.settled = 1; }, function (err) { inv.failure = err; inv.settled = 2; }]);
  }

  function take(seq) {
    const inv = current;
    if (inv === null || inv.seq !== seq || inv.done === undefined) throw new ErrorC('This invocation was not started.');
    if (inv.settled === 2) throw inv.failure;
    return inv.settled === 1 ? inv.text : undefined;
  }

  function wait(seq) {
    const inv = current;
    if (inv === null || inv.seq !== seq || inv.done === undefined) throw new ErrorC('This invocation was not started.');
    return inv.done;
  }

  return function (op, a, b, c, d, e, f) {
    if (op === 'run') return run(a, b, c, d, e);
    if (op === 'start') return start(a, b, c, d);
    if (op === 'take') return take(a);
    if (op === 'wait') return wait(a);
    if (op === 'settle') return settle(a, b, c, d);
    if (op === 'arm') return arm(a, b, c, d, e, f);
    if (op === 'verify') return pristine();
    if (op === 'seal') return seal();
    throw new ErrorC('Unknown prelude operation.');
  };
})`;
