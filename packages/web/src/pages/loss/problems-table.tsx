import { Table } from 'antd';
import type { LossProblem } from '../../api/loss-types.ts';
import { useLossText } from './loss-text.ts';

/** Every problem in a file, one per row, located by line and column (the engine's LossInputError). */
export function ProblemsTable({ problems, caption }: { problems: LossProblem[]; caption: string }) {
  const { lt, lang } = useLossText();
  // Keyed by position: one line can have several problems with the same column and code, and duplicate keys
  // made React keep rows of the previous file.
  const rows = problems.map((problem, index) => ({ ...problem, rowIndex: index }));
  return (
    <Table<LossProblem & { rowIndex: number }>
      size="small"
      rowKey="rowIndex"
      dataSource={rows}
      pagination={problems.length > 20 ? { pageSize: 20 } : false}
      title={() => <strong>{caption}</strong>}
      columns={[
        ...(problems.some((p) => p.investorId) ? [{ title: lt('investorId'), dataIndex: 'investorId' }] : []),
        { title: lt('colFile'), dataIndex: 'file' },
        { title: lt('colLine'), dataIndex: 'line', width: 70 },
        {
          title: lt('colColumn'),
          key: 'column',
          width: 160,
          render: (_: unknown, p: LossProblem) =>
            p.column === null
              ? (p.columnName ?? '')
              : `${p.column}${p.columnName ? ` (${p.columnName})` : ''}`,
        },
        {
          title: lt('colMessage'),
          key: 'message',
          render: (_: unknown, p: LossProblem) => `[${p.code}] ${lang === 'en' ? p.en : p.zh}`,
        },
      ]}
    />
  );
}
