#!/usr/bin/env node
/**
 * `npm run bench [-- scenario…]`: the benchmark suite of issue 7. Writes bench/results/latest.json
 * and the generated part of docs/benchmarks.md. Scenarios: web, fanout, storm, memory, scale,
 * api, deadline, readiness (default: all). Clients always run in processes apart from the
 * servers; everything listens on 127.0.0.1; every loop is bounded.
 *
 * Environment: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_REDIS_URL
 * (default redis://127.0.0.1:6379), BENCH_PROFILE=<dir> to run the servers under --cpu-prof.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiBench } from './api/api-bench.ts';
import { deadlineBench } from './deadline/deadline-bench.ts';
import { machine } from './lib/machine.ts';
import { renderMarkdown, writeMarkdown } from './report.ts';
import { clusterServicesUp, liveCluster, liveOneNode, tempDir } from './live/live-bench.ts';
import { readinessBench } from './readiness/readiness-bench.ts';
import { round } from './lib/stats.ts';
import { webBench } from './web/web-bench.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ALL = ['web', 'fanout', 'storm', 'memory', 'scale', 'api', 'deadline', 'readiness'] as const;
type Scenario = (typeof ALL)[number];

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(ALL as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}. Choose among: ${ALL.join(', ')}`);
  process.exit(2);
}
const selected = new Set<Scenario>(asked.length > 0 ? (asked as Scenario[]) : ALL);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The suite's settings: what each scenario does (also printed in the report). */
export const SETTINGS = {
  live: { students: 1000, rounds: 5, messages: 50, perSecond: 10 },
  scale: { students: 5000, rounds: 5, messages: 20, perSecond: 10, nodes: 3, perNode: 1000 },
  api: { rounds: 5, seconds: 3, connections: 100 },
  deadline: { students: 1000, rounds: 5, spreadMs: 10_000 },
  readiness: { sizes: [100, 1000, 10_000], rounds: 5 },
};

const started = performance.now();
const resultsFile = path.join(root, 'bench/results/latest.json');
const previous = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { scenarios?: Record<string, unknown> }) : {};
const scenarios: Record<string, unknown> = { ...(previous.scenarios ?? {}) };
const timings: Record<string, number> = {};
/** The machine is shared: its 1-minute load average before and after each scenario, for reading the figures. */
const load: Record<string, [number, number]> = {};

async function step(name: string, run: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  const before = round(os.loadavg()[0]!, 1);
  console.log(`\n▶ ${name} (load average ${before})`);
  try {
    scenarios[name] = { measuredAt: new Date().toISOString(), ...((await run()) as object) };
  } catch (error) {
    console.error(`  ✗ ${name} failed:`, error);
    scenarios[name] = { measuredAt: new Date().toISOString(), error: String(error instanceof Error ? (error.stack ?? error.message) : error) };
  }
  timings[name] = round((performance.now() - t0) / 1000, 1);
  load[name] = [before, round(os.loadavg()[0]!, 1)];
  console.log(`  ${name}: ${timings[name]} s`);
}

const services = await clusterServicesUp(pgUrl, redisUrl);
const pg = services?.startsWith('PostgreSQL') ? undefined : pgUrl;
if (services) console.warn(`  ! ${services}`);

if (selected.has('web')) {
  const dir = tempDir();
  await step('web', async () => {
    try {
      return webBench(path.join(dir, 'web'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
if (selected.has('fanout') || selected.has('storm') || selected.has('memory')) {
  const live = SETTINGS.live;
  await step('live', () => liveOneNode({ ...live, fanout: selected.has('fanout'), storm: selected.has('storm'), memory: selected.has('memory') }));
}
if (selected.has('scale')) {
  const s = SETTINGS.scale;
  await step('scale', async () => {
    const oneNode = await liveOneNode({ students: s.students, rounds: s.rounds, messages: s.messages, perSecond: s.perSecond, fanout: true, storm: false, memory: true, perProcess: 1000 });
    const cluster = services
      ? { skipped: services }
      : await liveCluster({ nodes: s.nodes, perNode: s.perNode, rounds: s.rounds, messages: s.messages, perSecond: s.perSecond, pgUrl, redisUrl }).catch((error: unknown) => ({ error: String(error) }));
    return { oneNode, cluster };
  });
}
if (selected.has('api')) await step('api', () => apiBench({ ...SETTINGS.api, pgUrl: pg }));
if (selected.has('deadline')) await step('deadline', () => deadlineBench({ ...SETTINGS.deadline, pgUrl: pg }));
if (selected.has('readiness')) await step('readiness', () => readinessBench({ ...SETTINGS.readiness, pgUrl: pg }));

// Memory per student at the margin: the RSS slope from 1,000 to 5,000 students (one-time growth of
// the server's heap, which the per-student figure at 1,000 carries, cancels out).
const oneK = (scenarios.live as { memory?: { students: number; connectedRssMiB: { tandem: { median: number } } } } | undefined)?.memory;
const fiveK = (scenarios.scale as { oneNode?: { memory?: { students: number; connectedRssMiB: { tandem: { median: number } } } } } | undefined)?.oneNode?.memory;
if (oneK && fiveK && fiveK.students > oneK.students) {
  scenarios.memoryMarginal = { from: oneK.students, to: fiveK.students, perStudentKiB: round(((fiveK.connectedRssMiB.tandem.median - oneK.connectedRssMiB.tandem.median) * 1024) / (fiveK.students - oneK.students), 1) };
}

const seconds = round((performance.now() - started) / 1000, 1);
const results = {
  machine: machine(),
  settings: SETTINGS,
  run: { scenarios: [...selected], seconds, timings, loadAverage: load, partial: selected.size < ALL.length },
  scenarios,
};
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
writeMarkdown(path.join(root, 'docs/benchmarks.md'), renderMarkdown(results));
console.log(`\nDone in ${seconds} s → bench/results/latest.json, docs/benchmarks.md`);
process.exit(0);
