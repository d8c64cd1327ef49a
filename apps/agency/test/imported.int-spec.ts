import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProjectImported, type ImportedStage } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, projectImportedPayload, publishAs, uniqueName, type Json } from '@devzone/testing';
import { AppModule } from '../src/app.module';

const ZONE = 'SX-ZGQ';
const LEAD = as({ sub: 'import-lead', name: '专班负责人', role: 'agency-supervisor', zones: [ZONE] });

/**
 * project.imported (issue 18) over real PostgreSQL and Kafka: a delegation only
 * when the ledger says 全代办 is wanted and the project has not started (开工);
 * ready to start, only what is left (the utilities); the project known either way.
 */
describe('agency: projects imported from a 项目台账', () => {
  const name = uniqueName('agency_imported');
  const prefix = `${name}.`;
  let service: RunningService;
  let db: DataSource;
  const url = (path: string) => `${service.url}${path}`;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'agency', databaseUrl: await createTestDatabase(name), topicPrefix: prefix, env: { AGENCY_CHECK_INTERVAL_MS: '0' } });
    db = service.app.get(DataSource);
    expect((await post(url('/teams'), { code: 'SX-DB', zoneCode: ZONE, name: '综改区代办专班', leadAgentId: 'import-lead' }, LEAD)).status).toBe(201);
    expect((await post(url('/agents'), { id: 'import-lead', name: '专班负责人', zoneCode: ZONE, teamCode: 'SX-DB', specialities: ['approval', 'utilities'], capacity: 30 }, LEAD)).status).toBe(201);
  });
  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const importAt = async (stage: ImportedStage, wantsFullAgency = true) => {
    const projectId = randomUUID();
    const [event] = await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: projectImportedPayload(stage, { wantsFullAgency, name: `${stage} 导入项目` }) }]);
    await eventually(async () => expect(await db.query(`SELECT 1 FROM messaging_inbox WHERE event_id = $1`, [event.id])).toHaveLength(1));
    return { projectId, event };
  };
  const delegationOf = async (projectId: string) => get(url(`/projects/${projectId}/delegation`), LEAD);
  const known = async (projectId: string) => (await db.query(`SELECT wants_full_agency FROM agency_projects WHERE project_id = $1`, [projectId])) as { wants_full_agency: boolean }[];

  it.each(['SIGNED', 'APPROVING'] as const)('%s with 全代办: a delegation as at signing (approval, utilities and land in scope)', async (stage) => {
    const { projectId } = await importAt(stage);
    const { status, body } = await delegationOf(projectId);
    expect(status).toBe(200);
    expect(body['scope']).toEqual(['approval', 'utilities', 'land']);
    expect(body['tasks'].map((t: Json) => t['source']).sort()).toEqual(expect.arrayContaining(['land', 'utility']));
  });

  it('READY_TO_START with 全代办: only what is left — the utilities (approvals done, land secured)', async () => {
    const { projectId } = await importAt('READY_TO_START');
    const { body } = await delegationOf(projectId);
    expect(body['scope']).toEqual(['utilities']);
    expect(new Set(body['tasks'].map((t: Json) => t['source']))).toEqual(new Set(['utility']));
  });

  it.each(['UNDER_CONSTRUCTION', 'IN_PRODUCTION'] as const)('%s: past 开工, no delegation; the project is known, with 全代办 wanted as the ledger says', async (stage) => {
    const { projectId } = await importAt(stage);
    expect((await delegationOf(projectId)).status).toBe(404);
    expect(await known(projectId)).toEqual([{ wants_full_agency: true }]);
  });

  it('without 全代办: no delegation at any stage', async () => {
    const { projectId } = await importAt('SIGNED', false);
    expect((await delegationOf(projectId)).status).toBe(404);
    expect(await known(projectId)).toEqual([{ wants_full_agency: false }]);
  });

  it('the same event twice changes nothing', async () => {
    const { projectId, event } = await importAt('APPROVING');
    const before = (await delegationOf(projectId)).body;
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: event.payload }]);
    await eventually(async () => expect((await db.query(`SELECT count(*)::int AS n FROM messaging_inbox WHERE event_type = 'project.imported'`))[0].n).toBeGreaterThanOrEqual(8));
    expect(await db.query(`SELECT count(*)::int AS n FROM delegations WHERE project_id = $1`, [projectId])).toEqual([{ n: 1 }]);
    expect((await delegationOf(projectId)).body['tasks']).toHaveLength(before['tasks'].length);
  });
});
