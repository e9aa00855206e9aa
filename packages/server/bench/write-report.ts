import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BenchResults, latencyTable, seedLines, throughputLine } from './report.ts';

const DOC = fileURLToPath(new URL('../../../docs/performance.md', import.meta.url));
const HEADING = '## Platform (issue 2)';
const NOTES = fileURLToPath(new URL('./performance-notes.md', import.meta.url));

/** The generated section: this run's figures, then the hand-kept notes (before/after of the fixes). */
export async function renderSection(r: BenchResults): Promise<string> {
  const notes = existsSync(NOTES) ? (await readFile(NOTES, 'utf8')).trim() : '';
  return [
    HEADING,
    '',
    `Command: \`npm run bench\` (scripts/bench.mjs → packages/server/bench/run-bench.ts). Last run ${r.at.slice(0, 16).replace('T', ' ')} UTC,`,
    `${r.elapsedSeconds.toFixed(0)} s end to end. Machine: ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}`,
    '(127.0.0.1:5432, database `sutiao_bench`, default settings); server = `main.ts --platform mediation --quiet`, one process;',
    `load generators run on the same 2 cores (compare runs side by side, not absolute numbers). Load average (1/5/15 min): ${r.loadBefore.join(' / ')} at the start, ${r.loadAfter.join(' / ')} at the end.`,
    '',
    `Data: ${Number(r.shape.cases).toLocaleString('en')} cases over the center, its 35 workstations and 3 other organizations, ${Number(r.shape.investors).toLocaleString('en')} investors, ${r.shape.mediators} mediators, ${Number(r.shape.benchFirms) + 6} firms, 14 statuses, 2023–2026, one timeline event per case; case numbers gapless per organization and year.`,
    ...seedLines(r.seed),
    '',
    `### Case lists — GET /api/cases (busiest mediator: ${r.mediatorCases} cases; center_admin: the center and its workstations)`,
    '',
    'Sequential requests on one keep-alive connection, 50 warm-up then 500 measured (fewer only if a scenario exceeded its 40 s budget).',
    '',
    ...latencyTable(r.lists),
    '',
    '### Application submissions — POST /api/cases `submit: true`',
    '',
    'autocannon in a second process, each connection a different signed-in investor, 5 s warm-up.',
    '',
    `- Side by side with the bare anchor (\`bench/anchor-server.ts\`: Fastify, one insert in one transaction, same PostgreSQL, pool, connections and load generator), ${r.sideBySide.rounds.length} alternating rounds: submissions ${r.sideBySide.submitPerSecond.toFixed(0)}/s, anchor ${r.sideBySide.anchorPerSecond.toFixed(0)}/s — **${(r.sideBySide.ratio * 100).toFixed(0)} % of the anchor** (rounds: ${r.sideBySide.rounds.map((x) => `${x.submit.perSecond.toFixed(0)}/${x.anchor.perSecond.toFixed(0)}`).join(', ')}).`,
    `- One server process, last round: ${throughputLine(r.submit)}.`,
    `- Two server processes (each with its own load generator, half the connections): ${throughputLine(r.submitTwo)}; latencies are the worse of the two.`,
    `- Afterwards: ${r.integrity.sequences} case-number sequences, ${r.integrity.gaps === 0 ? 'all gapless' : `${r.integrity.gaps} with gaps`}; audit log ${r.integrity.audit.ok ? 'intact' : 'BROKEN'} (${r.integrity.audit.records} records, verifyAuditLog); \`npm run audit:verify\` exit ${r.auditVerify.status}: ${r.auditVerify.output.split('\n').at(-1)}`,
    ...(notes ? ['', notes] : []),
    '',
  ].join('\n');
}

/** Replaces (or appends) only the `## Platform (issue 2)` section; the rest of the file is someone else's. */
export async function writeReport(r: BenchResults): Promise<void> {
  const section = await renderSection(r);
  const current = existsSync(DOC) ? await readFile(DOC, 'utf8') : '# Performance\n';
  const start = current.indexOf(HEADING);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = current.indexOf('\n## ', start + HEADING.length);
    next = `${current.slice(0, start)}${section}${after === -1 ? '' : `\n${current.slice(after + 1)}`}`;
  }
  await writeFile(DOC, next);
}
