import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Definition } from './figure-cards.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLORS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed'];

interface ChartProps {
  groups: { label: { zh: string; en: string }; figures: Record<string, number | null> }[];
  definitions: Definition[];
  /** The figures drawn side by side per group, e.g. the funnel registered → accepted → settled. */
  series: string[];
  lang: 'zh' | 'en';
  title: string;
}

/** Figures per group as grouped bars, with a text summary for screen readers; loaded only on statistics pages. */
export default function StatisticsChart({ groups, definitions, series, lang, title }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const names = useMemo(
    () => Object.fromEntries(definitions.map((d) => [d.figure, d.label[lang]])),
    [definitions, lang],
  );
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: groups.map((g) => g.label[lang]), axisLabel: { color: '#1f2937' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((figure, i) => ({
        name: names[figure],
        type: 'bar',
        data: groups.map((g) => g.figures[figure]),
        itemStyle: { color: COLORS[i % COLORS.length] },
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [groups, series, lang, names]);
  const summary = groups
    .map((g) => `${g.label[lang]}: ${series.map((f) => `${names[f]} ${g.figures[f]}`).join(', ')}`)
    .join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} role="img" aria-label={`${title}: ${summary}`} style={{ width: '100%', height: 320 }} />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
