import type { CalendarYear } from '../calendar-year.ts';

export const PRC_2024: CalendarYear = {
  year: 2024,
  provisional: false,
  source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2024-01-01', to: '2024-01-01' },
    { name: '春节', nameEn: 'Spring Festival', from: '2024-02-10', to: '2024-02-17' },
    { name: '清明节', nameEn: 'Qingming Festival', from: '2024-04-04', to: '2024-04-06' },
    { name: '劳动节', nameEn: 'Labour Day', from: '2024-05-01', to: '2024-05-05' },
    { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2024-06-10', to: '2024-06-10' },
    { name: '中秋节', nameEn: 'Mid-Autumn Festival', from: '2024-09-15', to: '2024-09-17' },
    { name: '国庆节', nameEn: 'National Day', from: '2024-10-01', to: '2024-10-07' },
  ],
  makeUpWorkdays: [
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
  ],
  // SSE/SZSE closed on 除夕 (Fri 9 Feb), a working day on which staff were encouraged to take leave.
  extraExchangeClosures: ['2024-02-09'],
};
