import type { LossResult } from '../../api/loss-types.ts';
import { type PlainLossKey, usePlainLossText } from './plain-loss-text.ts';

/** Several segments' figures are joined with "|" by the engine; people read "/". */
const figure = (value: string | undefined) => (value ?? '').split('|').join(' / ');

/** Sum of a money column over segments ("1.00|2.00" → 3). */
function amount(value: string | undefined): number {
  return (value ?? '')
    .split('|')
    .map(Number)
    .filter(Number.isFinite)
    .reduce((a, b) => a + b, 0);
}

/** A trade's window in words (pre, W1, W2, post). */
export function useWindowLabel() {
  const { pt } = usePlainLossText();
  return (window: string | null | undefined) =>
    window && ['pre', 'W1', 'W2', 'post'].includes(window) ? pt(window as PlainLossKey) : (window ?? '');
}

/**
 * The investor's own result in sentences and a small bar picture (paid, got back or worth, deducted, assessed);
 * the formula symbols stay on the analyst's view.
 */
export function PlainLossView({ result }: { result: LossResult }) {
  const { pt, lang } = usePlainLossText();
  const row = result.row;
  const e = result.explanation;
  if (!result.eligible) {
    const reason = e ? (lang === 'en' ? e.reasonEn : e.reasonZh) : result.reason;
    return <p data-testid="plain-loss">{pt('notEligible', { reason })}</p>;
  }
  const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, figure(v)]));
  const ratio = amount(row.r);
  const multi = (row.N ?? '').includes('|');
  const paid = sumProducts(row.N ?? '', row.C ?? '');
  const loss = amount(row.L);
  const deducted = amount(row.L) - amount(row.L_deducted);
  const total = amount(row.total);
  const worth = Math.max(paid - loss, 0);
  const max = Math.max(paid, total, 1);
  const bars: { key: PlainLossKey; value: number; color: string }[] = [
    { key: 'paid', value: paid, color: '#1d4ed8' },
    { key: 'worth', value: worth, color: '#6b7280' },
    { key: 'deducted', value: deducted, color: '#b45309' },
    { key: 'compensable', value: total, color: '#047857' },
  ];
  return (
    <section aria-label={pt('title')} data-testid="plain-loss">
      <h3 style={{ fontSize: 15 }}>{pt('title')}</h3>
      <p>{pt('bought', values)}</p>
      {amount(row.Ns) > 0 ? <p>{pt('sold', values)}</p> : null}
      {amount(row.Nh) > 0 ? <p>{pt('held', values)}</p> : null}
      <p>{pt('loss', values)}</p>
      <p>
        {ratio > 0
          ? pt('risk', { ...values, percent: `${(ratio * 100).toFixed(2)} %` })
          : pt('noRisk', values)}
      </p>
      <p>
        {pt('fees', values)}
        {amount(row.interest) > 0 ? pt('interest', values) : ''}
        {pt('total', values)}
      </p>
      {multi ? <p>{pt('segments')}</p> : null}
      <figure style={{ margin: '12px 0' }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{pt('picture')}</figcaption>
        {bars.map((bar) => (
          <div key={bar.key} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
            <span style={{ width: 120, flexShrink: 0 }}>{pt(bar.key)}</span>
            <span
              aria-hidden="true"
              style={{
                display: 'inline-block',
                height: 14,
                width: `${Math.max((bar.value / max) * 60, 1)}%`,
                background: bar.color,
                borderRadius: 3,
              }}
            />
            <span>¥{bar.value.toFixed(2)}</span>
          </div>
        ))}
      </figure>
    </section>
  );
}

/** Σ N·C over segments. */
function sumProducts(n: string, c: string): number {
  const ns = n.split('|').map(Number);
  const cs = c.split('|').map(Number);
  return ns.reduce((sum, shares, i) => sum + (Number.isFinite(shares) ? shares * (cs[i] ?? 0) : 0), 0);
}
