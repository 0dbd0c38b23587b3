import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MyWork } from '../../shared/schemas/work.ts';
import { compileCopy, serializerCompiler } from './response-serializer.ts';

const serialize = (schema: unknown, data: unknown) => (serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (d: unknown) => string)(data);
const viaZod = (schema: unknown, data: unknown) => (zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (d: unknown) => string)(data);

const Item = z.object({
  id: z.string(),
  n: z.int(),
  score: z.number().nullable(),
  kind: z.enum(['a', 'b']),
  fixed: z.literal('k'),
  note: z.string().optional(),
  ok: z.boolean(),
  nothing: z.null(),
});
const Page = z.object({ items: z.array(Item), owner: z.object({ name: z.string() }) });
const item = { id: 'i1', n: 2, score: null, kind: 'a', fixed: 'k', ok: true, nothing: null };

describe('response serializer', () => {
  it('sends only the fields the schema lists, at every depth, in the schema’s order', () => {
    const data = {
      secret: 'top',
      owner: { name: 'Ada', passwordHash: 'x' },
      items: [{ ...item, teacherNote: 'private', note: 'kept' }, { nothing: null, ok: false, fixed: 'k', kind: 'b', score: 1.5, n: 3, id: 'i2', extra: { deep: 1 } }],
    };
    const text = serialize(Page, data);
    expect(text).not.toMatch(/secret|passwordHash|teacherNote|extra|deep/);
    expect(JSON.parse(text)).toEqual({
      items: [
        { ...item, note: 'kept' },
        { id: 'i2', n: 3, score: 1.5, kind: 'b', fixed: 'k', ok: false, nothing: null },
      ],
      owner: { name: 'Ada' },
    });
    // Byte for byte what the zod encoder gave.
    expect(text).toBe(viaZod(Page, data));
  });

  it('leaves an absent or undefined optional field out, as zod does', () => {
    expect(serialize(Item, item)).toBe(viaZod(Item, item));
    expect(serialize(Item, { ...item, note: undefined })).toBe(viaZod(Item, { ...item, note: undefined }));
    expect(JSON.parse(serialize(Item, item))).not.toHaveProperty('note');
  });

  it('refuses a value of the wrong kind with zod’s error (a 500), never sends it', () => {
    for (const wrong of [{ ...item, n: 1.5 }, { ...item, n: '2' }, { ...item, kind: 'c' }, { ...item, fixed: 'j' }, { ...item, score: Number.NaN }, { ...item, ok: 1 }, { ...item, id: undefined }, { ...item, nothing: 0 }, [item], null]) {
      expect(() => serialize(Item, wrong)).toThrow(expect.objectContaining({ code: 'FST_ERR_RESPONSE_SERIALIZATION' }));
    }
    expect(() => serialize(Page, { items: item, owner: { name: 'x' } })).toThrow(expect.objectContaining({ code: 'FST_ERR_RESPONSE_SERIALIZATION' }));
  });

  it('keeps the zod encoder for schemas that are not plain (unions, records, transforms, refinements, loose or recursive objects)', () => {
    type Node = { name: string; children: Node[] };
    const Tree: z.ZodType<Node> = z.object({ name: z.string(), get children() { return z.array(Tree); } });
    const others = [
      z.union([z.string(), z.int()]),
      z.record(z.string(), z.int()),
      z.string().transform((s) => s.length),
      z.object({ a: z.string() }).refine((o) => o.a !== ''),
      z.looseObject({ a: z.string() }),
      z.strictObject({ a: z.string() }),
      z.object({ when: z.date() }),
      z.object({ a: z.string().default('x') }),
      Tree,
    ];
    for (const schema of others) expect(compileCopy(schema)).toBeNull();
    // …and those still strip or fail as zod does.
    expect(serialize(z.looseObject({ a: z.string() }), { a: 'x', b: 1 })).toBe('{"a":"x","b":1}');
    expect(serialize(z.union([z.object({ a: z.string() }), z.int()]), { a: 'x', hidden: 1 })).toBe('{"a":"x"}');
    expect(serialize(Tree, { name: 'r', children: [{ name: 'c', children: [], hidden: 1 }] })).toBe('{"name":"r","children":[{"name":"c","children":[]}]}');
  });

  it('compiles GET /api/me/work’s schema (the large answer this exists for)', () => {
    expect(compileCopy(MyWork)).not.toBeNull();
  });
});
