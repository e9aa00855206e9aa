import { hash } from '@node-rs/argon2';
import { composePlatform } from '../src/platform/compose.ts';
import type { PlatformConfig } from '../src/platform/config.ts';
import { DEMO_PASSWORD } from '../src/platform/seed/demo-users.ts';
import { seedDemo } from '../src/platform/seed/seed-demo.ts';
import { benchDatabaseUrl, connectBench, recreateBenchDatabase } from './bench-database.ts';
import { type SeedTimings, seedBenchData } from './seed-bench-data.ts';

export interface Prepared {
  seed: SeedTimings;
  demoMs: number;
}

/** Fresh `sutiao_bench`: migrations and demo data through the real code, then the bulk data set. */
export async function prepareBench(config: PlatformConfig, log: (line: string) => void): Promise<Prepared> {
  await recreateBenchDatabase();
  const started = performance.now();
  const { deps, database } = await composePlatform({ ...config, databaseUrl: benchDatabaseUrl() });
  try {
    await seedDemo(deps);
  } finally {
    await database.close();
  }
  const demoMs = performance.now() - started;
  log(`  migrations and demo data: ${(demoMs / 1000).toFixed(1)} s`);
  const client = await connectBench();
  try {
    const seed = await seedBenchData(client, await hash(DEMO_PASSWORD), log);
    return { seed, demoMs };
  } finally {
    await client.end();
  }
}
