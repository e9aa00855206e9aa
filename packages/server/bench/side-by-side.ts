import { measureThroughput, type ThroughputResult } from './measure-throughput.ts';
import type { Session } from './sign-in.ts';

export interface SideBySide {
  rounds: { anchor: ThroughputResult; submit: ThroughputResult }[];
  /** Means over the rounds. */
  anchorPerSecond: number;
  submitPerSecond: number;
  /** submissions/s ÷ anchor/s, from the means. */
  ratio: number;
}

/**
 * Alternates the bare anchor and the submissions, round by round, with the same sessions, connections, durations and
 * load generator: the machine is shared and noisy, so only figures taken side by side are compared.
 */
export async function measureSideBySide(options: {
  serverUrl: string;
  anchorUrl: string;
  sessions: Session[];
  workDir: string;
  seconds: number;
  connections: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<SideBySide> {
  const common = {
    sessions: options.sessions,
    workDir: options.workDir,
    seconds: options.seconds,
    connections: options.connections,
    warmupSeconds: 3,
  };
  const rounds: SideBySide['rounds'] = [];
  for (let i = 0; i < options.rounds; i++) {
    // Odd rounds start with the submissions, even rounds with the anchor: neither always gets the quieter moment.
    const anchorRun = () => measureThroughput({ ...common, baseUrl: options.anchorUrl, path: '/anchor' });
    const submitRun = () => measureThroughput({ ...common, baseUrl: options.serverUrl });
    const submit = i % 2 === 0 ? await submitRun() : undefined;
    const anchor = await anchorRun();
    const submitted = submit ?? (await submitRun());
    options.log(
      `  round ${i + 1}: anchor ${anchor.perSecond.toFixed(0)}/s (${anchor.non2xx} non-2xx), submissions ${submitted.perSecond.toFixed(0)}/s (${submitted.non2xx} non-2xx, p50 ${submitted.latency.p50} ms, p99 ${submitted.latency.p99} ms) — ${pct(submitted.perSecond / anchor.perSecond)}`,
    );
    rounds.push({ anchor, submit: submitted });
  }
  const mean = (pick: (r: SideBySide['rounds'][number]) => number) =>
    rounds.reduce((acc, r) => acc + pick(r), 0) / rounds.length;
  const anchorPerSecond = mean((r) => r.anchor.perSecond);
  const submitPerSecond = mean((r) => r.submit.perSecond);
  return { rounds, anchorPerSecond, submitPerSecond, ratio: submitPerSecond / anchorPerSecond };
}

export const pct = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
