import { ledgerRecord, LEDGER_STAGES, ledgerWorkbook, until, zoneUsers } from '@devzone/demo';
import { stackApi } from './support/stack';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 项目台账导入 (issue 18) across the running system: 500 projects at every stage
 * and on every land path, imported by a zone officer through project-intake; each
 * service then shows the state of each stage — the project, its approval case,
 * its land, its 全代办 delegation — and the zone's 三个一批 figures count them.
 */
describe('importing a 500-project ledger: every service builds the state of each stage', () => {
  const api = stackApi();
  const zone = 'SX-ZGQ';
  const officer = zoneUsers(zone).officer;
  const tag = `五百${Date.now().toString(36).slice(-5)}`;
  const records = Array.from({ length: 500 }, (_, i) => ledgerRecord(i, zone, tag));

  it('imports, and each stage reads right in project-intake, commitment-approval, standard-land and agency', async () => {
    const headers = { authorization: `Bearer ${await api.token(officer)}` };
    const figuresBefore = await api.get(zoneUsers(zone).manager, 'project-intake', `/figures/three-batches?zone=${zone}`);
    const file = await ledgerWorkbook(Object.keys(records[0]), records);
    const upload = await fetch(`${api.urls['project-intake']}/imports?fileName=${encodeURIComponent(`${tag}.xlsx`)}`, { method: 'POST', headers: { ...headers, 'content-type': XLSX }, body: new Uint8Array(file) });
    const batch = (await upload.json()) as { id: string; validRows: number };
    expect(batch.validRows).toBe(500);
    expect((await api.post(officer, 'project-intake', `/imports/${batch.id}/commit`)).importedRows).toBe(500);

    // One project of each stage × land path (row i: stage i % 7, land path i % 4, 全代办 when i % 3 = 0).
    const rows: { row: number; projectId: string }[] = [];
    for (let page = 1; rows.length < 500; page++) rows.push(...(await api.get(officer, 'project-intake', `/imports/${batch.id}/rows?status=imported&pageSize=100&page=${page}`)).items);
    const projectOf = (i: number) => rows.find((r) => r.row === i + 2)!.projectId;
    const STAGE = ['SIGNED', 'APPROVING', 'READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];
    const PATH = ['standard-land', 'grant', 'own-land', 'lease'];
    const CASE = ['OPENED', 'OPENED', 'GRANTED', 'GRANTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED'];
    const sample = Array.from({ length: 28 }, (_, i) => i); // every stage with every land path (7 × 4), 全代办 in a third of them
    for (const i of sample) {
      const id = projectOf(i);
      const stage = STAGE[i % 7];
      const where = `row ${i + 2} (${LEDGER_STAGES[i % 7]}, ${records[i]['用地方式']}, 全代办 ${records[i]['是否全代办']})`;
      // project-intake: at its stage (签约 goes on to 审批中 as the case opens, as for any signed project).
      const project = await until(`${where}: project`, async () => {
        const p = await api.get(officer, 'project-intake', `/projects/${id}`);
        return p.stage === (stage === 'SIGNED' ? 'APPROVING' : stage) ? p : undefined;
      });
      expect(`${where}: ${project.stage}`).toBe(`${where}: ${stage === 'SIGNED' ? 'APPROVING' : stage}`);
      // commitment-approval: an open case still to be worked, or a closed one.
      const kase = await until(`${where}: case`, async () => (await api.call(officer, 'GET', 'commitment-approval', `/projects/${id}/case`)).body?.status && (await api.get(officer, 'commitment-approval', `/projects/${id}/case`)));
      expect(`${where}: ${kase.status}`).toBe(`${where}: ${CASE[i % 7]}`);
      // standard-land: the path, secured from 具备开工条件 on.
      const land = await until(`${where}: land`, async () => {
        const r = await api.call(officer, 'GET', 'standard-land', `/projects/${id}/land`);
        return r.status === 200 ? r.body : undefined;
      });
      const secured = i % 7 >= 2;
      expect(`${where}: ${secured ? `secured ${land.path?.path}` : `intended ${land.project?.intendedPath}, path ${land.path}`}`).toBe(`${where}: ${secured ? `secured ${PATH[i % 4]}` : `intended ${PATH[i % 4]}, path null`}`);
      // agency: a delegation only when wanted and not past 开工.
      const delegated = records[i]['是否全代办'] === '是' && i % 7 <= 2;
      const delegation = await until(`${where}: delegation`, async () => {
        const r = await api.call(officer, 'GET', 'agency', `/projects/${id}/delegation`);
        return r.status === 200 || (!delegated && r.status === 404) ? r : undefined;
      });
      expect(`${where}: delegation ${delegation.status}`).toBe(`${where}: delegation ${delegated ? 200 : 404}`);
    }
    // 三个一批: the zone's figures count the imported projects (started: 在建 and later, 4 stages of 7).
    const figures = await api.get(zoneUsers(zone).manager, 'project-intake', `/figures/three-batches?zone=${zone}`);
    expect(figures.signed.count - figuresBefore.signed.count).toBeGreaterThanOrEqual(500);
    expect(figures.started.count - figuresBefore.started.count).toBeGreaterThanOrEqual(284);
  });
});
