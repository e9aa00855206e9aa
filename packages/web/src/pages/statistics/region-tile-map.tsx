import { Segmented } from 'antd';
import { useState } from 'react';
import { type Definition, formatFigure, LISTABLE_UNITS } from './figure-cards.tsx';
import { useStatisticsText } from './statistics-text.ts';

/**
 * Where each provincial-level region sits in the tile grid (row, column): a cartogram of equal tiles in roughly their
 * places, not a drawn map — a map of China's borders may be published only as an approved map (审图号), and a grid
 * keeps every region, small or large, equally readable and clickable.
 */
const TILES: ReadonlyArray<readonly [name: string, row: number, col: number]> = [
  ['黑龙江', 0, 7],
  ['新疆', 1, 0],
  ['内蒙古', 1, 4],
  ['吉林', 1, 7],
  ['甘肃', 2, 2],
  ['宁夏', 2, 3],
  ['北京', 2, 5],
  ['辽宁', 2, 6],
  ['西藏', 3, 0],
  ['青海', 3, 1],
  ['陕西', 3, 3],
  ['山西', 3, 4],
  ['河北', 3, 5],
  ['天津', 3, 6],
  ['四川', 4, 2],
  ['重庆', 4, 3],
  ['河南', 4, 4],
  ['山东', 4, 5],
  ['贵州', 5, 3],
  ['湖北', 5, 4],
  ['安徽', 5, 5],
  ['江苏', 5, 6],
  ['上海', 5, 7],
  ['云南', 6, 2],
  ['湖南', 6, 4],
  ['江西', 6, 5],
  ['浙江', 6, 6],
  ['广西', 7, 3],
  ['广东', 7, 4],
  ['福建', 7, 5],
  ['台湾', 7, 6],
  ['海南', 8, 2],
  ['澳门', 8, 3],
  ['香港', 8, 4],
];
const PLACED = new Set(TILES.map(([name]) => name));

/** Five steps of one hue, each with a text colour of at least 4.5:1 contrast on it (WCAG 2.1 AA). */
const STEPS = [
  { background: '#eff6ff', color: '#1f2937' },
  { background: '#bfdbfe', color: '#1f2937' },
  { background: '#60a5fa', color: '#111827' },
  { background: '#2563eb', color: '#ffffff' },
  { background: '#1e3a8a', color: '#ffffff' },
];
const EMPTY = { background: '#f3f4f6', color: '#4b5563' };

interface Group {
  key: string;
  label: { zh: string; en: string };
  figures: Record<string, number | null>;
}

/** The step of a value among the largest one: 0–4 by fifths of the maximum. */
const stepOf = (value: number, max: number) =>
  Math.min(STEPS.length - 1, Math.floor((value / max) * STEPS.length));

/**
 * The breakdown by region as a province tile map: one tile per provincial-level region, shaded by the chosen figure,
 * and the cities under separate state planning (计划单列市, which have their own CSRC bureau) and anything unplaced
 * beside it. A tile with cases opens them.
 */
export default function RegionTileMap({
  groups,
  definitions,
  series,
  onList,
}: {
  groups: Group[];
  definitions: Definition[];
  series: string[];
  onList: (figure: string, group: string, label: string) => void;
}) {
  const { pt, lang } = useStatisticsText();
  const shown = definitions.filter((d) => series.includes(d.figure));
  const [figure, setFigure] = useState(shown[0]?.figure ?? '');
  const definition = shown.find((d) => d.figure === figure) ?? shown[0];
  if (!definition) return null;
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const figureAt = (key: string) => byKey.get(key)?.figures[definition.figure] ?? null;
  const max = Math.max(0, ...groups.map((g) => g.figures[definition.figure] ?? 0));
  const others = groups.filter((g) => !PLACED.has(g.key));

  const tile = (key: string, name: string, place?: { row: number; col: number }) => {
    const value = figureAt(key);
    const shade = value && max > 0 ? (STEPS[stepOf(value, max)] ?? EMPTY) : EMPTY;
    const text = `${name} ${definition.label[lang]} ${formatFigure(value, definition.unit, pt)}`;
    const style = {
      ...shade,
      ...(place ? { gridRow: place.row + 1, gridColumn: place.col + 1 } : {}),
      border: '1px solid #d1d5db',
      borderRadius: 4,
      padding: '4px 2px',
      minHeight: 52,
      font: 'inherit',
      textAlign: 'center' as const,
      lineHeight: 1.3,
    };
    const body = (
      <>
        <span style={{ display: 'block', fontSize: 13 }}>{name}</span>
        <strong style={{ display: 'block', fontSize: 14 }}>
          {value ? formatFigure(value, definition.unit, pt) : '—'}
        </strong>
      </>
    );
    return value && LISTABLE_UNITS.includes(definition.unit) ? (
      <button
        key={key}
        type="button"
        aria-label={text}
        style={{ ...style, cursor: 'pointer' }}
        onClick={() => onList(definition.figure, key, `${definition.label[lang]} · ${name}`)}
      >
        {body}
      </button>
    ) : (
      <div key={key} role="img" aria-label={text} style={style}>
        {body}
      </div>
    );
  };

  return (
    <section aria-labelledby="stats-region-map" data-testid="region-map" style={{ marginBottom: 16 }}>
      <h3 id="stats-region-map" style={{ fontSize: 16 }}>
        {pt('regionMap')}
      </h3>
      {shown.length > 1 ? (
        <Segmented
          aria-label={pt('regionMapFigure')}
          value={definition.figure}
          onChange={(v) => setFigure(String(v))}
          options={shown.map((d) => ({ value: d.figure, label: d.label[lang] }))}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(8, minmax(56px, 1fr))',
          gap: 4,
          maxWidth: 640,
        }}
      >
        {TILES.map(([name, row, col]) => tile(name, name, { row, col }))}
      </div>
      {others.length > 0 ? (
        <>
          <h4 style={{ fontSize: 14, margin: '12px 0 4px' }}>{pt('regionOthers')}</h4>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(8, minmax(56px, 1fr))',
              gap: 4,
              maxWidth: 640,
            }}
          >
            {others.map((g) => tile(g.key, g.label[lang]))}
          </div>
        </>
      ) : null}
      <p style={{ fontSize: 13, color: '#4b5563', marginTop: 8 }}>
        {pt('regionMapLegend', { max: formatFigure(max, definition.unit, pt) })}
      </p>
    </section>
  );
}
