import { addDays, chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { ApiError, type DemoApi } from './api';
import { ProjectJourney, type JourneyStep, type ProjectPlan } from './journey';
import { DEMO_ENTERPRISES, DEMO_USERS, DEMO_ZONES, zoneUsers } from './users';

/** What happens to a demo project after its journey. */
type Ending = 'suspend' | 'terminate' | 'fail-acceptance' | 'breach' | 'corrections';

interface DemoProject {
  plan: ProjectPlan;
  to: JourneyStep;
  then?: Ending;
}

const NAMES = [
  '年产5万吨新型建材项目', '智能装备研发中心', '高端轴承生产线', '新能源电池材料项目', '光电显示模组项目', '生物医药中试基地', '精细化工新材料项目', '数字化仓储物流中心',
  '半导体封测项目', '氢能装备制造项目', '碳纤维复合材料项目', '智能网联汽车零部件项目', '高纯金属材料项目', '工业机器人集成项目', '光伏组件项目', '医疗器械产业园',
];

/**
 * About 40 projects over every stage, in both zones, for eight enterprises:
 * some behind plan (planned dates passed), one failed 对标验收 (a rectification
 * order), one breach of the 标准地 performance agreement (failed full-production
 * check with a penalty), one suspended, one terminated, one whose 备案 waits for
 * corrections; every fifth takes 排水许可 (C08) by 一般程序 in its 承诺书, and some
 * had an item's clock stopped for an expert review. Land comes by every path:
 * 标准地, ordinary 出让, the enterprise's own land, leased standard factories, none.
 */
export function demoProjects(today: IsoDate = chinaDate()): DemoProject[] {
  const spread: { to: JourneyStep; count: number; signedAgo: number; overdue?: number; then?: Ending }[] = [
    { to: 'signed', count: 3, signedAgo: 20, overdue: 2 },
    { to: 'signed', count: 1, signedAgo: 15, then: 'corrections' },
    { to: 'notified', count: 3, signedAgo: 40 },
    { to: 'committed', count: 4, signedAgo: 60, overdue: 2 },
    { to: 'land', count: 5, signedAgo: 90, overdue: 1 },
    { to: 'started', count: 6, signedAgo: 300, overdue: 1 },
    { to: 'completed', count: 3, signedAgo: 500 },
    { to: 'accepted', count: 2, signedAgo: 520 },
    { to: 'producing', count: 5, signedAgo: 640 },
    { to: 'full-production', count: 4, signedAgo: 900 },
    { to: 'full-production', count: 1, signedAgo: 920, then: 'breach' },
    { to: 'started', count: 1, signedAgo: 280, then: 'suspend' },
    { to: 'signed', count: 1, signedAgo: 30, then: 'terminate' },
    { to: 'completed', count: 1, signedAgo: 540, then: 'fail-acceptance' },
  ];
  const projects: DemoProject[] = [];
  let n = 0;
  for (const group of spread) {
    for (let i = 0; i < group.count; i++, n++) {
      const enterprise = DEMO_ENTERPRISES[n % DEMO_ENTERPRISES.length];
      const signedOn = addDays(today, -(group.signedAgo + (n % 5) * 3));
      // On plan: start 60 days after signing, completion a year later, production two months after.
      // Behind plan: the planned start was soon after signing and has passed.
      const behind = i < (group.overdue ?? 0);
      const start = behind ? addDays(signedOn, 10) : addDays(signedOn, Math.max(60, Math.round(group.signedAgo * 0.2)));
      const completion = addDays(start, Math.max(200, Math.round(group.signedAgo * 0.45)));
      const production = addDays(completion, 60);
      const landAreaMu = n % 4 === 1 ? 0 : 40 + (n % 6) * 15;
      // Land by every path: mostly 标准地, some by an ordinary 出让, their own land or leased standard factories (a breach needs 标准地's agreement).
      const landPath = group.then === 'breach' ? 'standard-land' : (({ 0: 'grant', 2: 'own-land', 3: 'lease' } as const)[n % 8 as 0 | 2 | 3] ?? 'standard-land');
      projects.push({
        to: group.to,
        ...(group.then ? { then: group.then } : {}),
        plan: {
          enterprise,
          name: `${enterprise.enterpriseName.replace(/有限公司$/, '')}${NAMES[n % NAMES.length]}`,
          landAreaMu,
          landPath,
          wantsFullAgency: n % 3 !== 2,
          // Enough per mu for the zone's 标准地 indicators (investment ≥ 300 万元/亩, output ≥ 500 万元/亩·年).
          totalInvestment: landAreaMu * 420 + 8_000 + (n % 7) * 2_500,
          projectedAnnualOutput: landAreaMu * 560 + 12_000 + (n % 5) * 9_000,
          signedOn,
          plannedDates: { start, completion, production },
          ...(group.then === 'breach' ? { breach: true } : {}),
          ...(n % 5 === 2 ? { ordinaryItems: ['C08'] } : {}),
          ...(n % 6 === 3 ? { pausedItem: 'A01' } : {}),
        },
      });
    }
  }
  return projects;
}

async function ignoreExisting(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
  }
}

