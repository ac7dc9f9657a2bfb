/**
 * The part of the prelude (prelude.ts) that builds one invocation's `ctx.fetch`,
 * `ctx.store` and `ctx.log`: closures over that invocation's state, tagging every
 * host call with its seq. A constant fragment spliced only into the constant
 * prelude source; it uses the prelude's captured intrinsics and helpers.
 */

export const PRELUDE_BRIDGE_SOURCE = String.raw`  /** ctx's functions for one invocation; they reach only that invocation's host Callbacks. */
  function makeBridge(inv) {
    const seq = inv.seq;
    function callHost(op, args) {
      const id = hostCall(seq, op, stringify(args));
      return new PromiseC(function (resolve, reject) {
        apply(mapSet, inv.pending, [id, { resolve: resolve, reject: reject }]);
      });
    }
    function makeLog(level) {
      return function (message, data) {
        hostLog(seq, level, StringC(message), toText(data));
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
    return { fetch: fetch, store: store, log: log };
  }`;
