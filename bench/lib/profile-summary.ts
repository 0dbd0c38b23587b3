import fs from 'node:fs';
import path from 'node:path';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the samples fall, by function
 * (self time) and by source file, and the inclusive time of the heaviest call paths' frames.
 *
 *   node bench/lib/profile-summary.ts FILE.cpuprofile [top=25]
 */
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export function summariseProfile(file: string, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? path.basename(n.callFrame.url) : ''}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const url = node.callFrame.url ? node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, 'node_modules/').replace(/^.*\/work\/main\//, '') : node.callFrame.functionName;
    files.set(url, (files.get(url) ?? 0) + ms);
    // Inclusive: every distinct frame on the stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
    }
  }
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const idle = self.get('(idle) :0') ?? 0;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => ({ frame: k, ms: Math.round(v), percentOfBusy: Math.round((1000 * v) / (total - idle)) / 10 }));
  return { totalMs: Math.round(total), busyMs: Math.round(total - idle), self: sorted(self), inclusive: sorted(inclusive), files: sorted(files) };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const s = summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25));
  console.log(`total ${s.totalMs} ms, busy ${s.busyMs} ms`);
  for (const key of ['self', 'inclusive', 'files'] as const) {
    console.log(`\n${key}:`);
    for (const row of s[key]) console.log(`  ${String(row.ms).padStart(7)} ms ${String(row.percentOfBusy).padStart(5)}%  ${row.frame}`);
  }
}
