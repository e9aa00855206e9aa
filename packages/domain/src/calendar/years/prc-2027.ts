import type { CalendarYear } from '../calendar-year.ts';

/**
 * PROVISIONAL — our estimate, not the official arrangement. Statutory days per the revised 全国年节及纪念日放假办法
 * (元旦1, 春节4 from 除夕, 清明1, 劳动节2, 端午1, 中秋1, 国庆3), lunar dates 除夕 2027-02-05, 清明 04-05, 端午 06-09,
 * 中秋 09-15, with the usual bridging pattern. When the State Council publishes 国务院办公厅关于2027年部分节假日安排的通知,
 * replace holidays and makeUpWorkdays with its dates, set `provisional: false`, cite it in `source`, and update the tests.
 */
export const PRC_2027: CalendarYear = {
  year: 2027,
  provisional: true,
  source: 'Estimate pending 国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', nameEn: 'Spring Festival', from: '2027-02-05', to: '2027-02-12' },
    { name: '清明节', nameEn: 'Qingming Festival', from: '2027-04-03', to: '2027-04-05' },
    { name: '劳动节', nameEn: 'Labour Day', from: '2027-05-01', to: '2027-05-05' },
    { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2027-06-09', to: '2027-06-09' },
    { name: '中秋节', nameEn: 'Mid-Autumn Festival', from: '2027-09-15', to: '2027-09-15' },
    { name: '国庆节', nameEn: 'National Day', from: '2027-10-01', to: '2027-10-07' },
  ],
  makeUpWorkdays: ['2027-01-31', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
  extraExchangeClosures: [],
};
