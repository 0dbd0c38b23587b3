import fs from 'node:fs';
import path from 'node:path';
import { migrateToLatest, openDatabase, type Database } from '../../src/server/db/database.ts';
import { hashToken, SESSION_TTL_MS } from '../../src/server/modules/auth/auth.service.ts';
import { createSessionsRepository } from '../../src/server/modules/auth/sessions.repository.ts';
import { freshPgSchema, tempDir } from '../live/live-bench.ts';
import { acrossRounds, round } from '../lib/stats.ts';
import { startTandem } from '../lib/tandem-server.ts';
import { seedReadiness } from '../seed-readiness.ts';
import crypto from 'node:crypto';

const log = (...args: unknown[]) => console.log('  ·', ...args);

/** One class per size, each lesson 20 pre-work activities of which 5 quizzes × 10 items (50 items). */
async function seedSizes(database: Database, sizes: number[]) {
  const classes: { students: number; lessonId: string; token: string; seedSeconds: number }[] = [];
  for (const students of sizes) {
    const seeded = await seedReadiness(database, { students, activities: 20, quizzes: 5, itemsPerQuiz: 10, seed: 42 });
    const token = crypto.randomBytes(32).toString('base64url');
    const now = new Date();
    await createSessionsRepository(database.db).insert({ id: hashToken(token), userId: seeded.teacher.id, now: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString() });
    classes.push({ students, lessonId: seeded.lessonId, token, seedSeconds: seeded.seconds });
    log(`seeded readiness for ${students} students in ${seeded.seconds} s (${database.dialect})`);
  }
  return classes;
}

/** GET /api/lessons/:id/readiness over HTTP, sizes interleaved round by round; one warm-up each. */
async function measure(dialect: string, databaseUrl: string, classes: Awaited<ReturnType<typeof seedSizes>>, rounds: number) {
  const server = await startTandem({ DATABASE_URL: databaseUrl }, `readiness-${dialect}`);
  try {
    const times = new Map<number, number[]>(classes.map((c) => [c.students, []]));
    const bytes = new Map<number, number>();
    const get = async (c: (typeof classes)[number]) => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/lessons/${c.lessonId}/readiness`, { headers: { cookie: `tandem_session=${c.token}` } });
      const body = await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`readiness answered ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
      bytes.set(c.students, body.byteLength);
      return ms;
    };
    for (const c of classes) await get(c);
    for (let r = 0; r < rounds; r++) for (const c of classes) times.get(c.students)!.push(round(await get(c)));
    const bySize = classes.map((c) => ({ students: c.students, ms: acrossRounds(times.get(c.students)!), responseBytes: bytes.get(c.students) ?? 0 }));
    // Growth: each tenfold step in students, how many times longer it takes (≤ 10 is no worse than linear).
    const growth = bySize.slice(1).map((s, i) => ({ from: bySize[i]!.students, to: s.students, factor: round(s.ms.median / bySize[i]!.ms.median, 2) }));
    return { dialect, bySize, growth };
  } finally {
    await server.stop();
  }
}

export async function readinessBench(options: { sizes: number[]; rounds: number; pgUrl: string | undefined }) {
  const out: Record<string, unknown> = { shape: { activities: 20, quizzes: 5, itemsPerQuiz: 10 } };
  const dir = tempDir();
  const file = path.join(dir, 'readiness.db');
  const database = openDatabase(file);
  try {
    await migrateToLatest(database);
    const classes = await seedSizes(database, options.sizes);
    await database.close();
    out.sqlite = await measure('sqlite', file, classes, options.rounds);
  } finally {
    await database.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (options.pgUrl) {
    const fresh = await freshPgSchema(options.pgUrl);
    try {
      const classes = await seedSizes(fresh.database, options.sizes);
      out.postgres = await measure('postgres', fresh.url, classes, options.rounds);
    } finally {
      await fresh.drop();
    }
  } else out.postgres = { skipped: 'PostgreSQL unreachable' };
  return out;
}
