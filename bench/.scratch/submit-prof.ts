import { migrateToLatest, openDatabase } from '../../src/server/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { benchServices, enrol, seedPeople } from '../live/seed-live.ts';
import fs from 'node:fs';
const file = '/tmp/bench/submit.db'; for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
const database = openDatabase(file);
await migrateToLatest(database);
if (process.argv[2]) database.sqlite!.pragma(`synchronous = ${process.argv[2]}`);
const services = benchServices(database);
const [teacher] = await seedPeople(database, 1, 't');
const course = await services.courses.create(teacher!.id, { title: 'x' });
const lesson = await services.lessons.create(course.id, teacher!.id, { title: 'y' });
const people = await seedPeople(database, 300, 's');
await enrol(database, course.id, people);
const quiz = await services.activities.create(lesson.id, teacher!.id, { phase: 'pre', type: 'quiz', title: 'q', content: { items: Array.from({ length: 10 }, (_, k) => ({ prompt: `I${k}`, kind: 'single', choices: ['A', 'B', 'C'], answer: k % 3 })) } });
const app = await buildApp(loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', JOBS_POLLER: '0' }), { database, logger: false });
let n = 0; const orig = database.sqlite!.prepare.bind(database.sqlite!);
const stats = new Map<string, { n: number; ms: number }>();
(database.sqlite as any).prepare = (text: string) => { const st = orig(text); for (const m of ['all', 'run', 'get']) { const f = (st as any)[m].bind(st); (st as any)[m] = (...a: unknown[]) => { const t0 = performance.now(); try { return f(...a); } finally { const k = text.slice(0, 110); const e = stats.get(k) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - t0; stats.set(k, e); } }; } return st; };
const t = performance.now();
for (const p of people) {
  const res = await app.inject({ method: 'POST', url: `/api/activities/${quiz.id}/submit`, headers: { cookie: `tandem_session=${p.token}`, origin: 'http://localhost:80', host: 'localhost:80' }, payload: { answers: Array.from({ length: 10 }, (_, k) => k % 3), submissionId: `sub-${p.id}` } });
  if (res.statusCode !== 200) throw new Error(res.body);
}
console.log('sync', process.argv[2] ?? 'FULL', 'avg submit ms', ((performance.now() - t) / people.length).toFixed(2));
void orig; void n;
for (const [k, v] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(v.n, (v.ms / v.n).toFixed(3), k);
await app.close(); await database.close();
