/** The shape of the benchmark data set (issue 2): sizes and the distributions the bulk seeder draws from. */
export const BENCH_SHAPE = {
  /** SUTIAO_BENCH_CASES overrides the size for a quick trial run. */
  cases: Number(process.env.SUTIAO_BENCH_CASES ?? 1_000_000),
  investors: 50_000,
  /** 240 in the center's 35 workstations, 20 in each of the other three mediation organizations. */
  mediators: 300,
  centerMediators: 240,
  benchFirms: 200,
  /** Cases are spread over submissions from this date until the run. */
  firstSubmission: '2023-01-01T00:00:00+08:00',
} as const;

/** Status mix of a mature platform (share of all cases); the rest of the probability mass is `performed`. */
export const STATUS_MIX: readonly (readonly [string, number])[] = [
  ['draft', 0.01],
  ['submitted', 0.03],
  ['needs_supplement', 0.01],
  ['registered', 0.02],
  ['consulting', 0.03],
  ['accepted', 0.03],
  ['not_accepted', 0.04],
  ['mediating', 0.12],
  ['agreement_pending', 0.02],
  ['agreement_effective', 0.2],
  ['failed', 0.15],
  ['withdrawn', 0.08],
  ['terminated', 0.02],
  ['performed', 0.24],
];

/** Statuses in which a mediator has been assigned. */
export const MEDIATED_STATUSES = [
  'mediating',
  'agreement_pending',
  'agreement_effective',
  'failed',
  'performed',
] as const;

/** Statuses after acceptance, which carry a track. */
export const TRACKED_STATUSES = [...MEDIATED_STATUSES, 'accepted', 'terminated'] as const;

export const TERMINAL_STATUSES = [
  'not_accepted',
  'agreement_effective',
  'failed',
  'withdrawn',
  'terminated',
  'performed',
] as const;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞宇浩然思雨欣怡子涵梓轩晨阳';

/** SQL expression: the display name of bench user number `n` (an integer expression), the same wherever used. */
export function benchNameSql(n: string): string {
  return `substr('${SURNAMES}', 1 + (${n}) % ${[...SURNAMES].length}, 1) || substr('${GIVEN}', 1 + ((${n}) / 7) % ${[...GIVEN].length}, 1) || substr('${GIVEN}', 1 + ((${n}) / 3) % ${[...GIVEN].length}, 1)`;
}

/** SQL CASE picking a status from STATUS_MIX for a uniform random number `r` in [0,1). */
export function statusSql(r: string): string {
  let cumulative = 0;
  const arms = STATUS_MIX.slice(0, -1).map(([status, share]) => {
    cumulative += share;
    return `when ${r} < ${cumulative.toFixed(4)} then '${status}'`;
  });
  return `case ${arms.join(' ')} else '${STATUS_MIX.at(-1)![0]}' end`;
}

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
