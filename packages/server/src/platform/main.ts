import { buildApp } from '../transport/http/app.ts';
import { sendDeadlineReminders } from '../use-cases/cases/send-deadline-reminders.ts';
import {
  resumeInterruptedRuns,
  waitForRunningAssessments,
} from '../use-cases/loss/resume-interrupted-runs.ts';
import { composePlatform } from './compose.ts';
import { readConfig } from './config.ts';
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
  });
  await app.listen({ host: config.host, port: config.port });
  const name =
    config.platform === 'court'
      ? '人民法院调解平台 (court platform)'
      : '中国投资者网在线调解平台 (mediation platform)';
  console.log(`[${config.platform}] ${name} ready at ${config.publicUrl} — database: ${database.engine}`);

  // Loss runs whose process died are taken over by any live instance (see run-lease.ts).
  const resume = () =>
    resumeInterruptedRuns(deps).catch((error: unknown) =>
      console.error(`[${config.platform}] resume failed`, error),
    );
  // Deadline reminders: idempotent per (case, deadline, level), so every instance may run them.
  const remind = () =>
    sendDeadlineReminders(deps).catch((error: unknown) =>
      console.error(`[${config.platform}] reminders failed`, error),
    );
  const timers =
    config.platform === 'mediation' ? [setInterval(resume, 60_000), setInterval(remind, 15 * 60_000)] : [];
  for (const timer of timers) timer.unref();
  if (config.platform === 'mediation') await Promise.all([resume(), remind()]);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[${config.platform}] ${signal}: closing`);
    for (const timer of timers) clearInterval(timer);
    await app.close();
    // Give running loss assessments a moment; an unfinished one is resumed by the next instance to start.
    await Promise.race([waitForRunningAssessments(), new Promise((r) => setTimeout(r, 5000))]);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
