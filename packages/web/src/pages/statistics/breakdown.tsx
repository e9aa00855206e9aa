import { Button, Empty, Spin, Table } from 'antd';
import { lazy, Suspense } from 'react';
import { type Definition, formatFigure, LISTABLE_UNITS } from './figure-cards.tsx';
import { useStatisticsText } from './statistics-text.ts';

const StatisticsChart = lazy(() => import('./statistics-chart.tsx'));
const RegionTileMap = lazy(() => import('./region-tile-map.tsx'));

interface Group {
  key: string;
  label: { zh: string; en: string };
  figures: Record<string, number | null>;
}

/**
 * A breakdown of the figures: its chart (ECharts, loaded with it) of the `series` figures, and a table of every
 * figure per group whose counts and amounts open the cases behind them.
 */
export function Breakdown({
  by,
  groupBy,
  groups,
  definitions,
  series,
  chartTitle,
  onList,
}: {
  by: string;
  /** The dimension: by region, a province tile map comes first. */
  groupBy?: string;
  groups: Group[];
  definitions: Definition[];
  series: string[];
  chartTitle: string;
  onList: (figure: string, group: string, label: string) => void;
}) {
  const { pt, lang } = useStatisticsText();
  const value = (d: Definition, g: Group) => formatFigure(g.figures[d.figure] ?? null, d.unit, pt);
  return (
    <>
      <h2 style={{ fontSize: 18 }}>
        {pt('breakdown')} · {by}
      </h2>
      {groups.length === 0 ? (
        <Empty description={pt('empty')} />
      ) : (
        <>
          {groupBy === 'region' ? (
            <Suspense fallback={<Spin />}>
              <RegionTileMap groups={groups} definitions={definitions} series={series} onList={onList} />
            </Suspense>
          ) : null}
          <Suspense fallback={<Spin />}>
            <StatisticsChart
              groups={groups}
              definitions={definitions}
              series={series}
              lang={lang}
              title={chartTitle}
            />
          </Suspense>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: true }}
            dataSource={groups}
            columns={[
              { title: pt('group'), render: (_, g) => g.label[lang], fixed: 'left' },
              ...definitions.map((d) => ({
                title: d.label[lang],
                key: d.figure,
                render: (_: unknown, g: Group) =>
                  LISTABLE_UNITS.includes(d.unit) && g.figures[d.figure] ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => onList(d.figure, g.key, `${d.label[lang]} · ${g.label[lang]}`)}
                    >
                      {value(d, g)}
                    </Button>
                  ) : (
                    value(d, g)
                  ),
              })),
            ]}
          />
        </>
      )}
    </>
  );
}
