import { randomInt } from 'node:crypto';
import { ROLES, type Role } from '@devzone/auth';
import { demoUser, ledgerRecord, ledgerWorkbook, ProjectJourney, SERVICE_NAMES, until, zoneUsers, type DemoApi, type DemoEnterprise, type DemoUser, type ServiceName } from '@devzone/demo';
import { addDays, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';
import { enterpriseAccount, stackApi } from './support/stack';

/**
 * Every endpoint × every role × own versus foreign, generated from the
 * services' route lists (/docs-json): an endpoint without a rule here fails.
 *
 * Each role is played by a person of zone SX-ZGQ (the enterprise: a fresh one
 * there; the department officer: 住房和城乡建设局's, reaching its own
 * department's item, and refused another department's with 403). "Own" objects belong to a project of that enterprise in SX-ZGQ,
 * "foreign" ones to a project of another enterprise in CZ-GXQ. Expected:
 * a role the route does not admit → 403; a foreign object → 404 (never 403:
 * no leaks) unless the role sees the whole province; an own object → neither.
 * Lists are checked for leaks: nothing of the foreign project in them.
 * Every token comes from the identity provider (Keycloak), as in production.
 */

const ALL = [...ROLES];
const WIDE: Role[] = ['province-manager', 'admin'];
const OFFICERS: Role[] = ['zone-officer', 'admin'];
const ACTING: Role[] = ['enterprise', 'zone-officer', 'agency-agent', 'agency-supervisor', 'admin'];
const STAFF: Role[] = ALL.filter((r) => r !== 'enterprise');
const LEADS: Role[] = ['agency-supervisor', 'admin'];
const WORKERS: Role[] = ['agency-agent', 'agency-supervisor', 'admin'];
const OVERSEERS: Role[] = ['agency-supervisor', 'zone-officer', 'zone-manager', 'province-manager', 'admin'];
const FIGURES: Role[] = ['zone-officer', 'zone-manager', 'province-manager', 'admin'];
const DEPARTMENTS: Role[] = ['department-officer', 'admin'];
const MANAGERS: Role[] = ['zone-manager', 'admin'];
const IMPORTERS: Role[] = ['zone-officer', 'zone-manager', 'admin'];
/** The department the department-officer player decides for. */
const PLAYER_DEPARTMENT = '住房和城乡建设局';

interface Side {
  journey: ProjectJourney;
  enterprise: DemoEnterprise;
  zone: string;
  agentId: string;
  delegationId: string;
  taskId: string;
  itemCode: string;
  /** An item of the department officer player's department. */
  departmentItemCode: string;
  creditRecordId: string;
  /** A 三个一批 round of the side's zone. */
  roundId: string;
  /** A 项目台账 import batch its zone officer uploaded (checked, not committed). */
  importId: string;
  team: string;
  availablePlot: string;
  /** The enterprise's own (opaque) notification recipient, and one notification of each player who has one. */
  recipientId: string;
  notificationOf: Map<string, string>;
}
interface Fixture {
  own: Side;
  foreign: Side;
}

/**
 * How a route is reached: `params` for one side (null: the role has nothing of its own there);
 * `kind` says what foreign means; `roles` who the route admits; `scoped` who is limited to their own.
 */
interface Rule {
  roles: Role[] | 'public';
  /** A public route's answer without a token (default 200). */
  publicStatus?: number;
  kind: 'object' | 'list' | 'open' | 'create';
  params?: (side: Side, who: DemoUser) => Record<string, string> | null;
  query?: (side: Side, who: DemoUser) => string;
  body?: (side: Side, who: DemoUser) => unknown;
  scoped?: Role[];
  /** list: what of the foreign side must not appear in the answer. */
  leak?: (foreign: Side) => string;
}

const today = chinaDate();
const OWN_ZONE = 'SX-ZGQ';
const project = (s: Side) => ({ id: s.journey.projectId });
const projectId = (s: Side) => ({ projectId: s.journey.projectId });
const caseId = (s: Side) => ({ id: s.journey.caseId });
const importBatch = (s: Side) => ({ id: s.importId });
const plot = (s: Side) => ({ code: s.journey.plotCode });
const zone = (s: Side) => ({ zone: s.zone });
const reason = () => ({ reason: '授权矩阵测试' });
/** The 审查意见 every act with legal effect is taken with. */
const opinion = () => ({ opinion: '授权矩阵测试意见' });
/** An item of the case: the department officer's own department's, for everyone else the first. */
const item = (s: Side, who: DemoUser) => ({ id: s.journey.caseId, itemCode: who.role === 'department-officer' ? s.departmentItemCode : s.itemCode });
/** A notification of the person (own side), or of the foreign enterprise (foreign side): null when there is none. */
const notificationOf = (s: Side, who: DemoUser) => {
  const id = s.notificationOf.get(s.zone === OWN_ZONE ? who.sub : s.enterprise.sub);
  return id ? { notificationId: id, id } : null;
};
const NOT_INVITED = 'not-an-invitation-token-0123456789';

const RULES: Record<string, Rule> = {
  // project-intake
  'POST project-intake /projects': { roles: OFFICERS, kind: 'create', body: (s) => registration(s) },
  'GET project-intake /projects': { roles: ALL, kind: 'list', leak: (f) => f.journey.projectId },
  'GET project-intake /projects/{id}': { roles: ALL, kind: 'object', params: project },
  'GET project-intake /projects/{id}/timeline': { roles: ALL, kind: 'object', params: project },
  'POST project-intake /projects/{id}/start': { roles: ACTING, kind: 'object', params: project, body: () => ({ date: today, permitNumber: '矩阵〔2026〕1号' }) },
  'POST project-intake /projects/{id}/completion': { roles: ACTING, kind: 'object', params: project, body: () => ({ date: today }) },
  'POST project-intake /projects/{id}/production': { roles: ACTING, kind: 'object', params: project, body: () => ({ date: today }) },
  'POST project-intake /projects/{id}/full-production': { roles: ACTING, kind: 'object', params: project, body: () => ({ date: today, actualAnnualOutput: 1 }) },
  'POST project-intake /projects/{id}/suspend': { roles: OFFICERS, kind: 'object', params: project, body: reason },
  'POST project-intake /projects/{id}/resume': { roles: OFFICERS, kind: 'object', params: project, body: reason },
  'POST project-intake /projects/{id}/terminate': { roles: OFFICERS, kind: 'object', params: project, body: reason },
  'GET project-intake /figures/three-batches': { roles: FIGURES, kind: 'object', query: (s) => `?zone=${s.zone}` },
  'GET project-intake /zones': { roles: ALL, kind: 'open' },
  // 三个一批 rounds: a window per zone, made by its manager; another zone's round does not exist.
  'POST project-intake /rounds': { roles: MANAGERS, kind: 'object', params: zone, body: (s) => ({ zoneCode: s.zone, name: `矩阵-${randomInt(1e9)}`, startsOn: '2999-01-01', endsOn: '2999-01-02' }) },
  'GET project-intake /rounds': { roles: FIGURES, kind: 'list', leak: (f) => f.roundId },
  'GET project-intake /rounds/{id}': { roles: FIGURES, kind: 'object', params: (s) => ({ id: s.roundId }) },
  'GET project-intake /rounds/{id}/projects': { roles: FIGURES, kind: 'object', params: (s) => ({ id: s.roundId }), query: () => '?batch=signed' },
  'GET project-intake /figures/rounds': { roles: FIGURES, kind: 'object', query: (s) => `?zone=${s.zone}` },
  'GET project-intake /figures/plan-vs-actual': { roles: FIGURES, kind: 'object', query: (s) => `?zone=${s.zone}` },
  // 项目台账 import: a zone's officers and managers, their own zones' batches.
  'GET project-intake /imports/template': { roles: IMPORTERS, kind: 'open' },
  'POST project-intake /imports': { roles: IMPORTERS, kind: 'open' },
  'GET project-intake /imports': { roles: [...IMPORTERS, 'province-manager'], kind: 'list', leak: (f) => f.importId },
  'GET project-intake /imports/{id}': { roles: [...IMPORTERS, 'province-manager'], kind: 'object', params: importBatch },
  'GET project-intake /imports/{id}/rows': { roles: [...IMPORTERS, 'province-manager'], kind: 'object', params: importBatch },
  'GET project-intake /imports/{id}/report': { roles: [...IMPORTERS, 'province-manager'], kind: 'object', params: importBatch },
  'POST project-intake /imports/{id}/commit': { roles: IMPORTERS, kind: 'object', params: importBatch },
  'GET project-intake /figures/three-batches/projects': { roles: FIGURES, kind: 'object', query: (s) => `?zone=${s.zone}&batch=signed` },
  'POST project-intake /accounts': { roles: ['admin'], kind: 'create', body: (s) => ({ username: `mx-${randomInt(1e9)}`, name: '矩阵', email: 'mx@zone.example.cn', role: 'zone-manager', zones: [s.zone] }) },
  'POST project-intake /invitations/check': { roles: 'public', publicStatus: 404, kind: 'open', body: () => ({ token: NOT_INVITED }) },
  'POST project-intake /invitations/accept': { roles: 'public', publicStatus: 404, kind: 'open', body: () => ({ token: NOT_INVITED, password: 'Matrix-2026!' }) },
  // commitment-approval
  'GET commitment-approval /cases': { roles: ALL, kind: 'list', leak: (f) => f.journey.caseId },
  'GET commitment-approval /cases/{id}': { roles: ALL, kind: 'object', params: caseId },
  'GET commitment-approval /projects/{projectId}/case': { roles: ALL, kind: 'object', params: projectId },
  'GET commitment-approval /queue': { roles: [...FIGURES, 'department-officer'], kind: 'list', leak: (f) => f.journey.caseId },
  'GET commitment-approval /queue/summary': { roles: [...FIGURES, 'department-officer'], kind: 'open' },
  'POST commitment-approval /cases/{id}/notice': { roles: OFFICERS, kind: 'object', params: caseId, body: opinion },
  'POST commitment-approval /cases/{id}/commitment': { roles: ACTING, kind: 'object', params: caseId, body: () => ({ scope: 'all', committedDates: { start: today, completion: today, production: today }, declarationConfirmed: true }) },
  'POST commitment-approval /cases/{id}/precheck': { roles: OFFICERS, kind: 'object', params: caseId, body: () => ({ passed: true, ...opinion() }) },
  'POST commitment-approval /cases/{id}/publicity/end': { roles: OFFICERS, kind: 'object', params: caseId },
  'POST commitment-approval /cases/{id}/items/{itemCode}/application': { roles: ACTING, kind: 'object', params: item },
  'POST commitment-approval /cases/{id}/items/{itemCode}/acceptance': { roles: DEPARTMENTS, kind: 'object', params: item, body: opinion },
  'POST commitment-approval /cases/{id}/items/{itemCode}/pause': { roles: DEPARTMENTS, kind: 'object', params: item, body: () => ({ reason: 'hearing' }) },
  'POST commitment-approval /cases/{id}/items/{itemCode}/resume': { roles: DEPARTMENTS, kind: 'object', params: item },
  'POST commitment-approval /cases/{id}/items/{itemCode}/decision': { roles: DEPARTMENTS, kind: 'object', params: item, body: () => ({ decision: 'grant', ...opinion() }) },
  'POST commitment-approval /cases/{id}/items/{itemCode}/revocation': { roles: ['zone-officer', ...DEPARTMENTS], kind: 'object', params: item, body: () => ({ ...reason(), ...opinion() }) },
  'POST commitment-approval /cases/{id}/items/{itemCode}/resubmit': { roles: ACTING, kind: 'object', params: item },
  'POST commitment-approval /cases/{id}/items/{itemCode}/documents-supplied': { roles: ACTING, kind: 'object', params: item },
  'POST commitment-approval /cases/{id}/acceptance-request': { roles: ACTING, kind: 'object', params: caseId },
  'POST commitment-approval /cases/{id}/acceptance': { roles: OFFICERS, kind: 'object', params: caseId, body: () => ({ passed: true, ...opinion() }) },
  // The case's documents (printable pages): read as the case is.
  'GET commitment-approval /cases/{id}/documents/notice': { roles: ALL, kind: 'object', params: caseId },
  'GET commitment-approval /cases/{id}/documents/commitment': { roles: ALL, kind: 'object', params: caseId },
  'GET commitment-approval /cases/{id}/documents/decision': { roles: ALL, kind: 'object', params: caseId },
  'GET commitment-approval /catalogue/{zone}': { roles: ALL, kind: 'open', params: zone },
  'GET commitment-approval /settings/zones/{zone}': { roles: ALL, kind: 'open', params: zone },
  'GET commitment-approval /settings/zones/{zone}/versions': { roles: ALL, kind: 'open', params: zone },
  // A version effective in ten years that changes nothing: harmless to the other tests.
  'POST commitment-approval /settings/zones/{zone}/versions': { roles: MANAGERS, kind: 'object', params: zone, body: () => ({ effectiveFrom: addDays(today, 3650), note: '授权矩阵测试' }) },
  'GET commitment-approval /enterprises/{creditCode}/credit': { roles: ALL, kind: 'object', params: (s) => ({ creditCode: s.enterprise.creditCode ?? '' }), scoped: ['enterprise'] },
  'GET commitment-approval /credit-records': { roles: ALL, kind: 'list', leak: (f) => f.creditRecordId },
  'POST commitment-approval /credit-records/{id}/rectify': { roles: OFFICERS, kind: 'object', params: (s) => ({ id: s.creditRecordId }), body: () => ({ note: '已整改并复核' }) },
  'POST commitment-approval /credit-records/{id}/repair': { roles: OFFICERS, kind: 'object', params: (s) => ({ id: s.creditRecordId }), body: () => ({ note: '申请信用修复' }) },
  // standard-land
  'GET standard-land /indicator-templates/{zone}': { roles: ALL, kind: 'open', params: zone },
  'POST standard-land /plots': { roles: OFFICERS, kind: 'create', body: (s) => newPlot(s) },
  'GET standard-land /plots': { roles: ALL, kind: 'list', leak: (f) => f.journey.plotCode },
  // An enterprise's own plot: one on offer (the catalogue of AVAILABLE plots is open to enterprises).
  'GET standard-land /plots/{code}': { roles: ALL, kind: 'object', params: (s, who) => ({ code: who.role === 'enterprise' && s.zone === OWN_ZONE ? s.availablePlot : s.journey.plotCode }) },
  'POST standard-land /plots/{code}/publish': { roles: OFFICERS, kind: 'object', params: plot },
  'POST standard-land /plots/{code}/reserve': { roles: OFFICERS, kind: 'object', params: plot, body: (s) => ({ projectId: s.journey.projectId }) },
  'POST standard-land /plots/{code}/release': { roles: OFFICERS, kind: 'object', params: plot },
  'POST standard-land /plots/{code}/transfer': { roles: OFFICERS, kind: 'object', params: plot, body: (s) => transfer(s) },
  'GET standard-land /projects/{projectId}/plot-matches': { roles: OFFICERS, kind: 'object', params: projectId },
  'GET standard-land /projects/{projectId}/land': { roles: ALL, kind: 'object', params: projectId },
  'POST standard-land /projects/{projectId}/land-checks': { roles: OFFICERS, kind: 'object', params: projectId, body: () => ({ stage: 'completion', measured: [{ code: 'floor-area-ratio', value: 1.2, unit: 'ratio' }] }) },
  // Land paths besides 标准地 (the matrix's projects are on 标准地: 409, let through, for those admitted).
  'POST standard-land /projects/{projectId}/land-grant': { roles: OFFICERS, kind: 'object', params: projectId, body: () => ({ number: `MX-${randomInt(1e9)}`, signedOn: today, landPriceFen: 100, areaMu: 1, location: '矩阵', agreedStart: today, agreedCompletion: today }) },
  'POST standard-land /projects/{projectId}/own-land': { roles: OFFICERS, kind: 'object', params: projectId, body: () => ({ certificateNumber: '晋(2026)太原市不动产权第0000001号', areaMu: 1, location: '矩阵' }) },
  'POST standard-land /projects/{projectId}/lease': { roles: OFFICERS, kind: 'object', params: projectId, body: () => ({ contractNumber: 'MX-1', landlord: '矩阵', premises: '矩阵', floorAreaM2: 1, leaseFrom: today, leaseTo: addDays(today, 1), standardFactory: false }) },
  'POST standard-land /projects/{projectId}/construction-progress': { roles: ['enterprise', 'zone-officer', 'admin'], kind: 'object', params: projectId, body: () => ({ builtFloorAreaM2: 1, investmentMade: 1 }) },
  'POST standard-land /projects/{projectId}/idle-exemption': { roles: OFFICERS, kind: 'object', params: projectId, body: () => ({ cause: 'planning-change', reason: '授权矩阵测试', from: addDays(today, 3650), to: addDays(today, 3651) }) },
  'POST standard-land /projects/{projectId}/interim-reports': { roles: ['enterprise', 'zone-officer', 'admin'], kind: 'object', params: projectId, body: () => ({ measured: [{ code: 'tax-per-mu', value: 20, unit: '万元/亩·年' }] }) },
  // agency
  'GET agency /delegations/{id}': { roles: ALL, kind: 'object', params: (s) => ({ id: s.delegationId }) },
  'GET agency /projects/{projectId}/delegation': { roles: ALL, kind: 'object', params: projectId },
  'GET agency /projects/{projectId}/progress': { roles: ALL, kind: 'object', params: projectId },
  'POST agency /delegations/{id}/assign': { roles: LEADS, kind: 'object', params: (s) => ({ id: s.delegationId }), body: (s) => ({ agentId: s.agentId, reason: '授权矩阵测试' }) },
  'POST agency /delegations/{id}/rating': { roles: ['enterprise'], kind: 'object', params: (s) => ({ id: s.delegationId }), body: () => ({ score: 4 }) },
  'POST agency /tasks/{id}/actions': { roles: WORKERS, kind: 'object', params: (s) => ({ id: s.taskId }), body: () => ({ action: 'START' }) },
  'POST agency /tasks/{id}/notes': { roles: WORKERS, kind: 'object', params: (s) => ({ id: s.taskId }), body: () => ({ note: '授权矩阵测试' }) },
  'GET agency /agents': { roles: STAFF, kind: 'list', leak: (f) => f.agentId },
  'POST agency /agents': { roles: LEADS, kind: 'create', body: (s) => ({ id: `agent-mx-${randomInt(1e9)}`, name: '矩阵', zoneCode: s.zone, specialities: ['approval'], capacity: 1, active: false }) },
  'POST agency /teams': { roles: LEADS, kind: 'create', body: (s) => ({ code: `MX-${randomInt(1e9)}`, zoneCode: s.zone, name: '矩阵专班' }) },
  'GET agency /agents/{id}/worklist': { roles: STAFF, kind: 'object', params: (s, who) => ({ id: who.role === 'agency-agent' && s.zone === OWN_ZONE ? who.sub : s.agentId }) },
  'GET agency /teams/{code}/load': { roles: OVERSEERS, kind: 'object', params: (s) => ({ code: s.team }) },
  'GET agency /settings/zones/{zone}': { roles: ALL, kind: 'open', params: zone },
  'PUT agency /settings/zones/{zone}': { roles: LEADS, kind: 'object', params: zone, body: () => ({}) },
  // notifications: a person reads only their own messages (by the subject of their token); admins read the delivery log of anyone.
  'GET notifications /me/preferences': { roles: ALL, kind: 'open' },
  'PUT notifications /me/preferences': { roles: ALL, kind: 'open', body: () => ({ locale: 'zh-CN' }) },
  'GET notifications /me/inbox': { roles: ALL, kind: 'open' },
  'GET notifications /me/inbox/unread-count': { roles: ALL, kind: 'open' },
  'POST notifications /me/inbox/{notificationId}/read': { roles: ALL, kind: 'object', params: notificationOf, scoped: ALL },
  'POST notifications /me/inbox/read-all': { roles: ALL, kind: 'open' },
  'GET notifications /rules': { roles: ALL, kind: 'open' },
  'GET notifications /notifications': { roles: ALL, kind: 'list', query: (s, who) => (who.role === 'admin' ? `?recipientId=${s.recipientId}` : ''), leak: (f) => f.recipientId },
  'GET notifications /notifications/{id}': { roles: ALL, kind: 'object', params: notificationOf, scoped: ALL.filter((r) => r !== 'admin') },
};
for (const service of SERVICE_NAMES) {
  RULES[`GET ${service} /health`] = { roles: 'public', kind: 'open' };
  RULES[`GET ${service} /health/ready`] = { roles: 'public', kind: 'open' };
}

function registration(s: Side) {
  return {
    name: '授权矩阵测试项目',
    enterprise: { name: s.enterprise.enterpriseName, creditCode: s.enterprise.creditCode },
    zoneCode: s.zone,
    industryCode: 'C3484',
    totalInvestment: 1000,
    fixedAssetInvestment: 800,
    projectedAnnualOutput: 1000,
    landAreaMu: 0,
    usesStandardLand: false,
    wantsFullAgency: false,
    plannedDates: { start: today, completion: today, production: today },
    signedOn: today,
    contacts: [{ name: '测试', mobile: '13000000000' }],
  };
}
function newPlot(s: Side) {
  return { code: `MX-${randomInt(1e9)}`, zoneCode: s.zone, location: '矩阵测试地块', areaMu: 10, landUse: '工业用地', industries: [], assessments: [], servicingLevel: 'none' };
}
function transfer(s: Side) {
  return {
    projectId: s.journey.projectId,
    contract: { number: `MX-${randomInt(1e9)}`, signedOn: today, landPriceFen: 100, agreedStart: today, agreedCompletion: today },
    agreement: { number: `LY-MX-${randomInt(1e9)}`, counterparties: ['甲', '乙'], reviewDate: today },
  };
}

async function side(api: DemoApi, zone: string, players: DemoUser[]): Promise<Side> {
  const serial = String(randomInt(10_000_000)).padStart(7, '0');
  const enterprise = await enterpriseAccount({
    name: '矩阵',
    role: 'enterprise',
    zones: [],
    creditCode: creditCodeFrom(`91${zone === 'SX-ZGQ' ? '140100' : '140400'}MX${serial}`),
    mobile: `1360${serial}`,
    title: '授权矩阵测试企业',
    zoneCode: zone,
    enterpriseName: `授权矩阵测试企业${serial}`,
    industryCode: 'C3484',
  });
  const signedOn = addDays(today, -300);
  const journey = new ProjectJourney(api, {
    enterprise,
    name: '授权矩阵测试项目',
    landAreaMu: 30,
    wantsFullAgency: true,
    totalInvestment: 20_000,
    projectedAnnualOutput: 30_000,
    signedOn,
    plannedDates: { start: addDays(signedOn, 30), completion: addDays(signedOn, 200), production: addDays(signedOn, 250) },
  });
  const admin = demoUser('admin');
  const people = zoneUsers(zone);
  await journey.runTo('signed');
  // The agency-agent player must be an agent, not the team lead (who takes cases too).
  const first = await until('the delegation assigned', async () => (await api.get(admin, 'agency', `/projects/${journey.projectId}/delegation`)).agentId);
  if (demoUser(first).role !== 'agency-agent') {
    const d = await api.get(admin, 'agency', `/projects/${journey.projectId}/delegation`);
    await api.post(people.lead, 'agency', `/delegations/${d.id}/assign`, { agentId: people.agents[0].sub, reason: '由代办员办理（测试准备）' });
  }
  await journey.runTo('completed');
  // A failed acceptance orders rectification; the failed re-inspection makes the major credit record to rectify.
  await journey.acceptance(false);
  await journey.acceptance(false);
  const officer = people.officer;
  const d = await api.get(admin, 'agency', `/projects/${journey.projectId}/delegation`);
  const c = await api.get(admin, 'commitment-approval', `/cases/${journey.caseId}`);
  const credit = await api.get(admin, 'commitment-approval', `/enterprises/${enterprise.creditCode}/credit`);
  const availablePlot = newPlot({ zone } as Side);
  const roundYear = 2100 + randomInt(800); // a window of its own (rounds of a zone may not overlap)
  await api.post(officer, 'standard-land', '/plots', { ...availablePlot, assessments: ['energy', 'environment', 'flood', 'soil-water', 'water-resource', 'mineral-overlay', 'geohazard'], servicingLevel: '七通一平' });
  await api.post(officer, 'standard-land', `/plots/${availablePlot.code}/publish`);
  const s: Side = {
    journey,
    enterprise,
    zone,
    agentId: d.agentId,
    delegationId: d.id,
    taskId: d.tasks[0].id,
    itemCode: c.items[0].itemCode,
    departmentItemCode: c.items.find((i: { department: string }) => i.department === PLAYER_DEPARTMENT).itemCode,
    creditRecordId: (credit.records ?? credit.items ?? [])[0]?.id,
    importId: await uploadLedger(api, officer, zone, serial),
    roundId: (await api.post(admin, 'project-intake', '/rounds', { zoneCode: zone, name: `矩阵批次-${serial}`, startsOn: `${roundYear}-01-01`, endsOn: `${roundYear}-03-31` })).id,
    team: `${zone}-DB`,
    availablePlot: availablePlot.code,
    recipientId: '',
    notificationOf: new Map(),
  };
  // The enterprise's recipient and first message; each player's first message, where they have one.
  s.recipientId = (await until('the enterprise’s first notification', async () => (await api.get(enterprise, 'notifications', '/notifications?pageSize=1')).items[0])).recipientId;
  for (const who of [enterprise, ...players]) await noteFirstMessage(api, s, who);
  return s;
}

/** A one-row 项目台账 uploaded by the zone's officer: a checked batch of that zone. */
async function uploadLedger(api: DemoApi, officer: DemoUser, zone: string, serial: string): Promise<string> {
  const record = ledgerRecord(0, zone, `矩阵${serial}`);
  const file = await ledgerWorkbook(Object.keys(record), [record]);
  const response = await fetch(`${api.urls['project-intake']}/imports?fileName=matrix.xlsx`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await api.token(officer)}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: new Uint8Array(file),
  });
  if (response.status !== 201) throw new Error(`the matrix's ledger upload: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function noteFirstMessage(api: DemoApi, s: Side, who: DemoUser): Promise<void> {
  const inbox = (await api.get(who, 'notifications', '/me/inbox?pageSize=1')).items[0];
  if (inbox) s.notificationOf.set(who.sub, inbox.id);
}

describe('authorization matrix: every endpoint × every role × own and foreign', () => {
  const api = stackApi();
  const routes: { service: ServiceName; method: string; path: string }[] = [];
  let fixture: Fixture;
  const players = new Map<Role, DemoUser>();

  beforeAll(async () => {
    for (const service of SERVICE_NAMES) {
      const spec = (await (await fetch(`${api.urls[service]}/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      for (const [path, operations] of Object.entries(spec.paths)) for (const method of Object.keys(operations)) routes.push({ service, method: method.toUpperCase(), path });
    }
    const sx = zoneUsers(OWN_ZONE);
    players.set('zone-officer', sx.officer).set('department-officer', sx.departmentOfficer(PLAYER_DEPARTMENT)).set('agency-supervisor', sx.lead).set('zone-manager', sx.manager).set('province-manager', demoUser('province-manager')).set('admin', demoUser('admin'));
    const own = await side(api, OWN_ZONE, [...players.values()]);
    players.set('enterprise', own.enterprise).set('agency-agent', demoUser(own.agentId));
    await noteFirstMessage(api, own, demoUser(own.agentId));
    const foreign = await side(api, 'CZ-GXQ', [demoUser('admin')]);
    fixture = { own, foreign };
  }, 240_000);

  it('has a rule for every route the services serve, and no rule for a route that is gone', () => {
    const served = routes.map((r) => `${r.method} ${r.service} ${r.path}`);
    expect(served.filter((r) => !RULES[r])).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !served.includes(r))).toEqual([]);
    expect(served.length).toBeGreaterThan(70);
  });

  it('lets a department officer act on its own department’s items only: another department’s in its own zone → 403', async () => {
    const who = players.get('department-officer') as DemoUser;
    const other = fixture.own.itemCode; // 备案, 发展和改革局's
    const answers: string[] = [];
    for (const [action, body] of [['acceptance', opinion()], ['pause', { reason: 'hearing' }], ['resume', {}], ['decision', { decision: 'grant', ...opinion() }], ['revocation', { ...reason(), ...opinion() }]] as const) {
      const r = await api.call(who, 'POST', 'commitment-approval', `/cases/${fixture.own.journey.caseId}/items/${other}/${action}`, body);
      answers.push(`${action} ${r.status} ${r.body?.code ?? ''}`);
    }
    expect(answers).toEqual(['acceptance 403 department', 'pause 403 department', 'resume 403 department', 'decision 403 department', 'revocation 403 department']);
  });

  it('answers each role as its rule says, and lists leak nothing foreign', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const call = async (who: DemoUser | null, method: string, service: ServiceName, path: string, params: Record<string, string> | null, query: string, body: unknown) => {
      const filled = path.replace(/\{(\w+)\}/g, (_m, key: string) => encodeURIComponent(params?.[key] ?? `missing-${key}`));
      checked++;
      return { url: `${method} ${service}${filled}${query}`, ...(await api.call(who, method, service, `${filled}${query}`, method === 'GET' ? undefined : (body ?? {}))) };
    };
    for (const { service, method, path } of routes) {
      const rule = RULES[`${method} ${service} ${path}`];
      if (!rule) continue;
      if (rule.roles === 'public') {
        const r = await call(null, method, service, path, {}, '', rule.body?.(fixture.own, demoUser('admin')));
        if (r.status !== (rule.publicStatus ?? 200)) wrong.push(`${r.url} without a token → ${r.status}, expected ${rule.publicStatus ?? 200}`);
        continue;
      }
      const noToken = await call(null, method, service, path, rule.params?.(fixture.own, demoUser('admin')) ?? {}, '', undefined);
      if (noToken.status !== 401) wrong.push(`${noToken.url} without a token → ${noToken.status}, expected 401`);
      for (const role of ALL) {
        const who = players.get(role);
        if (!who) throw new Error(`no player for ${role}`);
        const admitted = rule.roles.includes(role);
        const scoped = (rule.scoped ?? ALL.filter((r) => !WIDE.includes(r))).includes(role);
        for (const which of ['own', 'foreign'] as const) {
          const s = fixture[which];
          const params = rule.params ? rule.params(s, who) : {};
          if (params === null) continue; // nothing of its own to reach here
          const r = await call(who, method, service, path, params, rule.query?.(s, who) ?? '', rule.body?.(s, who));
          const expected = !admitted ? [403] : which === 'foreign' && scoped && rule.kind === 'object' ? [404] : which === 'foreign' && scoped && rule.kind === 'create' ? [403] : null;
          if (expected ? !expected.includes(r.status) : [401, 403, 404].includes(r.status) || r.status >= 500) {
            wrong.push(`${role} ${which}: ${r.url} → ${r.status} ${JSON.stringify(r.body).slice(0, 160)}, expected ${expected ? expected.join('/') : 'to be let through'}`);
          }
          if (admitted && rule.kind === 'list' && scoped && r.status === 200 && rule.leak && JSON.stringify(r.body).includes(rule.leak(fixture.foreign))) {
            wrong.push(`${role}: ${r.url} leaks the foreign ${rule.leak(fixture.foreign)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(800);
  }, 300_000);
});
