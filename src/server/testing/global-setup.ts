import pg from 'pg';

/**
 * Test databases on PostgreSQL are schemas named t_<run>_<random>, where <run> is the run's start
 * time in base-36 seconds. Schemas are dropped here, by the main process, never by test files:
 * dropping one while another worker's migrator introspects the catalog makes that introspection
 * fail. Teardown drops this run's schemas; setup sweeps those that crashed runs left behind over
 * two hours ago, without touching runs that may be going on beside this one.
 */
const STALE_MS = 2 * 60 * 60 * 1000;

async function withClient(run: (client: pg.Client) => Promise<void>): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

async function dropWhere(client: pg.Client, keep: (run: number) => boolean): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname ~ '^t_[0-9a-z]+_[0-9a-f]+$'`);
  for (const { nspname } of rows) {
    const run = parseInt(nspname.split('_')[1] ?? '', 36) * 1000;
    if (!keep(run)) await client.query(`drop schema if exists ${nspname} cascade`);
  }
}

export async function setup(): Promise<void> {
  const run = Math.floor(Date.now() / 1000);
  process.env.TANDEM_TEST_RUN = run.toString(36);
  await withClient((client) => dropWhere(client, (started) => Date.now() - started < STALE_MS));
}

export async function teardown(): Promise<void> {
  const mine = parseInt(process.env.TANDEM_TEST_RUN ?? '', 36) * 1000;
  await withClient((client) => dropWhere(client, (started) => started !== mine));
}
