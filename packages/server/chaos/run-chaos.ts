// `npm run chaos`: both platforms as processes, a fault proxy between them, users working cases over HTTP, a
// platform killed and restarted, attacks on the side; then the check of both databases. The last line is
// `operations=N lost=0 duplicated=0 diverged=0`; the exit code is non-zero when anything is not clean.
import { parseArgs } from 'node:util';
import { DEFAULT_RATES, finalLine, isClean, runChaos } from './chaos-harness.ts';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    concurrency: { type: 'string', default: '24' },
    'attacks-per-second': { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    'max-minutes': { type: 'string' },
  },
});

const seed = Number(values.seed);
const result = await runChaos({
  operations: Number(values.operations),
  seed,
  concurrency: Number(values.concurrency),
  rates: DEFAULT_RATES,
  attacksPerSecond: Number(values['attacks-per-second']),
  keep: values.keep,
  ...(values['max-minutes'] ? { maxMinutes: Number(values['max-minutes']) } : {}),
  progress: (line) => console.log(`[chaos] ${line}`),
});

const list = (title: string, lines: readonly string[]) => {
  if (lines.length === 0) return;
  console.log(`${title} (${lines.length}):`);
  for (const line of lines.slice(0, 30)) console.log(`  ${line}`);
};
console.log(`seed=${seed} seconds=${result.seconds} data=${values.keep ? result.workDir : '(removed)'}`);
console.log(`restarts: ${result.restarts.join('; ') || 'none'}`);
console.log(`faults: ${JSON.stringify(result.faults)}`);
console.log(`messages: ${JSON.stringify(result.messages)}`);
console.log(
  `attacks: ${result.attacks.sent} injected, ${result.attacks.wrongAnswers.length} answered wrongly`,
);
list('attacks answered wrongly', result.attacks.wrongAnswers);
list('server errors (5xx)', result.serverErrors);
list('unexpected answers', result.unexpected);
list('cases that did not finish', result.failedCases);
list('findings', result.findings);
console.log(finalLine(result));
process.exitCode = isClean(result) ? 0 : 1;
