import crypto from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random opaque id: 20 base-36 characters (about 103 bits). */
export function newId(): string {
  return randomString(20, ALPHABET);
}

/** Uniform random string over an alphabet, without modulo bias. */
export function randomString(length: number, alphabet: string): string {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function nowIso(): string {
  return new Date().toISOString();
}
