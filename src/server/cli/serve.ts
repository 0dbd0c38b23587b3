import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { describeDemo, seedDemo } from '../modules/demo/demo.seed.ts';

export function buildWebIfMissing(config: Config): void {
  if (fs.existsSync(path.join(config.webDistDir, 'index.html'))) return;
  console.log('Building the web app (first start)…');
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The web app build failed');
}

/** Starts the server; on an empty database it seeds the demo unless told not to. */
export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const app = await buildApp(config, { serveWeb: true });
  const demoResult = options.demo && (await app.services.repos.users.count()) === 0 ? await seedDemo(app.services) : undefined;
  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  if (demoResult) console.log(describeDemo(demoResult, url));
  else console.log(`\n  Tandem is running at ${url}\n`);

  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
