import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration read at boot', () => {
  it('has working defaults for the embedded set-up', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: './data/tandem.db', redisUrl: undefined, demo: true, uploadsDir: './data/uploads' });
  });

  it('accepts PostgreSQL, Redis and a public URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/tandem', REDIS_URL: 'redis://cache:6379', PUBLIC_URL: 'https://tandem.example.org/', PORT: '8080' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@db:5432/tandem', redisUrl: 'redis://cache:6379', publicUrl: 'https://tandem.example.org', port: 8080 });
  });

  it('names every malformed variable in one clear message', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/x', REDIS_URL: 'cache:6379', PUBLIC_URL: 'not a url', SESSION_SECRET: 'short' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'SESSION_SECRET']) expect(message).toContain(name);
    }
  });
});
