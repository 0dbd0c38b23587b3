import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { round } from '../lib/stats.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const webRoot = path.join(root, 'src/web');

type Chunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };
type Manifest = Record<string, Chunk>;

/** Builds the web app into a directory of its own (never the dist/web a running server serves), with a manifest. */
export function buildWeb(outDir: string): { seconds: number } {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
  return { seconds: round((performance.now() - t0) / 1000, 1) };
}

/** The page module and lazy string parts of a route, read from app/routes.tsx (`lazy(withStrings([...], () => import('…')))`). */
export function routeModule(routePath: string): { module: string; parts: string[] } | undefined {
  const source = fs.readFileSync(path.join(webRoot, 'app/routes.tsx'), 'utf8');
  const element = new RegExp(`path:\\s*'${routePath.replace(/[/]/g, '\\/')}'\\s*,\\s*element:\\s*<(\\w+)`).exec(source)?.[1];
  if (!element) return undefined;
  const declaration = new RegExp(`const ${element} = lazy\\((.*)\\);`).exec(source)?.[1];
  if (!declaration) return undefined;
  const importPath = /import\('([^']+)'\)/.exec(declaration)?.[1];
  if (!importPath) return undefined;
  const parts = /withStrings\(\[([^\]]*)\]/.exec(declaration)?.[1]?.match(/'([^']+)'/g)?.map((p) => p.slice(1, -1)) ?? [];
  return { module: path.relative(webRoot, path.resolve(webRoot, 'app', importPath)), parts };
}

/** Every chunk a chunk pulls in statically (its own file included), as manifest keys. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const next of manifest[key]!.imports ?? []) staticClosure(manifest, next, seen);
  return seen;
}

/**
 * Initial JavaScript of a route: the entry (index.html) and its static imports, the strings'
 * "core" for English and the lazy parts the route asks for, and the route's page chunk with its
 * static imports — each file gzipped at the default level (as the server would send it).
 */
export function initialJs(outDir: string, manifest: Manifest, routePath: string) {
  const route = routeModule(routePath);
  if (!route) return { route: routePath, missing: 'no such route in app/routes.tsx' };
  if (!manifest[route.module]) return { route: routePath, missing: `${route.module} is not in the build manifest` };
  const keys = staticClosure(manifest, 'index.html');
  const localeKey = (part: string) => Object.keys(manifest).find((k) => k.endsWith(`locale-part/en/${part}`));
  for (const part of ['core', ...route.parts]) {
    const key = localeKey(part);
    if (key) staticClosure(manifest, key, keys);
  }
  staticClosure(manifest, route.module, keys);
  const files = [...new Set([...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js')))];
  const sizes = files.map((file) => {
    const bytes = fs.readFileSync(path.join(outDir, file));
    return { file, bytes: bytes.length, gzip: zlib.gzipSync(bytes).length };
  });
  const total = sizes.reduce((s, f) => s + f.gzip, 0);
  return { route: routePath, module: route.module, localeParts: ['core', ...route.parts], files: sizes.sort((a, b) => b.gzip - a.gzip), gzipKiB: round(total / 1024, 1), rawKiB: round(sizes.reduce((s, f) => s + f.bytes, 0) / 1024, 1) };
}

export function webBench(outDir: string) {
  const build = buildWeb(outDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  return { buildSeconds: build.seconds, budgetKiB: 150, signIn: initialJs(outDir, manifest, 'signin'), myWork: initialJs(outDir, manifest, 'work') };
}