/** Zone rules, 代办专班 and agents, officers as notification recipients. Safe to run again. */
export async function seedOrganisation(api: DemoApi): Promise<void> {
  for (const zone of DEMO_ZONES) {
    const people = zoneUsers(zone.code);
    // Zone rules change only by a published version (by the zone's manager): published once, when they differ.
    const rules = await api.get(people.manager, 'commitment-approval', `/settings/zones/${zone.code}`);
    if (rules.zoneCode !== zone.code || rules.publicityDays !== zone.publicityDays) {
      await api.post(people.manager, 'commitment-approval', `/settings/zones/${zone.code}/versions`, { effectiveFrom: chinaDate(), publicityDays: zone.publicityDays, note: '演示：不设公示期' });
    }
    // 三个一批: a round per quarter of the last three years (a second run finds them: 409).
    const year = Number(chinaDate().slice(0, 4));
    for (const y of [year - 2, year - 1, year]) {
      for (const [q, [from, to]] of [['一', ['01-01', '03-31']], ['二', ['04-01', '06-30']], ['三', ['07-01', '09-30']], ['四', ['10-01', '12-31']]] as const) {
        await ignoreExisting(api.post(people.manager, 'project-intake', '/rounds', { zoneCode: zone.code, name: `${y}年第${q}批`, startsOn: `${y}-${from}`, endsOn: `${y}-${to}` }));
      }
    }
    const team = `${zone.code}-DB`;
    await ignoreExisting(api.post(people.lead, 'agency', '/teams', { code: team, zoneCode: zone.code, name: `${zone.name}代办专班`, leadAgentId: people.lead.sub }));
    // The lead is an agent of the team too (not chosen for approval work).
    await ignoreExisting(api.post(people.lead, 'agency', '/agents', { id: people.lead.sub, name: people.lead.name, mobile: people.lead.mobile, zoneCode: zone.code, teamCode: team, specialities: ['post-production'], capacity: 10 }));
    for (const agent of people.agents) {
      await ignoreExisting(api.post(people.lead, 'agency', '/agents', { id: agent.sub, name: agent.name, mobile: agent.mobile, zoneCode: zone.code, teamCode: team, specialities: ['approval', 'construction', 'utilities'], capacity: 40 }));
    }
    // An officer becomes a recipient of its zone's notifications the first time it looks (its e-mail from the identity provider).
    await api.put(people.officer, 'notifications', '/me/preferences', { channels: ['inbox', 'email'] });
  }
}

export interface SeedResult {
  created: number;
  skipped: boolean;
  seconds: number;
}

/**
 * The demo: the organisation, then the projects driven through the APIs, a few
 * at a time. A second run finds the demo enterprises' projects and adds none.
 */
export async function seedDemo(api: DemoApi, options: { concurrency?: number; log?: (line: string) => void } = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  await seedOrganisation(api);
  const existing = await api.get(DEMO_ENTERPRISES[0], 'project-intake', '/projects?pageSize=1');
  if (existing.total > 0) return { created: 0, skipped: true, seconds: (Date.now() - started) / 1000 };

  const projects = demoProjects();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < projects.length) {
      const p = projects[next++];
      const journey = await new ProjectJourney(api, p.plan).runTo(p.to);
      await finish(api, journey, p.then);
      done++;
      log(`[seed] ${String(done).padStart(2)}/${projects.length} ${journey.projectCode} ${p.plan.name} → ${p.then ?? p.to}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  return { created: projects.length, skipped: false, seconds: (Date.now() - started) / 1000 };
}

async function finish(api: DemoApi, journey: ProjectJourney, ending: Ending | undefined): Promise<void> {
  const officer = zoneUsers(journey.enterprise.zoneCode).officer;
  if (ending === 'suspend') await api.post(officer, 'project-intake', `/projects/${journey.projectId}/suspend`, { reason: '企业资金未到位，暂缓建设' });
  if (ending === 'terminate') await api.post(officer, 'project-intake', `/projects/${journey.projectId}/terminate`, { reason: '企业调整投资计划，终止项目' });
  if (ending === 'fail-acceptance') await journey.acceptance(false);
  if (ending === 'corrections') await journey.askCorrections('A01', '项目备案申请表缺少法定代表人签字');
}

export { DEMO_USERS };
