import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { listCases } from '../api/client.ts';
import { CASE_STATUS, labelOf } from '../domain-labels.ts';
import { useI18n } from '../i18n/index.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A count as shown: the server stops counting at 10,000, so a capped total reads "10,000+". */
function countText(item: { total: number; capped: boolean }): string {
  return item.capped ? `${item.total.toLocaleString('en-US')}+` : String(item.total);
}

/** Cases per status (counts from the list endpoint's `total`); loaded lazily so ECharts stays off the first page. */
export default function StatusChart({ title }: { title: string }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [counts, setCounts] = useState<{ status: string; total: number; capped: boolean }[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const statuses = Object.keys(CASE_STATUS);
    Promise.all(
      statuses.map((status) =>
        listCases({ status, page: 1, pageSize: 1 }, controller.signal).then((result) => ({
          status,
          total: result.total,
          capped: result.totalCapped === true,
        })),
      ),
    )
      .then(setCounts)
      .catch(() => {});
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!ref.current || !counts) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown, index: number) => {
          const item = counts[index];
          return item ? countText(item) : String(value);
        },
      },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: counts.map((item) => labelOf(CASE_STATUS, item.status, lang)),
        axisLabel: { color: '#1f2937' },
      },
      series: [{ type: 'bar', data: counts.map((item) => item.total), itemStyle: { color: '#1d4ed8' } }],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [counts, lang]);

  const summary = counts
    ? counts
        .map((item) => `${labelOf(CASE_STATUS, item.status, lang)} ${countText(item)}`)
        .join(lang === 'en' ? ', ' : '，')
    : t('chart.loading');
  return (
    <figure style={{ margin: 0 }}>
      <div
        ref={ref}
        role="img"
        aria-label={`${title}${t('sep.colon')}${summary}`}
        style={{ width: '100%', height: 360 }}
      />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
