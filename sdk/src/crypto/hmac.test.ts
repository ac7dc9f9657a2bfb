import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac, hmacSha256Base64, hmacSha256Hex, sha1, sha256, timingSafeEqual, toBase64, toHex, utf8 } from './hmac.js';

// Seeded inputs: ASCII, multi-byte UTF-8 (including astral characters) and long keys.
function sample(i: number): string {
  const alphabet = ['a', 'Z', '0', ' ', '{', '"', 'é', 'ß', '中', '😀', '\n'];
  let s = '';
  for (let j = 0; j < (i * 37) % 300; j++) s += alphabet[(i * 7 + j * 13) % alphabet.length];
  return s;
}

describe('plugin crypto helpers', () => {
  it('agree with node:crypto on 300 inputs', () => {
    for (let i = 0; i < 300; i++) {
      const key = i % 5 === 0 ? randomBytes(80).toString('hex') : sample(i + 1000);
      const message = sample(i);
      expect(toHex(sha256(utf8(message)))).toBe(createHash('sha256').update(message, 'utf8').digest('hex'));
      expect(toHex(sha1(utf8(message)))).toBe(createHash('sha1').update(message, 'utf8').digest('hex'));
      expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'));
      expect(hmacSha256Base64(key, message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('base64'));
      expect(toHex(hmac(sha1, key, message))).toBe(createHmac('sha1', key).update(message, 'utf8').digest('hex'));
    }
  });

  it('encodes base64 with padding and compares in constant time', () => {
    for (const n of [0, 1, 2, 3, 31, 32, 33]) {
      const bytes = [...randomBytes(n)];
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
  });
});
