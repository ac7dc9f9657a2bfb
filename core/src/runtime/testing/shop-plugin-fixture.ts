/**
 * Test support: a Shopify-like plugin with a polling trigger (`new_order`,
 * deduplicated on `id`) and a webhook trigger (`order_created`: REST-hook
 * subscribe/unsubscribe, `verify` checks X-Shopify-Hmac-Sha256 with a pure-JS
 * HMAC-SHA256 — the isolate has no crypto module, as a bundled plugin would
 * carry its own), plus the loopback upstream it talks to.
 * @see https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SHOPIFY_HOST } from './shopify-fixture.js';

export const SHOP_WEBHOOK_SECRET = 'shpss_fixture_secret';

export function shopifyHmac(rawBody: string, secret = SHOP_WEBHOOK_SECRET): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

export const SHOP_MANIFEST = {
  id: 'shop-fixture',
  name: 'Shop (fixture)',
  description: 'Orders from a Shopify-like fixture.',
  kind: 'api',
  categories: ['ecommerce'],
  version: '1.0.0',
  sdkVersion: '0.1.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: { type: 'object', properties: { webhookSecret: { type: 'string' } } },
  permissions: { hosts: ['*.myshopify.com'] },
  actions: {},
  triggers: {
    new_order: { type: 'polling', title: 'New order', description: 'A new order.', dedupeKey: 'id', output: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] }, sample: { id: 1 } },
    order_created: { type: 'webhook', title: 'Order created', description: 'Shopify orders/create.', output: { type: 'object' }, sample: { id: 1 } },
  },
  syncs: {},
};

const SHA256 = `function sha256(bytes){var K=[0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
var H=[0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19];var l=bytes.length;var n=((l+9+63)>>6)<<6;var m=new Uint8Array(n);m.set(bytes);m[l]=0x80;var bits=l*8;m[n-4]=bits>>>24;m[n-3]=(bits>>>16)&255;m[n-2]=(bits>>>8)&255;m[n-1]=bits&255;var w=new Array(64);
for(var o=0;o<n;o+=64){for(var i=0;i<16;i++)w[i]=(m[o+i*4]<<24)|(m[o+i*4+1]<<16)|(m[o+i*4+2]<<8)|m[o+i*4+3];for(i=16;i<64;i++){var a0=w[i-15],a1=w[i-2];var s0=((a0>>>7)|(a0<<25))^((a0>>>18)|(a0<<14))^(a0>>>3);var s1=((a1>>>17)|(a1<<15))^((a1>>>19)|(a1<<13))^(a1>>>10);w[i]=(w[i-16]+s0+w[i-7]+s1)|0;}
var a=H[0],b=H[1],c=H[2],d=H[3],e=H[4],f=H[5],g=H[6],h=H[7];for(i=0;i<64;i++){var S1=((e>>>6)|(e<<26))^((e>>>11)|(e<<21))^((e>>>25)|(e<<7));var ch=(e&f)^(~e&g);var t1=(h+S1+ch+K[i]+w[i])|0;var S0=((a>>>2)|(a<<30))^((a>>>13)|(a<<19))^((a>>>22)|(a<<10));var mj=(a&b)^(a&c)^(b&c);var t2=(S0+mj)|0;h=g;g=f;f=e;e=(d+t1)|0;d=c;c=b;b=a;a=(t1+t2)|0;}
H[0]=(H[0]+a)|0;H[1]=(H[1]+b)|0;H[2]=(H[2]+c)|0;H[3]=(H[3]+d)|0;H[4]=(H[4]+e)|0;H[5]=(H[5]+f)|0;H[6]=(H[6]+g)|0;H[7]=(H[7]+h)|0;}
var out=new Uint8Array(32);for(i=0;i<8;i++){out[i*4]=H[i]>>>24;out[i*4+1]=(H[i]>>>16)&255;out[i*4+2]=(H[i]>>>8)&255;out[i*4+3]=H[i]&255;}return out;}
function utf8(s){var out=[];for(var i=0;i<s.length;i++){var c=s.charCodeAt(i);if(c<128)out.push(c);else if(c<2048)out.push(192|(c>>6),128|(c&63));else if(c>=0xd800&&c<0xdc00){var c2=s.charCodeAt(++i);var cp=0x10000+((c-0xd800)<<10)+(c2-0xdc00);out.push(240|(cp>>18),128|((cp>>12)&63),128|((cp>>6)&63),128|(cp&63));}else out.push(224|(c>>12),128|((c>>6)&63),128|(c&63));}return new Uint8Array(out);}
function hmac(key,msg){var k=utf8(key);if(k.length>64)k=sha256(k);var ik=new Uint8Array(64+msg.length),ok=new Uint8Array(96);for(var i=0;i<64;i++){var b=i<k.length?k[i]:0;ik[i]=b^0x36;ok[i]=b^0x5c;}ik.set(msg,64);ok.set(sha256(ik),64);return sha256(ok);}
function b64(bytes){var t='ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',s='';for(var i=0;i<bytes.length;i+=3){var n=(bytes[i]<<16)|((bytes[i+1]||0)<<8)|(bytes[i+2]||0);s+=t[(n>>18)&63]+t[(n>>12)&63]+(i+1<bytes.length?t[(n>>6)&63]:'=')+(i+2<bytes.length?t[n&63]:'=');}return s;}
function safeEqual(a,b){if(typeof a!=='string'||a.length!==b.length)return false;var r=0;for(var i=0;i<a.length;i++)r|=a.charCodeAt(i)^b.charCodeAt(i);return r===0;}`;

export const SHOP_CODE = `${SHA256}
var __nudgePlugin = { default: {
  triggers: {
    new_order: { type: 'polling', poll: async (ctx) => {
      const res = await ctx.fetch('https://${SHOPIFY_HOST}/admin/api/2024-10/orders.json?status=any&limit=50');
      if (res.status !== 200) throw { nudgeError: true, name: 'RetryableError', code: 'RETRYABLE', message: 'orders ' + res.status };
      return (await res.json()).orders;
    } },
    order_created: { type: 'webhook',
      subscribe: async (ctx, input) => {
        const res = await ctx.fetch('https://${SHOPIFY_HOST}/admin/api/2024-10/webhooks.json', { method: 'POST', json: { webhook: { topic: 'orders/create', address: input.webhookUrl, format: 'json' } } });
        const body = await res.json();
        return { id: body.webhook.id };
      },
      unsubscribe: async (ctx, input) => {
        await ctx.fetch('https://${SHOPIFY_HOST}/admin/api/2024-10/webhooks/' + input.subscription.id + '.json', { method: 'DELETE' });
      },
      verify: (ctx, request) => safeEqual(request.headers['x-shopify-hmac-sha256'], b64(hmac(ctx.settings.webhookSecret, utf8(request.rawBody)))),
    },
  },
} };`;

export interface ShopUpstream {
  port: number;
  orders: Array<Record<string, unknown>>;
  calls: Array<{ method: string; path: string; body: string }>;
  close(): Promise<void>;
}

export async function startShopUpstream(): Promise<ShopUpstream> {
  const orders: Array<Record<string, unknown>> = [];
  const calls: ShopUpstream['calls'] = [];
  let nextHook = 9000;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      calls.push({ method: req.method ?? 'GET', path, body });
      res.setHeader('content-type', 'application/json');
      if (path.endsWith('/orders.json')) return void res.end(JSON.stringify({ orders: [...orders].reverse() }));
      if (path.endsWith('/webhooks.json') && req.method === 'POST') return void res.writeHead(201).end(JSON.stringify({ webhook: { id: nextHook++ } }));
      if (/\/webhooks\/\d+\.json$/.test(path) && req.method === 'DELETE') return void res.end('{}');
      res.writeHead(404).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    orders,
    calls,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
