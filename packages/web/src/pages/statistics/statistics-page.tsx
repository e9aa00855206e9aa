import {
  GROUP_BY_LABELS,
  GROUP_BYS,
  SECTOR_LABELS,
  SOURCE_LABELS,
} from '@sutiao/domain/statistics/dimensions.ts';
import { Alert, Button, Space, Spin, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  type FigureCases,
  getStatistics,
  type ListableFigure,
  listFigureCases,
  type Statistics,
  type StatisticsQuery,
  statisticsExportUrl,
} from '../../api/statistics.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { CASE_STATUS, labelOf } from '../../domain-labels.ts';
import { formatFen, todayIso } from '../../format.ts';
import { FigureCards, FilterSelect, field, formatFigure } from './figure-cards.tsx';
import { Breakdown } from './breakdown.tsx';
import { useStatisticsText } from './statistics-text.ts';

const FUNNEL = ['registered', 'accepted', 'settled'];

type Definition = Statistics['definitions'][number];

/**
 * The figures of DOMAIN §5 for a regulator or an organization's administrator: cards with each figure's definition
 * beside it, a breakdown table and chart, the cases behind any figure, and an Excel export of what is shown.
 */
export default function StatisticsPage() {
  const { pt, lang } = useStatisticsText();
  const today = todayIso();
  const [query, setQuery] = useState<StatisticsQuery>({
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    groupBy: 'month',
  });
  const [shown, setShown] = useState<StatisticsQuery>(query);
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ figure: ListableFigure; group?: string; label: string } | null>(null);

  const load = useCallback((q: StatisticsQuery) => {
    setError(null);
    getStatistics(q)
      .then((s) => {
        setStats(s);
        setShown(q);
        setDrill(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  // First load only: later loads come from the Show button.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial query
  useEffect(() => load(query), [load]);

  const set = (patch: Partial<StatisticsQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const value = (d: Definition, figures: Statistics['totals']) =>
    formatFigure(figures[d.figure] ?? null, d.unit, pt);

  return (
    <>
      <PageHeading
        title={pt('title')}
        sub={
          stats
            ? pt(
                stats.scope.kind === 'all'
                  ? 'subAll'
                  : stats.scope.kind === 'region'
                    ? 'subRegion'
                    : 'subOrg',
              )
            : null
        }
        extra={
          <a href={statisticsExportUrl(shown)} download>
            <Button>{pt('export')}</Button>
          </a>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          load(query);
        }}
      >
        <Space wrap align="end" style={{ marginBottom: 16 }}>
          <label style={field}>
            {pt('from')}
            <input type="date" value={query.from} onChange={(e) => set({ from: e.target.value })} required />
          </label>
          <label style={field}>
            {pt('to')}
            <input type="date" value={query.to} onChange={(e) => set({ to: e.target.value })} required />
          </label>
          <FilterSelect
            id="stats-group-by"
            label={pt('groupBy')}
            width={140}
            value={query.groupBy}
            onChange={(v) => set({ groupBy: v as StatisticsQuery['groupBy'] })}
            blank={pt('noGroup')}
            options={GROUP_BYS.map((g) => ({ value: g, label: GROUP_BY_LABELS[g][lang] }))}
          />
          <FilterSelect
            id="stats-organization"
            label={pt('organization')}
            width={220}
            value={query.organizationId}
            onChange={(v) => set({ organizationId: v })}
            blank={pt('allOrganizations')}
            options={(stats?.scope.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
          <FilterSelect
            id="stats-source"
            label={pt('source')}
            width={160}
            value={query.source}
            onChange={(v) => set({ source: v as StatisticsQuery['source'] })}
            blank={pt('all')}
            options={Object.entries(SOURCE_LABELS).map(([k, l]) => ({ value: k, label: l[lang] }))}
          />
          <FilterSelect
            id="stats-sector"
            label={pt('sector')}
            width={140}
            value={query.sector}
            onChange={(v) => set({ sector: v as StatisticsQuery['sector'] })}
            blank={pt('all')}
            options={Object.entries(SECTOR_LABELS).map(([k, l]) => ({ value: k, label: l[lang] }))}
          />
          <Button type="primary" htmlType="submit">
            {pt('apply')}
          </Button>
        </Space>
      </form>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      {!stats ? (
        <Spin />
      ) : (
        <>
          <h2 style={{ fontSize: 18 }}>{pt('totals')}</h2>
          <FigureCards
            definitions={stats.definitions}
            show={(d) => value(d, stats.totals)}
            onList={(d) => setDrill({ figure: d.figure as ListableFigure, label: d.label[lang] })}
          />
          {drill ? <DrillDown query={shown} drill={drill} onClose={() => setDrill(null)} /> : null}
          <h2 style={{ fontSize: 18 }}>{pt('loss')}</h2>
          <FigureCards
            definitions={stats.lossDefinitions}
            show={(d) => formatFigure(stats.loss[d.figure], d.unit, pt)}
          />
          {stats.groupBy ? (
            <Breakdown
              by={GROUP_BY_LABELS[stats.groupBy][lang]}
              groupBy={stats.groupBy}
              groups={stats.groups}
              definitions={stats.definitions}
              series={FUNNEL}
              chartTitle={pt('chart')}
              onList={(figure, group, label) => setDrill({ figure: figure as ListableFigure, group, label })}
            />
          ) : null}
        </>
      )}
    </>
  );
}

/** The cases behind one figure, paged; each links to the case. */
function DrillDown({
  query,
  drill,
  onClose,
}: {
  query: StatisticsQuery;
  drill: { figure: ListableFigure; group?: string; label: string };
  onClose: () => void;
}) {
  const { pt, lang } = useStatisticsText();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<FigureCases | null>(null);
  useEffect(() => {
    void listFigureCases({ ...query, figure: drill.figure, group: drill.group, page, pageSize: 20 }).then(
      setData,
    );
  }, [query, drill, page]);
  return (
    <section aria-labelledby="stats-drill" style={{ margin: '16px 0' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <h2 id="stats-drill" style={{ fontSize: 18, margin: 0 }}>
          {pt('casesOf', { figure: drill.label, group: '', total: data?.total ?? '…' })}
        </h2>
        <Button onClick={onClose}>{pt('close')}</Button>
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.caseId}-${r.day}-${r.amountFen}`}
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: pt('caseNumber'),
            render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber ?? r.caseId}</Link>,
          },
          { title: pt('organization'), dataIndex: 'organizationName' },
          { title: pt('status'), render: (_, r) => labelOf(CASE_STATUS, r.status, lang) },
          {
            title: pt('source'),
            render: (_, r) => SOURCE_LABELS[r.source as keyof typeof SOURCE_LABELS]?.[lang] ?? r.source,
          },
          { title: pt('day'), dataIndex: 'day' },
          { title: pt('claim'), render: (_, r) => formatFen(r.claimAmountFen) },
          ...(drill.figure.endsWith('Fen')
            ? [
                {
                  title: pt('amount'),
                  render: (_: unknown, r: FigureCases['items'][number]) => formatFen(r.amountFen),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
