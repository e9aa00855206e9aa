import type { CalendarYear } from '../calendar-year.ts';

/** First year under the revised 全国年节及纪念日放假办法 (除夕 and 2 May added, 13 statutory days). */
export const PRC_2025: CalendarYear = {
  year: 2025,
  provisional: false,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', nameEn: 'Spring Festival', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', nameEn: 'Qingming Festival', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', nameEn: 'Labour Day', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2025-05-31', to: '2025-06-02' },
    {
      name: '国庆节、中秋节',
      nameEn: 'National Day and Mid-Autumn Festival',
      from: '2025-10-01',
      to: '2025-10-08',
    },
  ],
  makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  extraExchangeClosures: [],
};
