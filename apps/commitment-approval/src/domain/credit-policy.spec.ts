import { chinaCalendar } from '@devzone/shared-kernel';
import { addMonths, blacklistReason, repairableFrom, repairRefusal, type CreditRecord } from './credit-policy';
import { rag } from './deadlines';

const record = (severity: CreditRecord['severity'], patch: Partial<CreditRecord> = {}): CreditRecord => ({ severity, recordedOn: '2026-10-01', rectifyBy: null, rectifiedOn: null, repairedOn: null, ...patch });
const general = (patch: Partial<CreditRecord> = {}) => record('general', patch);
const policy = { generalRecordsToBlacklist: 3, repairGeneralMonths: 3, repairMajorMonths: 12, repairSeriousMonths: 12 };

describe('blacklist', () => {
  it('blacklists at the configured number of general records not yet repaired, not before', () => {
    expect(blacklistReason([general(), general()], policy, '2026-11-27')).toBeNull();
    expect(blacklistReason([general(), general(), general()], policy, '2026-11-27')?.zh).toMatch(/一般失信记录 3 条未修复/);
    expect(blacklistReason([general(), general()], { generalRecordsToBlacklist: 2 }, '2026-11-27')).not.toBeNull();
  });

  it('counts a rectified record until it is repaired', () => {
    expect(blacklistReason([general(), general(), general({ rectifiedOn: '2026-11-01' })], policy, '2026-11-27')).not.toBeNull();
    expect(blacklistReason([general(), general(), general({ rectifiedOn: '2026-11-01', repairedOn: '2027-01-02' })], policy, '2027-01-02')).toBeNull();
  });

  it('blacklists a major record only once its rectification deadline has passed unrectified', () => {
    expect(blacklistReason([record('major', { rectifyBy: '2026-12-31' })], policy, '2026-12-31')).toBeNull();
    expect(blacklistReason([record('major', { rectifyBy: '2026-12-31' })], policy, '2027-01-01')?.zh).toMatch(/重大失信记录逾期未整改/);
    expect(blacklistReason([record('major', { rectifyBy: '2026-12-31', rectifiedOn: '2026-12-20' })], policy, '2027-01-01')).toBeNull();
  });

  it('blacklists a serious record (a false commitment) until it is repaired', () => {
    expect(blacklistReason([record('serious')], policy, '2026-10-01')?.zh).toMatch(/严重失信记录未修复/);
    expect(blacklistReason([record('serious', { rectifiedOn: '2026-11-01', repairedOn: '2027-10-01' })], policy, '2027-10-01')).toBeNull();
  });
});

describe('credit repair (失信行为纠正后的信用信息修复管理办法)', () => {
  it('needs the rectification recorded first, then the minimum publicity: 一般 3 months, 重大 and 严重 1 year by default', () => {
    expect(repairRefusal(general(), policy, '2027-06-01')?.zh).toMatch(/须先登记整改/);
    expect(repairRefusal(general({ rectifiedOn: '2026-10-15' }), policy, '2026-12-31')?.zh).toMatch(/最短公示期未满，2027-01-01 起可修复/);
    expect(repairRefusal(general({ rectifiedOn: '2026-10-15' }), policy, '2027-01-01')).toBeNull();
    expect(repairableFrom(record('serious'), policy)).toBe('2027-10-01');
    expect(repairableFrom(record('major'), { ...policy, repairMajorMonths: 18 })).toBe('2028-04-01');
    expect(repairRefusal(general({ rectifiedOn: '2026-10-15', repairedOn: '2027-01-05' }), policy, '2027-02-01')?.zh).toMatch(/已于 2027-01-05 修复/);
  });

  it('adds months on the calendar, the 31st becoming the month’s last day', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('red, amber, green', () => {
  it('is green with time to spare, amber within the threshold (counting working days), red once past due', () => {
    expect(rag(chinaCalendar, '2026-12-04', '2026-11-27', 2)).toEqual({ rag: 'green', workingDaysLeft: 5 });
    expect(rag(chinaCalendar, '2026-12-01', '2026-11-27', 2)).toEqual({ rag: 'amber', workingDaysLeft: 2 });
    expect(rag(chinaCalendar, '2026-11-27', '2026-11-27', 2)).toEqual({ rag: 'amber', workingDaysLeft: 0 });
    expect(rag(chinaCalendar, '2026-11-26', '2026-11-27', 2)).toEqual({ rag: 'red', workingDaysLeft: -1 });
  });

  it('counts the Spring Festival as no time at all', () => {
    // due 02-24 seen from 02-13: 02-14 (worked Saturday) and 02-24 are the only working days
    expect(rag(chinaCalendar, '2026-02-24', '2026-02-13', 2)).toEqual({ rag: 'amber', workingDaysLeft: 2 });
  });
});
