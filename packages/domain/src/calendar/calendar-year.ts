import type { IsoDate } from './dates.ts';

/** One holiday period as announced: all days from `from` to `to` inclusive are days off. */
interface HolidayPeriod {
  readonly name: string;
  readonly nameEn: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** One year's official arrangement (国务院办公厅关于部分节假日安排的通知). */
export interface CalendarYear {
  readonly year: number;
  /** True while the State Council notice is not yet published and the data is our estimate. */
  readonly provisional: boolean;
  readonly source: string;
  readonly holidays: readonly HolidayPeriod[];
  /** Weekend days that are working days (调休上班). */
  readonly makeUpWorkdays: readonly IsoDate[];
  /** Extra exchange closures on days that are otherwise working days (e.g. 除夕 when it is not a holiday). */
  readonly extraExchangeClosures: readonly IsoDate[];
}
