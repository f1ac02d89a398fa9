/**
 * The demo city: Tengzhou (滕州市), its big-data bureau and agencies (R5.1, R6.1). Names follow
 * the city's real departments; people, phone numbers, credit codes and identity numbers are
 * synthetic (valid check characters, never taken from real records).
 */
import type { AgencyKind, Role, SecurityDuty, Sector } from '@gongshu/domain';

export interface DemoAgency {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parent?: string;
  divisionCode: string;
  sector?: Sector;
  sectorAuthorityOf?: Sector;
  securityDuty?: SecurityDuty;
  responsible: { name: string; title: string };
}

const CITY = '370481';

export const DEMO_CITY_NAME = '滕州市';

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: 'bureau',
    name: '滕州市大数据局',
    shortName: '大数据局',
    kind: 'bureau',
    divisionCode: CITY,
    responsible: { name: '王建国', title: '局长' },
  },
  {
    code: 'edu',
    name: '滕州市教育和体育局',
    shortName: '教体局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'education',
    sector: 'education',
    responsible: { name: '李明华', title: '局长' },
  },
  {
    code: 'civil',
    name: '滕州市民政局',
    shortName: '民政局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'civil_affairs',
    sector: 'civil_affairs',
    responsible: { name: '张秀英', title: '局长' },
  },
  {
    code: 'housing',
    name: '滕州市住房和城乡建设局',
    shortName: '住建局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'housing',
    sector: 'housing',
    responsible: { name: '刘志强', title: '局长' },
  },
  {
    code: 'transport',
    name: '滕州市交通运输局',
    shortName: '交通运输局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'transport',
    sector: 'transport',
    responsible: { name: '陈立新', title: '局长' },
  },
  {
    code: 'water',
    name: '滕州市水务局',
    shortName: '水务局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'water',
    sector: 'water',
    responsible: { name: '杨海涛', title: '局长' },
  },
  {
    code: 'health',
    name: '滕州市卫生健康局',
    shortName: '卫健局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'health',
    sector: 'health',
    responsible: { name: '赵玉兰', title: '局长' },
  },
  {
    code: 'medsec',
    name: '滕州市医疗保障局',
    shortName: '医保局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'medical_security',
    sector: 'medical_security',
    responsible: { name: '黄文斌', title: '局长' },
  },
  {
    code: 'urban',
    name: '滕州市城市管理局',
    shortName: '城管局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'urban_management',
    sector: 'urban_management',
    responsible: { name: '周国庆', title: '局长' },
  },
  {
    code: 'market',
    name: '滕州市市场监督管理局',
    shortName: '市场监管局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'market_regulation',
    sector: 'market_regulation',
    responsible: { name: '吴丽娟', title: '局长' },
  },
  {
    code: 'approval',
    name: '滕州市行政审批服务局',
    shortName: '行政审批局',
    kind: 'department',
    divisionCode: CITY,
    sectorAuthorityOf: 'administrative_approval',
    sector: 'administrative_approval',
    responsible: { name: '徐振华', title: '局长' },
  },
  {
    code: 'police',
    name: '滕州市公安局',
    shortName: '公安局',
    kind: 'department',
    divisionCode: CITY,
    securityDuty: 'public_security',
    responsible: { name: '孙卫东', title: '局长' },
  },
  {
    code: 'cac',
    name: '中共滕州市委网络安全和信息化委员会办公室',
    shortName: '网信办',
    kind: 'department',
    divisionCode: CITY,
    securityDuty: 'cyberspace',
    responsible: { name: '马晓燕', title: '主任' },
  },
  {
    code: 'secrecy',
    name: '滕州市国家保密局',
    shortName: '保密局',
    kind: 'department',
    divisionCode: CITY,
    securityDuty: 'secrecy',
    responsible: { name: '朱建军', title: '局长' },
  },
  {
    code: 'hrss',
    name: '滕州市人力资源和社会保障局',
    shortName: '人社局',
    kind: 'department',
    divisionCode: CITY,
    responsible: { name: '胡春梅', title: '局长' },
  },
  {
    code: 'nature',
    name: '滕州市自然资源局',
    shortName: '自然资源局',
    kind: 'department',
    divisionCode: CITY,
    responsible: { name: '郭永刚', title: '局长' },
  },
  {
    code: 'tax',
    name: '国家税务总局滕州市税务局',
    shortName: '税务局',
    kind: 'department',
    divisionCode: CITY,
    responsible: { name: '何慧敏', title: '局长' },
  },
  {
    code: 'jinghe',
    name: '滕州市荆河街道办事处',
    shortName: '荆河街道',
    kind: 'town',
    divisionCode: `${CITY}001`,
    responsible: { name: '高振宇', title: '主任' },
  },
  {
    code: 'beixin',
    name: '滕州市北辛街道办事处',
    shortName: '北辛街道',
    kind: 'town',
    divisionCode: `${CITY}002`,
    responsible: { name: '林淑芬', title: '主任' },
  },
  {
    code: 'shannan',
    name: '滕州市善南街道办事处',
    shortName: '善南街道',
    kind: 'town',
    divisionCode: `${CITY}003`,
    responsible: { name: '罗德明', title: '主任' },
  },
  {
    code: 'hospital',
    name: '滕州市中心人民医院',
    shortName: '中心医院',
    kind: 'institution',
    parent: 'health',
    divisionCode: CITY,
    sector: 'health',
    responsible: { name: '梁学军', title: '院长' },
  },
  {
    code: 'school1',
    name: '滕州市第一中学',
    shortName: '滕州一中',
    kind: 'institution',
    parent: 'edu',
    divisionCode: CITY,
    sector: 'education',
    responsible: { name: '宋桂香', title: '校长' },
  },
  {
    code: 'watergroup',
    name: '滕州市水务集团有限公司',
    shortName: '水务集团',
    kind: 'enterprise',
    parent: 'water',
    divisionCode: CITY,
    sector: 'water',
    responsible: { name: '郑海波', title: '董事长' },
  },
  {
    code: 'bus',
    name: '滕州市公共交通有限公司',
    shortName: '公交公司',
    kind: 'enterprise',
    parent: 'transport',
    divisionCode: CITY,
    sector: 'transport',
    responsible: { name: '谢明亮', title: '总经理' },
  },
  {
    code: 'dataops',
    name: '滕州市数据运营有限公司',
    shortName: '数据运营公司',
    kind: 'operator',
    divisionCode: CITY,
    responsible: { name: '韩雪', title: '总经理' },
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  agency: string;
  roles: Role[];
}

