/**
 * The shared zod schemas, loaded on demand. zod is about 25 KB gzipped; the sign-in page (often
 * the first thing a student opens, on a phone) renders without it and fetches it on first use.
 * Signed-in pages import the schemas directly.
 */
export const authSchemas = () => import('../../shared/schemas/auth.ts');
export const commonSchemas = () => import('../../shared/schemas/common.ts');
