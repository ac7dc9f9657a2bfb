/**
 * The static prelude evaluated in every fresh context before the plugin bundle.
 * Its completion value is a factory; the host calls it once with the two host
 * Callbacks (they never touch the global object) and gets back one dispatcher,
 * `(op, …)` with op 'run' or 'settle', which builds `ctx` (contract §2) from
 * them. It is a constant: no plugin or user string is ever spliced into it. The
 * factory and the dispatcher reach only the host, as References; the plugin can
 * see neither. (Factory + dispatcher = two isolate round trips per context
 * instead of five.)
 */

export const PRELUDE_SOURCE = String.raw`(function (hostLog, hostCall) {
  'use strict';
  const g = globalThis;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;
  const keys = Object.keys;
  const create = Object.create;
  const hasOwn = Object.prototype.hasOwnProperty;
  const apply = Reflect.apply;
  const StringC = String;
  const ErrorC = Error;
  const PromiseC = Promise;
  const encode = encodeURIComponent;
  const pending = new Map();
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  let used = false;

  function own(obj, key) {
    return obj !== null && (typeof obj === 'object' || typeof obj === 'function') && apply(hasOwn, obj, [key]) ? obj[key] : undefined;
  }

  function callHost(op, args) {
    const id = hostCall(op, stringify(args));
    return new PromiseC(function (resolve, reject) {
      apply(mapSet, pending, [id, { resolve: resolve, reject: reject }]);
    });
  }

  function settle(id, ok, payload) {
    const waiter = apply(mapGet, pending, [id]);
    if (waiter === undefined) return;
    apply(mapDelete, pending, [id]);
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

  function toText(value) {
    if (value === undefined) return undefined;
    try {
      const text = stringify(value);
      return typeof text === 'string' ? text : undefined;
    } catch (e) {
      return '"[unserialisable]"';
    }
  }

  function makeLog(level) {
    return function (message, data) {
      hostLog(level, StringC(message), toText(data));
    };
  }
  const log = freeze({ debug: makeLog('debug'), info: makeLog('info'), warn: makeLog('warn'), error: makeLog('error') });

  const store = freeze({
    get: async function (key) {
      const res = await callHost('storeGet', { key: StringC(key) });
      return res.found ? parse(res.value) : undefined;
    },
    set: async function (key, value) {
      const text = toText(value);
      if (text === undefined) throw new TypeError('ctx.store.set: the value must be JSON-serialisable.');
      await callHost('storeSet', { key: StringC(key), value: text });
    },
    delete: async function (key) {
      await callHost('storeDelete', { key: StringC(key) });
    },
  });

  async function fetch(url, init) {
    if (typeof url !== 'string') throw new TypeError('ctx.fetch: url must be a string.');
    const options = init == null ? {} : init;
    let target = url;
    const query = own(options, 'query');
    if (query != null) {
      const parts = [];
      for (const k of keys(query)) parts.push(encode(k) + '=' + encode(StringC(query[k])));
      if (parts.length > 0) target += (target.indexOf('?') >= 0 ? '&' : '?') + parts.join('&');
    }
    const headers = create(null);
    const given = own(options, 'headers');
    if (given != null) for (const k of keys(given)) headers[StringC(k).toLowerCase()] = StringC(given[k]);
    let body;
    const json = own(options, 'json');
    const rawBody = own(options, 'body');
    if (json !== undefined) {
      body = toText(json);
      if (headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    } else if (rawBody != null) {
      body = StringC(rawBody);
    }
    const method = own(options, 'method');
    const res = await callHost('fetch', {
      url: target,
      method: method == null ? (body === undefined ? 'GET' : 'POST') : StringC(method).toUpperCase(),
      headers: headers,
      body: body,
    });
    const text = res.body;
    return freeze({
      status: res.status,
      ok: res.status >= 200 && res.status < 300,
      url: res.url,
      headers: freeze(res.headers),
      text: async function () { return text; },
      json: async function () { return parse(text); },
    });
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

  async function run(kind, name, payloadText) {
    if (used) throw new ErrorC('This context has already run an invocation.');
    used = true;
    const payload = parse(payloadText);
    const ctx = freeze({
      fetch: fetch,
      store: store,
      log: log,
      settings: payload.settings,
      installation: freeze(payload.installation),
      connection: payload.connection,
    });
    let output;
    try {
      const mod = own(g, '__nudgePlugin');
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

  return function (op, a, b, c) {
    if (op === 'run') return run(a, b, c);
    if (op === 'settle') return settle(a, b, c);
    throw new ErrorC('Unknown prelude operation.');
  };
})`;