/** One account for every role; the README lists them. Every agency also gets a steward and staff. */
export const DEMO_ROLE_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '大数据局管理员', agency: 'bureau', roles: ['bureau_admin'] },
  { username: 'reviewer', displayName: '大数据局审核员', agency: 'bureau', roles: ['bureau_reviewer'] },
  { username: 'edu-supervisor', displayName: '教体局行业监管员', agency: 'edu', roles: ['sector_supervisor'] },
  { username: 'health-supervisor', displayName: '卫健局行业监管员', agency: 'health', roles: ['sector_supervisor'] },
  { username: 'police-security', displayName: '公安局安全监管员', agency: 'police', roles: ['security_supervisor'] },
  { username: 'cac-security', displayName: '网信办安全监管员', agency: 'cac', roles: ['security_supervisor'] },
  { username: 'secrecy-security', displayName: '保密局安全监管员', agency: 'secrecy', roles: ['security_supervisor'] },
  { username: 'operator', displayName: '数据运营公司操作员', agency: 'dataops', roles: ['operator'] },
];

/** Demo accounts share one password; production never seeds (config refuses it). */
export const DEMO_PASSWORD = 'Gongshu@2026';

export function stewardOf(agencyCode: string): DemoUser {
  const agency = DEMO_AGENCIES.find((a) => a.code === agencyCode);
  return {
    username: `${agencyCode}-steward`,
    displayName: `${agency?.shortName ?? agencyCode}数据专员`,
    agency: agencyCode,
    roles: ['steward'],
  };
}

export function staffOf(agencyCode: string): DemoUser {
  const agency = DEMO_AGENCIES.find((a) => a.code === agencyCode);
  return {
    username: `${agencyCode}-staff`,
    displayName: `${agency?.shortName ?? agencyCode}工作人员`,
    agency: agencyCode,
    roles: ['agency_staff'],
  };
}
