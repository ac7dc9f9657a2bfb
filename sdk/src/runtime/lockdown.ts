/**
 * The lockdown, run once per context after the prelude and before any plugin code:
 * afterwards nothing reachable from the realm can carry state from one invocation
 * to the next, so the context can serve invocations of different installations.
 *
 * - Removed: the legacy RegExp statics (`RegExp.$1…$9`, `input`, `lastMatch`, …:
 *   realm-wide copies of the last match), and everything that can run plugin code
 *   later, outside the invocation that scheduled it (`FinalizationRegistry`,
 *   `Atomics.waitAsync`, asynchronous WebAssembly compilation).
 * - Override mistake: a few prototype properties that ordinary code assigns on its
 *   own objects (`this.name = …` in an Error subclass, `fn.toString = …`) become
 *   accessors whose setter defines the property on the receiver and ignores writes
 *   to the shared prototype itself.
 * - Then every object reachable from `globalThis` and from the intrinsics only
 *   reachable through syntax (generator, async and iterator prototypes, %TypedArray%,
 *   %ThrowTypeError%, …) is frozen, following prototypes and accessor functions;
 *   `globalThis` itself last. Two exceptions, Object.prototype and Array.prototype:
 *   touching them at all costs every holey array in the realm V8's fast paths, so
 *   they stay as they are and the prelude compares them with a snapshot before each
 *   invocation (a change discards the realm). The completion value is the number of
 *   objects visited.
 * A constant: no plugin or user string is ever spliced into it.
 */

export const LOCKDOWN_SOURCE = String.raw`(function () {
  'use strict';
  const g = globalThis;
  const gopd = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const freeze = Object.freeze;
  const isFrozen = Object.isFrozen;
  const ownKeys = Reflect.ownKeys;
  const reflectDefine = Reflect.defineProperty;
  const hasOwn = Object.prototype.hasOwnProperty;
  const apply = Reflect.apply;

  function remove(obj, key) {
    if (obj == null) return;
    if (!Reflect.deleteProperty(obj, key)) throw new TypeError('lockdown: cannot remove ' + String(key));
  }
  for (const key of ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$\x60', 'rightContext', "$'"]) {
    remove(RegExp, key);
  }
  remove(g, 'FinalizationRegistry');
  if (typeof Atomics === 'object') remove(Atomics, 'waitAsync');
  if (typeof WebAssembly === 'object') {
    for (const key of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) remove(WebAssembly, key);
  }

  function enableOverride(home, key) {
    const desc = gopd(home, key);
    if (desc === undefined || !('value' in desc)) return;
    const value = desc.value;
    defineProperty(home, key, {
      get: function () { return value; },
      set: function (next) {
        if (this === home || this === null || (typeof this !== 'object' && typeof this !== 'function')) return;
        if (apply(hasOwn, this, [key])) this[key] = next;
        else reflectDefine(this, key, { value: next, writable: true, enumerable: true, configurable: true });
      },
      enumerable: desc.enumerable,
      configurable: false,
    });
  }
  for (const key of ['constructor', 'bind', 'toString']) enableOverride(Function.prototype, key);
  const errors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
  if (typeof AggregateError === 'function') errors.push(AggregateError);
  for (const E of errors) for (const key of ['name', 'message', 'constructor', 'toString']) enableOverride(E.prototype, key);

  const roots = [g];
  function protoOf(make) {
    try {
      const value = make();
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) roots.push(getPrototypeOf(value));
    } catch (e) {
      /* not in this V8 */
    }
  }
  protoOf(function () { return function* () {}; });
  protoOf(function () { return async function () {}; });
  protoOf(function () { return async function* () {}; });
  protoOf(function () { return async () => {}; });
  protoOf(function () { return Int8Array; });
  protoOf(function () { return [][Symbol.iterator](); });
  protoOf(function () { return new Map()[Symbol.iterator](); });
  protoOf(function () { return new Set()[Symbol.iterator](); });
  protoOf(function () { return ''[Symbol.iterator](); });
  protoOf(function () { return /a/[Symbol.matchAll](''); });
  protoOf(function () { return [].values().map(function (x) { return x; }); });
  protoOf(function () { return Iterator.from({ next: function () { return { done: true }; } }); });
  protoOf(function () { return new Intl.Segmenter().segment(''); });
  protoOf(function () { return new Intl.Segmenter().segment('')[Symbol.iterator](); });
  roots.push(gopd(Function.prototype, 'caller').get);
  roots.push(gopd(function () { 'use strict'; return arguments; }(), 'callee').get);

  // Object.prototype and Array.prototype stay as they are: any change to them (freezing
  // included) makes V8 drop its fast paths for holey arrays in the whole realm (measured
  // ~2x on element stores). The prelude verifies them instead before every invocation.
  function isVerified(obj) {
    return obj === Object.prototype || obj === Array.prototype;
  }

  const seen = new Set();
  const stack = roots;
  let count = 0;
  while (stack.length > 0) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function') || seen.has(obj)) continue;
    seen.add(obj);
    if (obj !== g && !isVerified(obj)) freeze(obj);
    count += 1;
    stack.push(getPrototypeOf(obj));
    for (const key of ownKeys(obj)) {
      const desc = gopd(obj, key);
      if (desc === undefined) continue;
      if ('value' in desc) stack.push(desc.value);
      else stack.push(desc.get, desc.set);
    }
  }
  freeze(g);
  for (const obj of seen) if (!isFrozen(obj) && !isVerified(obj)) throw new TypeError('lockdown: an intrinsic is still mutable');
  return count;
})()`;
