import { Select } from 'antd';
import { todayIso } from '../format.ts';

/** This year (Beijing) and the four before it, the years yearly figures are read for. */
export const currentYear = () => Number(todayIso().slice(0, 4));

/** A labelled choice of year for the yearly pages (training, evaluation, public figures). */
export function YearSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (year: number) => void;
}) {
  const year = currentYear();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        style={{ width: 110 }}
        options={Array.from({ length: 5 }, (_, i) => ({ value: year - i, label: String(year - i) }))}
      />
    </>
  );
}
