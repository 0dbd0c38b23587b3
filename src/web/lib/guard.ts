import type { Parser } from './api.ts';

/**
 * A few kilobytes of response checking for the pages that must load before zod does (My work,
 * the header's bell, who is signed in): zod is 25 KB gzipped and "My work" has a 150 KB budget.
 * Like zod objects, `object` drops keys it does not know. Declare each parser against the shared
 * zod type (`const x: Parser<MyWork> = …`) so tsc fails when the two drift apart.
 */
export type Guard<T> = Parser<T> & { check(value: unknown, path: string): T };

export class GuardError extends Error {
  constructor(path: string, expected: string) {
    super(`${path || 'response'}: expected ${expected}`);
    this.name = 'GuardError';
  }
}

function guard<T>(check: (value: unknown, path: string) => T): Guard<T> {
  return { check, parse: (value) => check(value, '') };
}

function primitive<T>(name: string, test: (value: unknown) => value is T): Guard<T> {
  return guard((value, path) => {
    if (!test(value)) throw new GuardError(path, name);
    return value;
  });
}

export const string = primitive('a string', (v): v is string => typeof v === 'string');
export const number = primitive('a number', (v): v is number => typeof v === 'number' && Number.isFinite(v));
export const int = primitive('an integer', (v): v is number => Number.isInteger(v));
export const boolean = primitive('a boolean', (v): v is boolean => typeof v === 'boolean');
export const unknownRecord = primitive('an object', (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));

export function literal<const T extends string>(...values: T[]): Guard<T> {
  return primitive(`one of ${values.join(', ')}`, (v): v is T => typeof v === 'string' && (values as string[]).includes(v));
}

export function exactly<const T extends string | number | boolean>(expected: T): Guard<T> {
  return primitive(JSON.stringify(expected), (v): v is T => v === expected);
}

export function nullable<T>(inner: Guard<T>): Guard<T | null> {
  return guard((value, path) => (value === null ? null : inner.check(value, path)));
}

export function optional<T>(inner: Guard<T>): Guard<T | undefined> {
  return guard((value, path) => (value === undefined ? undefined : inner.check(value, path)));
}

export function array<T>(inner: Guard<T>): Guard<T[]> {
  return guard((value, path) => {
    if (!Array.isArray(value)) throw new GuardError(path, 'an array');
    return value.map((item, index) => inner.check(item, `${path}[${index}]`));
  });
}

type Shape = Record<string, Guard<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Guard<infer T> ? T : never };

export function object<S extends Shape>(shape: S): Guard<Out<S>> {
  return guard((value, path) => {
    const record = unknownRecord.check(value, path);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(shape)) {
      const checked = inner.check(record[key], path ? `${path}.${key}` : key);
      if (checked !== undefined) out[key] = checked;
    }
    // Every key of the shape was checked above, so the object has the shape's type.
    return out as Out<S>;
  });
}
