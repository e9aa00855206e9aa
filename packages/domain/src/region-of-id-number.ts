/**
 * The region (as organizations name theirs: province, or a city under separate state planning) of the household
 * registration an 18-digit resident ID number was issued in — its first digits are the administrative division
 * code (GB/T 2260). A person's domicile is their registered residence (民法典 第二十五条) unless they show another,
 * so it is the default we route a judicial confirmation by; the applicant may name another.
 */
const CITIES: Record<string, string> = {
  '2102': '大连',
  '3302': '宁波',
  '3502': '厦门',
  '3702': '青岛',
  '4403': '深圳',
};

const PROVINCES: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
};

export function regionOfIdNumber(idNumber: string | null | undefined): string | null {
  if (!idNumber || !/^\d{6}/.test(idNumber)) return null;
  return CITIES[idNumber.slice(0, 4)] ?? PROVINCES[idNumber.slice(0, 2)] ?? null;
}
