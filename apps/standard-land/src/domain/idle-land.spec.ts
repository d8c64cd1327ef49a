import { DEFAULT_BREACH_TERMS } from './consequences';
import { assessIdleLand, exemptDays, lastIncrease, type IdleInput, type ProgressReport } from './idle-land';
import { muToM2 } from './plot';

const PRICE = 3_000_000_000;
const notStarted: IdleInput = {
  agreedStart: '2027-03-01',
  actualStart: null,
  reports: [],
  plannedFloorAreaM2: null,
  totalInvestment: 45_000,
  exemptions: [],
  terms: DEFAULT_BREACH_TERMS.idle,
  landPriceFen: PRICE,
};
const level = (input: IdleInput, today: string) => assessIdleLand(input, today).level;

describe('idle land, case 1: not started a year after the agreed start (§2, §14)', () => {
  it('charges the fee after one calendar year and recovers the land after two', () => {
    // 2028 is a leap year: 2028-02-29 is day 365 and not yet a year.
    expect(assessIdleLand(notStarted, '2028-02-29')).toMatchObject({ case: 'not-started', level: 'none', daysIdle: 365, feeFen: 0, feeFrom: '2028-03-01', recoveryFrom: '2029-03-01' });
    expect(assessIdleLand(notStarted, '2028-03-01')).toMatchObject({ level: 'fee', daysIdle: 366, feeFen: 600_000_000 }); // 20% of the land price
    expect(level(notStarted, '2029-02-28')).toBe('fee');
    expect(level(notStarted, '2029-03-01')).toBe('recovery');
  });

  it('is not idle once construction started (and no progress says it stalled)', () => {
    expect(assessIdleLand({ ...notStarted, actualStart: '2027-04-01' }, '2030-01-01')).toMatchObject({ case: null, level: 'none' });
  });

  it('counts a year from 29 February as ending on 1 March of a common year', () => {
    const leap = { ...notStarted, agreedStart: '2028-02-29' };
    expect(assessIdleLand(leap, '2029-02-28')).toMatchObject({ level: 'none', feeFrom: '2029-03-01', recoveryFrom: '2030-03-01' });
    expect(level(leap, '2029-03-01')).toBe('fee');
    expect(level(leap, '2030-02-28')).toBe('fee');
    expect(level(leap, '2030-03-01')).toBe('recovery');
  });
});

describe('government-caused delays (§8) stop the idle clock', () => {
  it('adds the exempt days to both deadlines', () => {
    const delayed = { ...notStarted, exemptions: [{ from: '2027-06-01', to: '2027-07-30' }] }; // 60 days
    expect(assessIdleLand(delayed, '2028-04-29')).toMatchObject({ level: 'none', exemptDays: 60, feeFrom: '2028-04-30', recoveryFrom: '2029-04-30' });
    expect(level(delayed, '2028-04-30')).toBe('fee');
    expect(assessIdleLand(delayed, '2028-04-30').daysIdle).toBe(366); // 426 days since the start, 60 of them exempt
  });

  it('keeps the clock stopped while an exemption is open', () => {
    const open = { ...notStarted, exemptions: [{ from: '2028-01-01', to: null }] };
    expect(level(open, '2028-03-01')).toBe('none');
    expect(level(open, '2031-01-01')).toBe('none');
    const closed = { ...notStarted, exemptions: [{ from: '2028-01-01', to: '2028-06-30' }] }; // 182 days
    expect(assessIdleLand(closed, '2028-08-29')).toMatchObject({ level: 'none', feeFrom: '2028-08-30' });
    expect(level(closed, '2028-08-30')).toBe('fee');
  });

  it('counts only days since the clock started, each once', () => {
    expect(exemptDays([{ from: '2027-01-01', to: '2027-03-10' }], '2027-03-01', '2028-01-01')).toBe(10);
    expect(exemptDays([{ from: '2027-06-01', to: '2027-06-30' }, { from: '2027-06-21', to: '2027-07-10' }], '2027-03-01', '2028-01-01')).toBe(40);
    expect(exemptDays([{ from: '2027-06-01', to: null }], '2027-03-01', '2027-06-10')).toBe(10);
    expect(exemptDays([{ from: '2027-06-01', to: '2027-12-31' }], '2027-03-01', '2027-06-10')).toBe(10); // not the future days
  });
});

describe('idle land, case 2: started, little built or invested, stopped for a year (§2)', () => {
  const report = (reportedOn: string, builtFloorAreaM2: number, investmentMade: number): ProgressReport => ({ reportedOn, builtFloorAreaM2, investmentMade });
  const reports = [report('2027-06-30', 10_000, 5_000), report('2027-09-30', 15_000, 8_000), report('2027-12-31', 15_000, 8_000)];
  const started: IdleInput = { ...notStarted, actualStart: '2027-04-01', reports, plannedFloorAreaM2: muToM2(100) * 1.0, totalInvestment: 45_000 };

  it('starts the clock at the last increase of either figure', () => {
    expect(lastIncrease(reports, '2027-04-01')).toBe('2027-09-30');
    expect(lastIncrease([...reports, report('2028-03-31', 15_000, 8_100)], '2027-04-01')).toBe('2028-03-31');
    expect(lastIncrease([report('2027-06-30', 0, 0)], '2027-04-01')).toBe('2027-04-01');
  });

  it('charges the fee a year after work stopped under 1/3 of the floor area, recovery after two', () => {
    // 15,000 m² of 66,666.67 planned (< 1/3), 8,000 of 45,000 万元 (< 25%), no increase since 2027-09-30.
    expect(assessIdleLand(started, '2028-09-29')).toMatchObject({ case: 'stalled', level: 'none', clockFrom: '2027-09-30' });
    expect(assessIdleLand(started, '2028-09-30')).toMatchObject({ case: 'stalled', level: 'fee', feeFen: 600_000_000, daysIdle: 366 });
    expect(level(started, '2029-09-30')).toBe('recovery');
  });

  it('is not idle with a third of the floor area built and a quarter of the investment made', () => {
    const enough = { ...started, reports: [report('2027-09-30', 22_222.23, 11_250)] };
    expect(assessIdleLand(enough, '2030-01-01')).toMatchObject({ case: null, level: 'none' });
    // Either test alone makes it idle: the floor area short, the investment met …
    expect(level({ ...started, reports: [report('2027-09-30', 22_222.22, 11_250)] }, '2028-10-01')).toBe('fee');
    // … or, without a floor-area-ratio target, the investment alone.
    expect(level({ ...started, plannedFloorAreaM2: null, reports: [report('2027-09-30', 60_000, 11_249)] }, '2028-10-01')).toBe('fee');
    expect(level({ ...started, plannedFloorAreaM2: null, totalInvestment: null }, '2030-01-01')).toBe('none');
  });

  it('restarts the clock when work resumes, and moves it by exempt days', () => {
    expect(level({ ...started, reports: [...reports, report('2028-06-30', 16_000, 8_000)] }, '2028-09-30')).toBe('none');
    const exempt = { ...started, exemptions: [{ from: '2028-01-01', to: '2028-01-31' }] }; // 31 days
    expect(assessIdleLand(exempt, '2028-10-30')).toMatchObject({ level: 'none', feeFrom: '2028-10-31' });
  });

  it('decides nothing without a progress report', () => {
    expect(level({ ...started, reports: [] }, '2030-01-01')).toBe('none');
  });
});
