import { Button, Card, Select } from 'antd';
import { formatFen } from '../../format.ts';
import { useStatisticsText } from './statistics-text.ts';

/** What both platforms' statistics pages show of a figure: its value, its definition, its unit. */
export interface Definition {
  figure: string;
  label: { zh: string; en: string };
  definition: { zh: string; en: string };
  unit: 'count' | 'fen' | 'rate' | 'days';
}

/** Counts and amounts open the cases behind them; rates and medians derive. */
export const LISTABLE_UNITS = ['count', 'fen'];
export const field = { display: 'flex', flexDirection: 'column', gap: 4 } as const;

/** One card per figure: its value, its definition beside it, and (for counts and amounts) the cases behind it. */
export function FigureCards<D extends Definition>({
  definitions,
  show,
  onList,
}: {
  definitions: D[];
  show: (d: D) => string;
  onList?: (d: D) => void;
}) {
  const { pt, lang } = useStatisticsText();
  return (
    <ul
      style={{
        listStyle: 'none',
        padding: 0,
        display: 'grid',
        gap: 12,
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
      }}
    >
      {definitions.map((d) => (
        <li key={d.figure}>
          <Card size="small" title={d.label[lang]} style={{ height: '100%' }}>
            <p style={{ fontSize: 24, margin: 0, fontVariantNumeric: 'tabular-nums' }} data-figure={d.figure}>
              {show(d)}
            </p>
            <p style={{ margin: '8px 0', color: 'rgba(0,0,0,0.7)', fontSize: 13 }}>
              <span className="visually-hidden">{pt('definition')}: </span>
              <span>{d.definition[lang]}</span>
            </p>
            {onList && LISTABLE_UNITS.includes(d.unit) ? (
              <Button
                size="small"
                onClick={() => onList(d)}
                aria-label={`${pt('showCases')}: ${d.label[lang]}`}
              >
                {pt('showCases')}
              </Button>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** A labelled filter whose first option (value '') means "not narrowed". */
export function FilterSelect({
  id,
  label,
  width,
  value,
  onChange,
  blank,
  options,
}: {
  id: string;
  label: string;
  width: number;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  blank: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div style={field}>
      <span id={id}>{label}</span>
      <Select
        aria-labelledby={id}
        style={{ minWidth: width }}
        value={value ?? ''}
        onChange={(v: string) => onChange(v === '' ? undefined : v)}
        showSearch
        optionFilterProp="label"
        options={[{ value: '', label: blank }, ...options]}
      />
    </div>
  );
}

export function formatFigure(
  value: number | null,
  unit: Definition['unit'],
  pt: ReturnType<typeof useStatisticsText>['pt'],
): string {
  if (value === null) return pt('none');
  if (unit === 'fen') return formatFen(value);
  if (unit === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'days') return pt('days', { n: value });
  return value.toLocaleString('en-US');
}
