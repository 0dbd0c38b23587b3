/**
 * The path of the first string holding a NUL character ("body.items.2.text"), or undefined.
 * PostgreSQL cannot store NUL in text at all, so such input is refused at the edge (400) rather
 * than failing deep inside a query (500) — and refused on SQLite too, so both behave the same.
 */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}.${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // Plain objects only (Fastify's params and query have no Object prototype); streams and buffers are not text.
  if (value && typeof value === 'object' && (value.constructor === undefined || value.constructor === Object)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, `${path}.${key}`) ?? findNul(item, `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
