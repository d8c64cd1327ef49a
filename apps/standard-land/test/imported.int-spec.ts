import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProjectImported, ProjectSigned, type ImportedStage, type LandPath, type ProjectImportedV1 } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { createTestDatabase, dropTestDatabase, eventually, get, post, projectSignedPayload, publishAs, uniqueName, type Json } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { IdleLandChecker } from '../src/application/idle-land.checker';
import { addYears } from '../src/domain/consequences';

const PLANNED = { start: '2025-03-01', completion: '2026-04-30', production: '2026-06-01' };
const SOURCE = { batchId: randomUUID(), fileName: '综改区项目台账.xlsx' };

/**
 * 导入 (project.imported, issue 18): standard-land builds each imported project's land for
 * its stage from the event alone — real PostgreSQL and Kafka, the event published as
 * project-intake publishes it — silently (no land.* event in the outbox), once per project.
 */
describe('standard-land: projects imported from a ledger (project.imported)', () => {
  const name = uniqueName('land_import');
  const prefix = `${name}.`;
  let land: RunningService;
  let db: DataSource;
  const url = (path: string) => `${land.url}${path}`;

  beforeAll(async () => {
    const landDb = await createTestDatabase(`${name}_land`);
    land = await startService(AppModule, { service: 'standard-land', databaseUrl: landDb, topicPrefix: prefix, env: { LAND_CHECK_INTERVAL_MS: '0' } });
    db = land.app.get(DataSource);
  }, 120_000);

  afterAll(async () => {
    await land?.close();
    await dropTestDatabase(`${name}_land`);
  });

  let row = 1;
  const payload = (stage: ImportedStage, path: LandPath, document: string | null, actualDates: ProjectImportedV1['actualDates'] = {}, overrides: Partial<ProjectImportedV1> = {}): ProjectImportedV1 => ({
    ...projectSignedPayload({
      name: `${stage} ${path} 导入项目`,
      landAreaMu: path === 'none' || path === 'lease' ? 0 : 60,
      usesStandardLand: path === 'standard-land',
      plannedDates: PLANNED,
      signedOn: '2024-12-10',
    }),
    stage,
    approval: ['SIGNED', 'APPROVING'].includes(stage) ? { state: stage === 'SIGNED' ? 'not-started' : 'in-progress' } : { state: 'granted', document: '晋综示施〔2025〕12号' },
    land: { path, ...(document ? { document } : {}) },
    actualDates,
    source: { ...SOURCE, row: ++row },
    ...overrides,
  });
  const importProject = async (p: ProjectImportedV1, projectId: string = randomUUID()) => {
    const [event] = await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: p }]);
    await eventually(async () => expect((await get(url(`/projects/${projectId}/land`))).status).toBe(200));
    return { projectId, event };
  };
  const landOf = async (projectId: string): Promise<Json> => (await get(url(`/projects/${projectId}/land`))).body;
  const processed = (eventId: string) => eventually(async () => expect(await db.query(`SELECT 1 FROM messaging_inbox WHERE event_id = $1`, [eventId])).toHaveLength(1));
  const outboxOf = async (projectIds: string[]): Promise<string[]> => (await db.query(`SELECT event_type FROM messaging_outbox WHERE key = ANY($1)`, [projectIds])).map((r: { event_type: string }) => r.event_type);
  const from = (p: ProjectImportedV1) => ({ batchId: SOURCE.batchId, fileName: SOURCE.fileName, row: p.source.row, note: `导入自${SOURCE.fileName}第${p.source.row}行` });
  const imported: string[] = [];

  it('standard-land at IN_PRODUCTION: the 标准地 path, its contract and agreement on the zone template, 竣工验收 passed as history', async () => {
    const p = payload('IN_PRODUCTION', 'standard-land', '晋综示标出〔2025〕3号', { start: '2025-03-05', completion: '2026-04-20', production: '2026-05-30' });
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    const template = (await get(url('/indicator-templates/SX-ZGQ'))).body;
    expect(view['project']).toMatchObject({ stage: 'IN_PRODUCTION', actualStart: '2025-03-05', usesStandardLand: true, landAreaMu: 60, imported: from(p), intendedPath: null });
    expect(view['path']).toMatchObject({ path: 'standard-land', pathZh: '标准地', reference: '晋综示标出〔2025〕3号', securedOn: '2024-12-10', areaMu: 60, imported: from(p) });
    expect(view['plot']).toBeNull(); // the ledger gives no plot: none is reserved
    expect(view['contract']).toMatchObject({
      kind: 'standard-land',
      plotId: null,
      contractNumber: '晋综示标出〔2025〕3号',
      landPriceFen: 0,
      agreedStart: PLANNED.start,
      agreedCompletion: PLANNED.completion,
      agreedProduction: PLANNED.production,
      areaMu: 60,
      agreement: { number: '晋综示标出〔2025〕3号', indicators: template['indicators'], reviewDate: '2027-06-01' },
      imported: from(p),
    });
    expect(view['checks']).toEqual([expect.objectContaining({ stage: 'completion', checkedOn: '2026-04-20', state: 'passed', measured: [], status: { zh: '通过（导入的历史记录）', en: 'passed (imported history)' }, imported: from(p) })]);
    expect(view['checkableStages']).toEqual(['full-production']); // 竣工验收 is not asked for again; 达产复核 is still due
    expect(view['actions']).toEqual(['land-checks', 'interim-reports', 'construction-progress', 'idle-exemption']);
    expect(view['idleLand']).toMatchObject({ case: null, level: 'none' }); // started, per the ledger
  });

  it('standard-land at FULL_PRODUCTION: both checks passed as history, nothing left to check', async () => {
    const p = payload('FULL_PRODUCTION', 'standard-land', 'BZD-2024-9', { start: '2024-03-05', completion: '2025-04-20', production: '2025-05-30', fullProduction: '2026-06-30' });
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    expect(view['checks'].map((c: Json) => [c.stage, c.checkedOn, c.state, c.imported?.row])).toEqual([
      ['completion', '2025-04-20', 'passed', p.source.row],
      ['full-production', '2026-06-30', 'passed', p.source.row],
    ]);
    expect(view['contract']['agreement']['reviewDate']).toBe('2026-06-30');
    expect(view['checkableStages']).toEqual([]);
    const completion = [
      { code: 'investment-intensity', value: 400, unit: '万元/亩' },
      { code: 'floor-area-ratio', value: 1.2, unit: 'ratio' },
      { code: 'building-coverage', value: 40, unit: '%' },
      { code: 'admin-land-share', value: 5, unit: '%' },
    ];
    expect(await post(url(`/projects/${projectId}/land-checks`), { stage: 'completion', measured: completion })).toMatchObject({ status: 409, body: { code: 'check-closed', message: expect.stringMatching(/^竣工验收已有结论（通过）/) } });
  });

  it('grant at UNDER_CONSTRUCTION: the 招拍挂 path and its contract, secured, no agreement', async () => {
    const p = payload('UNDER_CONSTRUCTION', 'grant', '晋综示出让〔2025〕21号', { start: '2025-04-01' });
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    expect(view['project']).toMatchObject({ stage: 'UNDER_CONSTRUCTION', actualStart: '2025-04-01', usesStandardLand: false });
    expect(view['path']).toMatchObject({ path: 'grant', reference: '晋综示出让〔2025〕21号', areaMu: 60, imported: from(p) });
    expect(view['contract']).toMatchObject({ kind: 'grant', contractNumber: '晋综示出让〔2025〕21号', agreement: null, agreedStart: PLANNED.start, location: null, imported: from(p) });
    expect(view['checks']).toEqual([]);
    expect(view['actions']).toEqual(['construction-progress', 'idle-exemption']); // secured: no path form; no agreement: no checks
  });

  it('own-land at READY_TO_START: the 不动产权证, secured', async () => {
    const p = payload('READY_TO_START', 'own-land', '晋(2024)太原市不动产权第0012345号');
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    expect(view['path']).toMatchObject({ path: 'own-land', pathZh: '自有用地', reference: '晋(2024)太原市不动产权第0012345号', areaMu: 60, imported: from(p) });
    expect(view['contract']).toBeNull();
    expect(view['actions']).toEqual([]);
    expect(await post(url(`/projects/${projectId}/own-land`), { certificateNumber: '晋(2024)太原市不动产权第0099999号', areaMu: 60, location: '纬三路 8 号' })).toMatchObject({ status: 409, body: { code: 'land-secured' } });
  });

  it('lease at IN_PRODUCTION (0 亩): the lease contract, secured, not “no new land”', async () => {
    const p = payload('IN_PRODUCTION', 'lease', '综改运营租〔2024〕7号', { start: '2025-01-05', completion: '2025-06-20', production: '2025-07-01' });
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    expect(view['path']).toMatchObject({ path: 'lease', pathZh: '租赁厂房', reference: '综改运营租〔2024〕7号', lease: null, imported: from(p) });
    expect(view['actions']).toEqual([]);
  });

  it('none at UNDER_CONSTRUCTION: no new land, as project.signed with 0 亩 records it', async () => {
    const p = payload('UNDER_CONSTRUCTION', 'none', null, { start: '2025-05-01' });
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    expect(view['path']).toMatchObject({ path: 'none', reference: '无新增用地', securedOn: '2024-12-10', recordedBy: null, imported: from(p) });
    expect(view['actions']).toEqual(['lease']);
  });

  it('lets an officer lease premises instead of an imported “no new land”: the lease is the officer’s, not imported', async () => {
    const { projectId } = await importProject(payload('IN_PRODUCTION', 'none', null, { start: '2025-01-05', completion: '2025-06-20', production: '2025-07-01' }));
    const lease = { contractNumber: 'ZL-AFTER-IMPORT', landlord: '山西转型综改示范区运营管理有限公司', premises: '潇河标准厂房 3 号楼', floorAreaM2: 4800, leaseFrom: '2025-01-01', leaseTo: '2030-12-31', standardFactory: true };
    expect(await post(url(`/projects/${projectId}/lease`), lease)).toMatchObject({ status: 201, body: { path: 'lease', reference: 'ZL-AFTER-IMPORT', imported: null, recordedBy: { id: 'test-admin' } } });
  });

  it('standard-land at APPROVING without a document: intended, not secured — the officer continues', async () => {
    const p = payload('APPROVING', 'standard-land', null);
    const { projectId } = await importProject(p);
    imported.push(projectId);
    const view = await landOf(projectId);
    expect(view['project']).toMatchObject({ stage: 'APPROVING', usesStandardLand: true, intendedPath: 'standard-land', imported: from(p) });
    expect(view).toMatchObject({ path: null, contract: null, plot: null, checks: [], checkableStages: [] });
    expect((await get(url(`/projects/${projectId}/plot-matches`))).body['usesStandardLand']).toBe(true);
  });

  it('grant at SIGNED without a document: intended; the officer records the grant as usual', async () => {
    const p = payload('SIGNED', 'grant', null);
    const { projectId } = await importProject(p);
    const view = await landOf(projectId);
    expect(view['project']).toMatchObject({ stage: 'SIGNED', intendedPath: 'grant' });
    expect(view['path']).toBeNull();
    expect(view['actions']).toEqual(['land-grant', 'own-land', 'lease']);
    const grant = { number: 'G-AFTER-IMPORT', signedOn: chinaDate(), landPriceFen: 1_200_000_000, areaMu: 60, location: '纬二路以北', agreedStart: '2027-03-01', agreedCompletion: '2028-06-30' };
    expect(await post(url(`/projects/${projectId}/land-grant`), grant)).toMatchObject({ status: 201, body: { path: 'grant', imported: null } });
    expect(await outboxOf([projectId])).toEqual(['land.land-secured']); // the officer's act is announced, as always
  });

  it('publishes no land.* event for what it imported, and a second project.imported changes nothing', async () => {
    expect(imported).toHaveLength(7);
    // The outbox counts: project.signed with 0 亩 announces its 'none' path; the same fact imported does not.
    const signed = randomUUID();
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId: signed, payload: projectSignedPayload({ landAreaMu: 0, usesStandardLand: false }) }]);
    await eventually(async () => expect(await outboxOf([signed])).toEqual(['land.land-secured']));
    expect(await outboxOf(imported)).toEqual([]);

    const p = payload('COMPLETED', 'standard-land', 'BZD-TWICE', { start: '2025-03-05', completion: '2026-04-20' });
    const { projectId, event } = await importProject(p);
    const before = await landOf(projectId);
    // The same event again (the inbox), and another project.imported for the project saying otherwise (the service).
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: p, id: event.id }]);
    const [other] = await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: payload('FULL_PRODUCTION', 'grant', 'G-OTHER', { start: '2025-01-01', completion: '2025-06-01', production: '2025-07-01', fullProduction: '2026-01-01' }) }]);
    await processed(other.id);
    expect(await landOf(projectId)).toEqual(before);
    expect(await db.query(`SELECT count(*)::int AS n FROM land_checks WHERE contract_id = $1`, [before['contract']['id']])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM contracts WHERE contract_number = 'G-OTHER'`)).toEqual([{ n: 0 }]);
    expect(await outboxOf([projectId])).toEqual([]);
  });

  it('counts an idle level reached before the import as history: only a later level is announced', async () => {
    const plannedStart = addDays(chinaDate(), -400); // a year past the agreed start, not yet two: the fee level
    const p = payload('READY_TO_START', 'grant', 'G-IDLE', {}, { plannedDates: { start: plannedStart, completion: addDays(plannedStart, 400), production: addDays(plannedStart, 460) } });
    const { projectId } = await importProject(p);
    const view = await landOf(projectId);
    expect(view['idleLand']).toMatchObject({ case: 'not-started', level: 'fee', clockFrom: plannedStart, raised: { 'not-started': 'fee', stalled: null } });
    const idle = land.app.get(IdleLandChecker);
    await idle.run();
    expect(await outboxOf([projectId])).toEqual([]);
    await idle.run(addYears(plannedStart, 2));
    expect(await outboxOf([projectId])).toEqual(['land.idle-land']);
    const [row] = await db.query(`SELECT event->'payload' AS payload FROM messaging_outbox WHERE key = $1`, [projectId]);
    expect(row.payload).toMatchObject({ plotCode: 'G-IDLE', level: 'recovery', case: 'not-started' });
  });

  it('checks an imported 标准地 agreement without a plot, on the contract’s area, named by its contract number', async () => {
    const p = payload('IN_PRODUCTION', 'standard-land', 'BZD-CHECK', { start: '2025-03-05', completion: '2026-04-20', production: '2026-05-30' });
    const { projectId } = await importProject(p);
    const measured = [
      { code: 'tax-per-mu', value: 25, unit: '万元/亩·年' },
      { code: 'output-per-mu', value: 600, unit: '万元/亩·年' },
      { code: 'value-added-per-energy', value: 2, unit: '万元/吨标煤' },
      { code: 'value-added-per-emission', value: 120, unit: '万元/吨' },
      { code: 'rd-intensity', value: 3, unit: '%' },
    ];
    expect(await post(url(`/projects/${projectId}/land-checks`), { stage: 'full-production', measured })).toMatchObject({ status: 201, body: { stage: 'full-production', state: 'passed', imported: null, status: { zh: '通过' } } });
    await eventually(async () => expect(await outboxOf([projectId])).toEqual(['land.check-passed']));
    const [row] = await db.query(`SELECT event->'payload'->>'plotCode' AS code FROM messaging_outbox WHERE key = $1`, [projectId]);
    expect(row.code).toBe('BZD-CHECK');
    expect((await landOf(projectId))['checkableStages']).toEqual([]);
  });
});
