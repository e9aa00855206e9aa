import { buildApp } from '../transport/http/app.ts';
import { JOBS } from '../jobs/job-registry.ts';
import { runScheduledJobsOnce, startJobs } from '../jobs/job-runner.ts';
import { waitForRunningAssessments } from '../use-cases/mediation/loss/resume-interrupted-runs.ts';
import { composePlatform } from './compose.ts';
import { readConfig } from './config.ts';
import { wireDemoPeer } from './demo-peer.ts';
import { seedDemo } from './seed/seed-demo.ts';

/** Runs one platform: `--platform court|mediation` (see README for flags and environment variables). */
async function main() {
  const config = readConfig(process.argv.slice(2), process.env);
  const { deps, database } = await composePlatform(config);
  if (config.seedDemo && (await seedDemo(deps))) console.log(`[${config.platform}] demo data seeded`);
  const app = await buildApp(deps, {
    ...(config.webDist ? { webDist: config.webDist } : {}),
    logger: config.logger,
    rateLimits: config.rateLimits,
    ...(config.trustedProxies ? { trustedProxies: config.trustedProxies } : {}),
  });
  await app.listen({ host: config.host, port: config.port });
  const name =
    config.platform === 'court'
      ? '人民法院调解平台 (court platform)'
      : '中国投资者网在线调解平台 (mediation platform)';
  console.log(`[${config.platform}] ${name} ready at ${config.publicUrl} — database: ${database.engine}`);

  // Background work: the registry's jobs of this platform, each under a lease (see jobs/job-runner.ts).
  const jobs = startJobs(deps, JOBS);
  // The demo's two platforms find each other (a real deployment registers its peer on the peers page).
  const peerUrl = process.env.SUTIAO_PEER_URL;
  const demoPeer =
    config.seedDemo && peerUrl
      ? wireDemoPeer(deps, peerUrl, () => {
          if (deps.platform === 'mediation') jobs.trigger('docking.directory-sync');
        })
      : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[${config.platform}] ${signal}: closing`);
    demoPeer?.stop();
    await jobs.stop();
    await app.close();
    // Give running loss assessments a moment; an unfinished one is resumed by the next instance to start.
    await Promise.race([waitForRunningAssessments(), new Promise((r) => setTimeout(r, 5000))]);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // After the handlers: a stop during these first runs still closes cleanly.
  await runScheduledJobsOnce(jobs, JOBS, deps);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
