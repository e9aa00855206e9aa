import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Statistics } from '../../api/statistics.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const SERIES = ['registered', 'accepted', 'settled'] as const;
const COLORS = ['#1d4ed8', '#0f766e', '#b45309'];

/** The funnel per group (registered → accepted → settled) as grouped bars; loaded only on the statistics page. */
export default function StatisticsChart({
  stats,
  lang,
  title,
}: {
  stats: Statistics;
  lang: 'zh' | 'en';
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const names = useMemo(
    () => Object.fromEntries(stats.definitions.map((d) => [d.figure, d.label[lang]])),
    [stats, lang],
  );
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: stats.groups.map((g) => g.label[lang]),
        axisLabel: { color: '#1f2937' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((figure, i) => ({
        name: names[figure],
        type: 'bar',
        data: stats.groups.map((g) => g.figures[figure]),
        itemStyle: { color: COLORS[i] },
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [stats, lang, names]);
  const summary = stats.groups
    .map((g) => `${g.label[lang]}: ${SERIES.map((f) => `${names[f]} ${g.figures[f]}`).join(', ')}`)
    .join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} role="img" aria-label={`${title}: ${summary}`} style={{ width: '100%', height: 320 }} />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
