import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySerializerCompiler } from 'fastify';
import { $ZodType } from 'zod/v4/core';

/**
 * Response serialisation: only the fields a route's response schema lists leave the server.
 *
 * fastify-type-provider-zod encodes every answer through its zod schema (a full parse that builds a
 * new object and checks every string's format), then JSON.stringify. For large answers that
 * doubled the serialisation cost (GET /api/me/work: 114 KiB, 0.4 ms of zod per request on top of
 * 0.2 ms of JSON.stringify; docs/benchmarks.md). Here a response schema made only of plain parts —
 * objects (stripping unknown keys), arrays, strings, numbers, integers, booleans, null, enums,
 * literals, nullable and optional — is compiled once into a copy function that keeps the listed
 * keys only and checks each value's kind (string, finite number, safe integer, boolean, enum
 * member, literal). The copy is what is serialised, so an extra field (a password hash, a
 * teacher-only note) can never leave, exactly as before. Not re-checked on that path: string
 * formats and lengths and number ranges of our own output (request input is still fully
 * validated by zod). Any other schema part (unions, records, transforms, defaults, refinements,
 * loose or strict objects…) keeps the zod encoder for the whole route. A value of the wrong kind
 * hands over to zod, so its answer and its error (a 500, logged with zod's issues) stay the same.
 */

type Copy = (value: unknown) => unknown;
/** Thrown inside a copy when a value is not of its schema's kind: zod then decides. */
const MISMATCH: unique symbol = Symbol('mismatch');

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function hasRefinements(def: Def): boolean {
  const checks = def.checks as { _zod?: { def?: { check?: string } } }[] | undefined;
  return !!checks?.some((c) => c._zod?.def?.check === 'custom');
}

/** The copy function for a schema, or null when a part of it is not a plain one. */
export function compileCopy(schema: unknown, within: Set<unknown> = new Set()): Copy | null {
  if (!(schema instanceof $ZodType)) return null;
  // A recursive schema (a shape that contains itself): zod's.
  if (within.has(schema)) return null;
  within.add(schema);
  try {
    return compileNode(schema, within);
  } finally {
    within.delete(schema);
  }
}

function compileNode(schema: $ZodType, within: Set<unknown>): Copy | null {
  const def = defOf(schema);
  if (hasRefinements(def)) return null;
  switch (def.type) {
    case 'string':
      return (v) => {
        if (typeof v !== 'string') throw MISMATCH;
        return v;
      };
    case 'number':
      if (def.format === 'safeint' || def.format === 'int32' || def.format === 'uint32')
        return (v) => {
          if (!Number.isSafeInteger(v)) throw MISMATCH;
          return v;
        };
      if (def.format !== undefined) return null;
      return (v) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw MISMATCH;
        return v;
      };
    case 'boolean':
      return (v) => {
        if (typeof v !== 'boolean') throw MISMATCH;
        return v;
      };
    case 'null':
      return (v) => {
        if (v !== null) throw MISMATCH;
        return v;
      };
    case 'enum': {
      const allowed = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => {
        if (!allowed.has(v)) throw MISMATCH;
        return v;
      };
    }
    case 'literal': {
      const allowed = new Set(def.values as unknown[]);
      return (v) => {
        if (!allowed.has(v)) throw MISMATCH;
        return v;
      };
    }
    case 'nullable': {
      const inner = compileCopy(def.innerType, within);
      if (!inner) return null;
      return (v) => (v === null ? null : inner(v));
    }
    case 'optional': {
      const inner = compileCopy(def.innerType, within);
      if (!inner) return null;
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'array': {
      const element = compileCopy(def.element, within);
      if (!element) return null;
      return (v) => {
        if (!Array.isArray(v)) throw MISMATCH;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) out[i] = element(v[i]);
        return out;
      };
    }
    case 'object': {
      // A catchall (looseObject passes unknown keys through, strictObject refuses them): zod's.
      if (def.catchall !== undefined) return null;
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      if (keys.includes('__proto__')) return null;
      const copies: Copy[] = [];
      for (const key of keys) {
        const copy = compileCopy(shape[key], within);
        if (!copy) return null;
        copies.push(copy);
      }
      // One object literal with the schema's keys (generated once per schema: a fixed shape is
      // several times faster to build than keys assigned one by one). An optional key left
      // undefined is dropped by JSON.stringify, as zod leaves it out.
      const fields = keys.map((key, i) => `${JSON.stringify(key)}: c[${i}](v[${JSON.stringify(key)}])`).join(', ');
      return new Function('c', 'M', `return function copyObject(v) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw M;
  return { ${fields} };
}`)(copies, MISMATCH) as Copy;
    }
    default:
      return null;
  }
}

type SerializerArgs = Parameters<FastifySerializerCompiler<unknown>>[0];

/** Fastify's serializer compiler: the copy and JSON.stringify where the schema allows, zod's otherwise. */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (args: SerializerArgs) => {
  const zod = (zodSerializerCompiler as FastifySerializerCompiler<unknown>)(args);
  const maybe = args.schema as unknown;
  const schema = maybe instanceof $ZodType ? maybe : (maybe as { properties?: unknown } | undefined)?.properties;
  const copy = compileCopy(schema);
  if (!copy) return zod;
  return (data: unknown) => {
    let out: unknown;
    try {
      out = copy(data);
    } catch (error) {
      if (error !== MISMATCH) throw error;
      // Not of its schema's kind: zod gives the same answer or the same error as before.
      return zod(data);
    }
    return JSON.stringify(out);
  };
};
