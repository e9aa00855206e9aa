/** Display masking for personal data in lists (DESIGN §3); full values are revealed only with `pii.reveal`. */

/** Two-character surnames, so 欧阳修文 masks to 欧阳** rather than 欧***. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '澹台',
  '万俟',
  '闻人',
  '申屠',
  '濮阳',
  '太史',
  '钟离',
  '赫连',
  '东郭',
  '百里',
  '拓跋',
  '完颜',
  '公羊',
  '左丘',
  '第五',
  '司空',
  '单于',
  '淳于',
  '仲孙',
  '范姜',
]);

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

/** ID number: first and last character kept, e.g. 1****************X. */
export function maskIdNumber(id: string): string {
  const chars = [...id.trim()];
  if (chars.length <= 2) return stars(chars.length);
  return `${chars[0]}${stars(chars.length - 2)}${chars.at(-1)}`;
}

/** Mobile phone 3+4: 138****5678. Other numbers keep what they can without showing more than 7 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}${stars(digits.length - 7)}${digits.slice(-4)}`;
  if (digits.length > 4) return `${stars(digits.length - 4)}${digits.slice(-4)}`;
  return stars(digits.length);
}

/** Chinese name keeps the surname (张*, 欧阳**); other names keep their first letter. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const surnameLength = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) && chars.length > 2 ? 2 : 1;
  return `${chars.slice(0, surnameLength).join('')}${stars(chars.length - surnameLength)}`;
}

/** Bank account: last four digits only, e.g. ****1234. */
export function maskBankAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  if (digits.length <= 4) return stars(digits.length);
  return `****${digits.slice(-4)}`;
}
