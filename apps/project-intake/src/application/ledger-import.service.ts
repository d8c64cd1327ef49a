import { Injectable } from '@nestjs/common';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { buildEvent, ProjectImported, Services, type Actor, type EventEnvelope } from '@devzone/contracts';
import { isProvinceWide, type Principal } from '@devzone/auth';
import { Outbox } from '@devzone/messaging';
import { chinaDate, DomainError } from '@devzone/shared-kernel';
import { cellText, duplicateKeys, LEDGER_COLUMNS, parseLedgerRow, type LedgerCells, type LedgerContext, type LedgerProblem, type LedgerProject } from '../domain/ledger';
import { initialState } from '../domain/lifecycle.state-machine';
import { buildProjectCode } from '../domain/project-code';
import { ImportBatchOrm, ImportRowOrm } from '../infrastructure/import-entities';
import { ProjectOrm, ZoneOrm } from '../infrastructure/orm-entities';
import { LedgerFileProblem, markedLedger, readLedger, type LedgerUploadRow } from './ledger-workbook';
import { recordTimeline } from './timeline';

/** The stages at which 竣工验收 has been passed. */
const COMPLETED_OR_LATER = ['COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];
/** Rows written per transaction when checking and when committing (a 10,000-row file in 50 commits). */
const CHUNK = 200;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
/** A cell as stored with the row: text, a number, or a date as YYYY-MM-DD. */
const storedCell = (v: unknown): string | number | null => (typeof v === 'number' ? v : cellText(v) || null);

/**
 * 项目台账 import (issue 18): an upload is checked row by row and nothing is
 * written but the batch (the dry run); its commit turns each valid row into a
 * project at its stage, each with one project.imported event in the same
 * transaction. A row that names a project an earlier import brought in with
 * the same content is 'unchanged', so importing a file again changes nothing;
 * a commit interrupted half way is resumed by committing again.
 */
@Injectable()
export class LedgerImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** The dry run: every row checked against the rules, the zones, the other rows and the projects already here. */
  async check(file: Buffer, fileName: string, principal: Principal): Promise<ImportBatchOrm> {
    const zones = await this.dataSource.getRepository(ZoneOrm).find();
    const ctx: LedgerContext = { knownZones: new Set(zones.map((z) => z.code)), importerZones: isProvinceWide(principal) ? null : new Set(principal.zones), today: chinaDate() };
    const rows: ImportRowOrm[] = [];
    const firstRowOf = new Map<string, number>();
    try {
      for await (const upload of readLedger(file)) {
        const parsed = parseLedgerRow(upload.cells, ctx);
        const cells = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, storedCell(upload.cells[c.key])])) as ImportRowOrm['cells'];
        const row: ImportRowOrm = Object.assign(new ImportRowOrm(), { rowNumber: upload.row, cells, problems: [] as LedgerProblem[], project: null, rowSha256: null, keys: [] as string[], projectId: null, status: 'valid' as ImportRowOrm['status'] });
        if (!parsed.ok) Object.assign(row, { status: 'error', problems: parsed.problems });
        else {
          row.project = parsed.project;
          row.keys = duplicateKeys(parsed.project);
          row.rowSha256 = sha256(JSON.stringify(parsed.project));
          const earlier = row.keys.map((k) => firstRowOf.get(k)).find((n) => n !== undefined);
          if (earlier !== undefined) Object.assign(row, { status: 'error', problems: [{ column: 'name', header: '项目名称', message: `与第${earlier}行是同一项目（项目代码或信用代码与项目名称相同）` }] });
          else row.keys.forEach((k) => firstRowOf.set(k, upload.row));
        }
        rows.push(row);
      }
    } catch (error) {
      if (error instanceof LedgerFileProblem) throw DomainError.invalid('file', { zh: error.message, en: 'the file is not a filled-in ledger template' }, 'ledger-file');
      throw DomainError.invalid('file', { zh: '无法读取文件，请上传由导入模板填写的 .xlsx 文件', en: `unreadable workbook: ${(error as Error).message}` }, 'ledger-file');
    }
    await this.againstProjects(this.dataSource.manager, rows.filter((r) => r.status === 'valid'));

    const batch = Object.assign(new ImportBatchOrm(), {
      id: randomUUID(),
      fileName,
      fileSha256: sha256(file),
      createdBy: principal.sub,
      zones: isProvinceWide(principal) ? null : principal.zones,
      status: 'checked',
      totalRows: rows.length,
      validRows: rows.filter((r) => r.status === 'valid').length,
      errorRows: rows.filter((r) => r.status === 'error').length,
      unchangedRows: rows.filter((r) => r.status === 'unchanged').length,
      importedRows: 0,
      committedAt: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ImportBatchOrm, batch);
      for (let i = 0; i < rows.length; i += CHUNK) await manager.insert(ImportRowOrm, rows.slice(i, i + CHUNK).map((r) => ({ ...r, batchId: batch.id })));
    });
    return this.batch(batch.id, principal);
  }

  /**
   * Rows that name a project already here: the same content an earlier import brought in → unchanged;
   * anything else → a problem on the row (the project is followed already).
   */
  private async againstProjects(manager: EntityManager, rows: ImportRowOrm[]): Promise<void> {
    if (!rows.length) return;
    const keys = [...new Set(rows.flatMap((r) => r.keys))];
    const imported = (await manager.query(`SELECT keys, row_sha256, project_id FROM import_rows WHERE status = 'imported' AND keys && $1::text[]`, [keys])) as { keys: string[]; row_sha256: string; project_id: string }[];
    const importedBy = new Map(imported.flatMap((r) => r.keys.map((k) => [k, r] as const)));
    const codes = rows.map((r) => r.project?.projectCode).filter((c): c is string => !!c);
    const credits = [...new Set(rows.flatMap((r) => (r.project ? [r.project.creditCode] : [])))];
    const existing = (await manager.query(`SELECT id, code, name, credit_code FROM projects WHERE code = ANY($1::text[]) OR credit_code = ANY($2::text[])`, [codes, credits])) as { id: string; code: string; name: string; credit_code: string }[];
    const existingBy = new Map(existing.flatMap((p) => duplicateKeys({ projectCode: p.code, creditCode: p.credit_code, name: p.name }).map((k) => [k, p] as const)));
    for (const row of rows) {
      const before = row.keys.map((k) => importedBy.get(k)).find(Boolean);
      if (before && before.row_sha256 === row.rowSha256) {
        Object.assign(row, { status: 'unchanged', projectId: before.project_id });
        continue;
      }
      const project = row.keys.map((k) => existingBy.get(k)).find(Boolean);
      if (project) Object.assign(row, { status: 'error', problems: [{ column: 'name', header: '项目名称', message: `与已有项目重复：${project.code} ${project.name}${before ? '（该项目由之前的导入带入，台账内容已有变化，请在项目页面修改）' : ''}` }] });
    }
  }

  /** The batch, when the caller may see it: its creator, or anyone working in all its zones (404 otherwise). */
  async batch(id: string, principal: Principal): Promise<ImportBatchOrm> {
    const batch = await this.dataSource.getRepository(ImportBatchOrm).findOneBy({ id });
    const sees = batch && (batch.createdBy === principal.sub || isProvinceWide(principal) || (batch.zones !== null && batch.zones.every((z) => principal.zones.includes(z))));
    if (!batch || !sees) throw DomainError.notFound({ zh: `导入批次不存在：${id}`, en: `no import batch ${id}` }, 'import-not-found');
    return batch;
  }

  async rows(id: string, principal: Principal, q: { status?: ImportRowOrm['status']; skip: number; take: number }): Promise<[ImportRowOrm[], number]> {
    await this.batch(id, principal);
    return this.dataSource.getRepository(ImportRowOrm).findAndCount({ where: { batchId: id, ...(q.status ? { status: q.status } : {}) }, order: { rowNumber: 'ASC' }, skip: q.skip, take: q.take });
  }

  /** The upload given back with its problems marked. */
  async report(id: string, principal: Principal): Promise<Buffer> {
    await this.batch(id, principal);
    const rows = await this.dataSource.getRepository(ImportRowOrm).find({ where: { batchId: id }, order: { rowNumber: 'ASC' } });
    const uploads: LedgerUploadRow[] = rows.map((r) => ({ row: r.rowNumber, cells: r.cells as Partial<LedgerCells> }));
    return markedLedger(uploads, new Map(rows.filter((r) => r.problems.length).map((r) => [r.rowNumber, r.problems])));
  }

  /**
   * The commit: each valid row a project at its stage with its project.imported event, CHUNK rows per
   * transaction (the batch row locked, so two commits of one batch do not race); committing a committed batch
   * changes nothing, and a commit cut short resumes where it stopped.
   */
  async commit(id: string, actor: Actor, principal: Principal): Promise<ImportBatchOrm> {
    const batch = await this.batch(id, principal);
    if (batch.status === 'committed') return batch;
    const zones = new Map((await this.dataSource.getRepository(ZoneOrm).find()).map((z) => [z.code, z]));
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const locked = await manager.getRepository(ImportBatchOrm).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!locked || locked.status === 'committed') return true;
        const rows = await manager.getRepository(ImportRowOrm).find({ where: { batchId: id, status: 'valid' }, order: { rowNumber: 'ASC' }, take: CHUNK });
        if (!rows.length) {
          await manager.update(ImportBatchOrm, { id }, { status: 'committed', committedAt: new Date() });
          return true;
        }
        // Another batch may have brought one of these projects in since the dry run.
        await this.againstProjects(manager, rows);
        const coming = rows.filter((r) => r.status === 'valid');
        for (const row of coming) {
          // The zone is gone since the dry run: the row cannot come in (and must not be tried again and again).
          if (!row.project || !zones.has(row.project.zoneCode)) Object.assign(row, { status: 'error', problems: [{ column: 'zoneCode', header: '开发区代码', message: `开发区代码不存在：${row.project?.zoneCode ?? ''}` }] });
        }
        const imported = await this.insertProjects(
          manager,
          rows.filter((r) => r.status === 'valid'),
          zones,
          locked.fileName,
          actor,
        );
        // Every row's outcome in one statement.
        const outcome: unknown[] = [];
        const values = rows.map((r) => {
          const at = outcome.push(r.rowNumber, r.status, r.projectId, JSON.stringify(r.problems)) - 4;
          return `($${at + 2}::int, $${at + 3}, $${at + 4}::uuid, $${at + 5}::jsonb)`;
        });
        await manager.query(
          `UPDATE import_rows r SET status = v.status, project_id = v.project_id, problems = v.problems FROM (VALUES ${values.join(', ')}) AS v (row_number, status, project_id, problems) WHERE r.batch_id = $1 AND r.row_number = v.row_number`,
          [id, ...outcome],
        );
        await manager.update(ImportBatchOrm, { id }, { status: 'committing', importedRows: () => `imported_rows + ${imported}`, errorRows: () => `error_rows + ${rows.filter((r) => r.status === 'error').length}`, unchangedRows: () => `unchanged_rows + ${rows.filter((r) => r.status === 'unchanged').length}` });
        return false;
      });
      if (done) return this.batch(id, principal);
    }
  }

  /**
   * The rows' projects at their stages, in one insert, and their project.imported events (outbox and timeline)
   * in one each; a ledger's valid project code is kept, the others issued as at registration. Sets each row's
   * projectId and status; answers how many came in.
   */
  private async insertProjects(manager: EntityManager, rows: ImportRowOrm[], zones: Map<string, ZoneOrm>, fileName: string, actor: Actor): Promise<number> {
    if (!rows.length) return 0;
    const codes = new Map<ImportRowOrm, string>();
    for (let tries = 0; codes.size < rows.length; tries++) {
      if (tries > 5) throw new Error('could not issue unique project codes');
      const drawn = rows.filter((r) => !codes.has(r)).map((r) => {
        const p = r.project as LedgerProject;
        const zone = zones.get(p.zoneCode) as ZoneOrm;
        return [r, p.projectCode ?? buildProjectCode({ issuedOn: chinaDate(), regionCode: zone.regionCode, departmentCode: zone.departmentCode, projectType: p.projectType, serial: randomInt(100_000) })] as const;
      });
      const taken = new Set(((await manager.query(`SELECT code FROM projects WHERE code = ANY($1::text[])`, [drawn.map(([, c]) => c)])) as { code: string }[]).map((x) => x.code));
      const seen = new Set(codes.values());
      for (const [r, code] of drawn) {
        if (taken.has(code) || seen.has(code)) continue;
        codes.set(r, code);
        seen.add(code);
      }
    }
    const projects: Partial<ProjectOrm>[] = [];
    const events: EventEnvelope[] = [];
    for (const row of rows) {
      const p = row.project as LedgerProject;
      const id = randomUUID();
      const code = codes.get(row) as string;
      const landNeeded = p.landAreaMu > 0;
      const usesStandardLand = p.landPath === 'standard-land';
      const contacts = [{ name: p.contact.name, mobile: p.contact.mobile }];
      projects.push({
        id,
        code,
        name: p.name,
        enterpriseName: p.enterpriseName,
        creditCode: p.creditCode,
        zoneCode: p.zoneCode,
        industryCode: p.industryCode,
        projectType: p.projectType,
        totalInvestment: p.totalInvestment,
        fixedAssetInvestment: p.fixedAssetInvestment,
        projectedAnnualOutput: p.projectedAnnualOutput,
        actualAnnualOutput: null,
        landAreaMu: p.landAreaMu,
        usesStandardLand,
        wantsFullAgency: p.wantsFullAgency,
        contacts,
        signedOn: p.signedOn,
        threeBatchesRound: null,
        stage: p.stage,
        stageBeforeSuspension: null,
        approvalsGranted: p.approvalState === 'granted',
        landSecured: landNeeded && !!p.landDocument,
        acceptance: COMPLETED_OR_LATER.includes(p.stage) ? 'passed' : 'pending',
        landReview: usesStandardLand && p.stage === 'FULL_PRODUCTION' ? 'passed' : initialState(landNeeded, usesStandardLand).landReview,
        landPath: p.landPath,
        landReference: p.landDocument,
        permitNumber: p.approvalDocument,
        statusReason: null,
        plannedStart: p.plannedDates.start,
        plannedCompletion: p.plannedDates.completion,
        plannedProduction: p.plannedDates.production,
        actualStart: p.actualDates.start,
        actualCompletion: p.actualDates.completion,
        actualProduction: p.actualDates.production,
        actualFullProduction: p.actualDates.fullProduction,
      });
      events.push(
        buildEvent(ProjectImported, {
          projectId: id,
          source: Services.projectIntake,
          actor,
          payload: {
            projectCode: code,
            name: p.name,
            enterprise: { name: p.enterpriseName, creditCode: p.creditCode },
            zoneCode: p.zoneCode,
            industryCode: p.industryCode,
            projectType: p.projectType,
            totalInvestment: p.totalInvestment,
            fixedAssetInvestment: p.fixedAssetInvestment,
            projectedAnnualOutput: p.projectedAnnualOutput,
            landAreaMu: p.landAreaMu,
            usesStandardLand,
            wantsFullAgency: p.wantsFullAgency,
            plannedDates: p.plannedDates,
            signedOn: p.signedOn,
            contacts,
            stage: p.stage,
            approval: { state: p.approvalState, ...(p.approvalDocument ? { document: p.approvalDocument } : {}) },
            land: { path: p.landPath, ...(p.landDocument ? { document: p.landDocument } : {}) },
            actualDates: Object.fromEntries(Object.entries(p.actualDates).filter(([, v]) => v !== null)),
            source: { batchId: row.batchId, fileName, row: row.rowNumber },
          },
        }),
      );
      Object.assign(row, { projectId: id, status: 'imported' });
    }
    await manager.insert(ProjectOrm, projects);
    await this.outbox.add(manager, events);
    await recordTimeline(manager, ...events);
    return rows.length;
  }

  /** Import batches the caller may see, newest first. */
  async list(principal: Principal, skip: number, take: number): Promise<[ImportBatchOrm[], number]> {
    const where = isProvinceWide(principal) ? {} : { createdBy: principal.sub };
    return this.dataSource.getRepository(ImportBatchOrm).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  /** For the template: the zones the caller may import into. */
  async zonesFor(principal: Principal): Promise<ZoneOrm[]> {
    return this.dataSource.getRepository(ZoneOrm).find({ where: isProvinceWide(principal) ? {} : { code: In(principal.zones) }, order: { code: 'ASC' } });
  }
}
