import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProjectImported, type ImportedStage } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { createTestDatabase, dropTestDatabase, eventually, get, projectImportedPayload, publishAs, uniqueName, type Json } from '@devzone/testing';
import { AppModule } from '../src/app.module';

/**
 * project.imported (issue 18) over real PostgreSQL and Kafka: a project still in
 * approval opens its case as a signed one does; an approved one comes in as a
 * closed case (every item granted, the ledger's 文号, 对标验收 passed once
 * completed), silently, with a line in the case's record.
 */
describe('commitment-approval: cases of projects imported from a 项目台账', () => {
  const name = uniqueName('approval_imported');
  const prefix = `${name}.`;
  let service: RunningService;
  let db: DataSource;
  const url = (path: string) => `${service.url}${path}`;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'commitment-approval', databaseUrl: await createTestDatabase(name), topicPrefix: prefix, env: { APPROVAL_CHECK_INTERVAL_MS: '0' } });
    db = service.app.get(DataSource);
  });
  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  let row = 1;
  const importAt = async (stage: ImportedStage) => {
    const projectId = randomUUID();
    const [event] = await publishAs(`${prefix}project.events`, 'project-intake', [
      { definition: ProjectImported, projectId, payload: projectImportedPayload(stage, { name: `${stage} 导入项目`, source: { batchId: randomUUID(), fileName: '晋中台账.xlsx', row: ++row } }) },
    ]);
    const kase = await eventually(async () => {
      const { status, body } = await get(url(`/projects/${projectId}/case`));
      expect(status).toBe(200);
      return body;
    });
    return { projectId, event, kase };
  };
  const published = async (projectId: string) => (await db.query(`SELECT event_type FROM messaging_outbox WHERE key = $1`, [projectId])).map((r: { event_type: string }) => r.event_type);

  it.each(['SIGNED', 'APPROVING'] as const)('%s: the case opens as for a signed project (its items to do, approval.case-opened published)', async (stage) => {
    const { projectId, kase } = await importAt(stage);
    expect(kase).toMatchObject({ status: 'OPENED', decisionNumber: null });
    expect(kase['items'].length).toBeGreaterThan(0);
    expect(kase['items'].every((i: { status: string }) => i.status === 'PENDING')).toBe(true);
    expect(await published(projectId)).toEqual(['approval.case-opened']);
  });

  it.each([
    ['READY_TO_START', 'GRANTED'],
    ['UNDER_CONSTRUCTION', 'GRANTED'],
    ['COMPLETED', 'ACCEPTED'],
    ['FULL_PRODUCTION', 'ACCEPTED'],
  ] as const)('%s: a closed case (%s), every item granted with the ledger’s 文号, a record line saying where it came from, nothing published', async (stage, status) => {
    const { projectId, kase } = await importAt(stage);
    expect(kase).toMatchObject({ status, decisionNumber: '晋综改施字〔2024〕18号', grantedOn: null });
    expect(kase['items'].length).toBeGreaterThan(0);
    expect(kase['items'].map((i: Json) => i['status'])).toEqual(kase['items'].map(() => 'GRANTED'));
    expect(kase['record']).toEqual([expect.objectContaining({ act: 'imported', actName: '导入（项目台账）', opinion: expect.stringMatching(/^据项目台账导入（晋中台账\.xlsx 第\d+行）：审批已办结，批复（施工许可）文号 晋综改施字〔2024〕18号/) })]);
    expect(await published(projectId)).toEqual([]);
    // Not on any department's queue, and no 批复 reprinted as if issued here.
    const queue = await get(url(`/queue?zone=SX-ZGQ&pageSize=100`));
    expect(queue.body['items'].filter((e: Json) => e['projectId'] === projectId)).toEqual([]);
    expect((await get(url(`/cases/${kase['id']}/documents/decision`))).body).toMatchObject({ code: 'document-not-issued' });
  });

  it('the same event twice changes nothing', async () => {
    const { projectId, event } = await importAt('IN_PRODUCTION');
    const before = await db.query(`SELECT count(*)::int AS n FROM case_opinions WHERE case_id IN (SELECT id FROM cases WHERE project_id = $1)`, [projectId]);
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: event.payload, id: event.id }]);
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectImported, projectId, payload: { ...event.payload, approval: { state: 'granted', document: '另一个文号' } } }]);
    await eventually(async () => expect((await db.query(`SELECT count(*)::int AS n FROM messaging_inbox WHERE event_type = 'project.imported'`))[0].n).toBeGreaterThanOrEqual(row));
    expect(await db.query(`SELECT count(*)::int AS n FROM cases WHERE project_id = $1`, [projectId])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM case_opinions WHERE case_id IN (SELECT id FROM cases WHERE project_id = $1)`, [projectId])).toEqual(before);
    expect((await get(url(`/projects/${projectId}/case`))).body['decisionNumber']).toBe('晋综改施字〔2024〕18号');
  });
});
