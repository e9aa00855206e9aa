import { usePageText } from '../../i18n/page-text.ts';

/** The investor's result in words (no formula symbols): what was paid, what it was worth, what is deducted and why. */
const zh = {
  title: '计算说明',
  bought: '您在虚假陈述实施日至揭露日前买入、可以获得赔偿的股份共 {N} 股，平均每股成本 {C} 元。',
  sold: '其中 {Ns} 股在揭露日至基准日期间卖出，平均每股卖出价 {Ps} 元。',
  held: '其余 {Nh} 股按基准价每股 {B} 元计算价值（基准日后是否卖出都这样计算）。',
  loss: '买入成本与卖出所得、持有价值之间的差额，即投资差额损失，为 {L} 元。',
  risk: '股价下跌中有一部分是整个市场下跌造成的，不属于虚假陈述的后果，按 {percent} 的比例扣除，扣除后为 {L_deducted} 元。',
  noRisk: '本次核定未扣除市场系统风险，投资差额损失即为 {L_deducted} 元。',
  fees: '再加上这些股份买卖时支付的佣金 {commission} 元和印花税 {stamp_duty} 元',
  interest: '，以及利息 {interest} 元',
  total: '，合计核定损失 {total} 元。',
  notEligible: '未计算损失的原因：{reason}',
  picture: '示意图',
  paid: '买入成本',
  worth: '卖出所得与持有价值',
  deducted: '市场风险扣除',
  compensable: '核定损失',
  segments: '（多个区间时，各区间的数字依次列出，用“/”分隔。）',
  pre: '实施日前',
  W1: '实施日至揭露日前',
  W2: '揭露日至基准日',
  post: '基准日后',
};
const en: typeof zh = {
  title: 'How it was worked out',
  bought:
    'Between the implementation date and the day before the disclosure you bought {N} shares that can be compensated, at an average cost of ¥{C} a share.',
  sold: 'Of these, you sold {Ns} between the disclosure date and the base date, at an average of ¥{Ps} a share.',
  held: 'The other {Nh} are valued at the base price of ¥{B} a share (whether or not you sold them after the base date).',
  loss: 'The difference between what you paid and what you got back or still held is the investment loss: ¥{L}.',
  risk: 'Part of the fall came from the whole market, not from the misstatement: {percent} of it is deducted, leaving ¥{L_deducted}.',
  noRisk: 'No market-risk deduction was made: the investment loss is ¥{L_deducted}.',
  fees: 'Add the commission of ¥{commission} and the stamp duty of ¥{stamp_duty} paid on these trades',
  interest: ', and interest of ¥{interest}',
  total: ': the assessed loss is ¥{total}.',
  notEligible: 'No loss was worked out because: {reason}',
  picture: 'In a picture',
  paid: 'What you paid',
  worth: 'Got back or still worth',
  deducted: 'Market risk deducted',
  compensable: 'Assessed loss',
  segments: '(With several periods, the figures of each are listed in turn, separated by "/".)',
  pre: 'before the implementation date',
  W1: 'implementation to the day before disclosure',
  W2: 'disclosure to the base date',
  post: 'after the base date',
};

export type PlainLossKey = keyof typeof zh;
export const usePlainLossText = () => usePageText(zh, en);
