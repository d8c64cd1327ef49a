import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '@devzone/auth';
import { creditCodeCheckCharacter } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, get, uniqueName, type Json } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { ProjectQueries } from '../src/application/project-queries.service';
import { buildProjectCode } from '../src/domain/project-code';
import { ProjectOrm } from '../src/infrastructure/orm-entities';

/**
 * GET /projects?q= (part of the project's or the enterprise's name, a whole
 * project code or credit code) and ?ids= (the projects of a list of ids), within
 * the caller's scope; and the plan PostgreSQL makes of a search over 20,000
 * generated projects (the pg_trgm GIN indexes of migration 1764400700000).
 */
const credit = (first17: string) => `${first17}${creditCodeCheckCharacter(first17)}`;
const SHIYAN = credit('91140100MA0K12345'); // 山西示例新材料 (two projects, two zones)
const TAIZHONG = credit('91140100MA0K23456');
const CHANGNENG = credit('91140400MA0K34567');
const GUANGDIAN = credit('91140100MA0K45678');

interface Row {
  key: string;
  name: string;
  enterpriseName: string;
  creditCode: string;
  zoneCode: 'SX-ZGQ' | 'CZ-GXQ';
  signedOn: string;
}
const ROWS: Row[] = [
  { key: 'A', name: '年产5万吨新型建材项目', enterpriseName: '山西示例新材料有限公司', creditCode: SHIYAN, zoneCode: 'SX-ZGQ', signedOn: '2026-03-01' },
  { key: 'B', name: '高端装备制造基地项目', enterpriseName: '太原重工智能装备股份有限公司', creditCode: TAIZHONG, zoneCode: 'SX-ZGQ', signedOn: '2026-04-01' },
  { key: 'C', name: '锂电池正极材料项目', enterpriseName: '长治新能源科技有限公司', creditCode: CHANGNENG, zoneCode: 'CZ-GXQ', signedOn: '2026-05-01' },
  { key: 'D', name: '新型建材二期项目', enterpriseName: '山西示例新材料有限公司', creditCode: SHIYAN, zoneCode: 'CZ-GXQ', signedOn: '2026-06-01' },
  { key: 'E', name: 'LED 显示屏模组项目', enterpriseName: 'Example 光电有限公司', creditCode: GUANGDIAN, zoneCode: 'SX-ZGQ', signedOn: '2026-07-01' },
];
const REGION = { 'SX-ZGQ': '140100', 'CZ-GXQ': '140400' } as const;
const project = Object.fromEntries(
  ROWS.map((r, i) => [r.key, { ...r, id: randomUUID(), code: buildProjectCode({ issuedOn: r.signedOn, regionCode: REGION[r.zoneCode], departmentCode: '04', projectType: 'capital-construction', serial: 41_000 + i }) }]),
) as Record<string, Row & { id: string; code: string }>;

const province: Principal = { sub: 'search-province', name: '省级管理者', role: 'province-manager', zones: [] };
const sxOfficer: Principal = { sub: 'search-sx-officer', name: '示范区专员', role: 'zone-officer', zones: ['SX-ZGQ'] };
const czManager: Principal = { sub: 'search-cz-manager', name: '长治高新区管理者', role: 'zone-manager', zones: ['CZ-GXQ'] };
const shiyan: Principal = { sub: 'search-shiyan', name: '示例企业', role: 'enterprise', zones: [], creditCode: SHIYAN };
const taizhong: Principal = { sub: 'search-taizhong', name: '太重企业', role: 'enterprise', zones: [], creditCode: TAIZHONG };

describe('GET /projects?q= and ?ids=: search and one request for many projects, within the caller’s scope', () => {
  const name = uniqueName('intake_search');
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: `${name}.` });
    await service.app.get(DataSource).getRepository(ProjectOrm).insert(
      Object.values(project).map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        enterpriseName: p.enterpriseName,
        creditCode: p.creditCode,
        zoneCode: p.zoneCode,
        industryCode: 'C3021',
        projectType: 'capital-construction' as const,
        totalInvestment: 1000,
        fixedAssetInvestment: 800,
        projectedAnnualOutput: 2000,
        landAreaMu: 30,
        usesStandardLand: false,
        wantsFullAgency: false,
        contacts: [{ name: '联系人', mobile: '13800000000' }],
        signedOn: p.signedOn,
        stage: 'SIGNED' as const,
        plannedStart: '2027-03-01',
        plannedCompletion: '2028-06-30',
        plannedProduction: '2028-09-01',
      })),
    );
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const list = async (params: Record<string, string | number>, who: Principal = province) => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    return get(`${service.url}/projects?${query}`, as(who));
  };
  /** The keys (A–E) of the projects a search finds, in the order answered. */
  const found = async (params: Record<string, string | number>, who: Principal = province): Promise<string[]> => {
    const { status, body } = await list(params, who);
    expect({ status, issues: body['issues'] }).toEqual({ status: 200, issues: undefined });
    expect(Object.keys(body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    const keys = (body['items'] as Json[]).map((p) => Object.values(project).find((r) => r.id === p['id'])?.key ?? `unknown ${p['id']}`);
    expect(body['total']).toBe(keys.length);
    return keys;
  };
  const sorted = async (params: Record<string, string | number>, who: Principal = province) => (await found(params, who)).sort();

  describe('q', () => {
    it('finds projects by part of the project name, latest signing first', async () => {
      expect(await found({ q: '新型建材' })).toEqual(['D', 'A']);
      expect(await found({ q: '装备制造' })).toEqual(['B']);
      expect(await found({ q: '正极' })).toEqual(['C']);
    });

    it('finds projects by a project code, in any case', async () => {
      expect(await found({ q: project['B'].code })).toEqual(['B']);
      expect(await found({ q: project['C'].code.toLowerCase() })).toEqual(['C']);
      expect(await found({ q: ` ${project['E'].code} ` })).toEqual(['E']);
    });

    it('finds projects by part of the enterprise name', async () => {
      expect(await found({ q: '新能源' })).toEqual(['C']);
      expect(await found({ q: '示例新材' })).toEqual(['D', 'A']);
      expect(await found({ q: '太原重工' })).toEqual(['B']);
    });

    it('finds projects by a whole credit code, in any case', async () => {
      expect(await found({ q: TAIZHONG })).toEqual(['B']);
      expect(await found({ q: SHIYAN.toLowerCase() })).toEqual(['D', 'A']);
      expect(await found({ q: SHIYAN.slice(0, 17) })).toEqual([]);
    });

    it('ignores case in Latin letters, and takes %, _ and \\ as themselves', async () => {
      expect(await found({ q: 'led' })).toEqual(['E']);
      expect(await found({ q: 'EXAMPLE 光电' })).toEqual(['E']);
      for (const q of ['%', '_', '\\', '新型%建材']) expect(await found({ q })).toEqual([]);
    });

    it('combines with the other filters and pages', async () => {
      expect(await found({ q: '新型建材', zone: 'CZ-GXQ' })).toEqual(['D']);
      expect(await found({ q: '项目', signedFrom: '2026-05-01' })).toEqual(['E', 'D', 'C']);
      const { body } = await list({ q: '项目', pageSize: 2, page: 2 });
      expect(body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect((body['items'] as Json[]).map((p) => p['code'])).toEqual([project['C'].code, project['B'].code]);
    });

    it('never finds another enterprise’s project for an enterprise, by name, code or credit code', async () => {
      expect(await found({ q: '新型建材' }, shiyan)).toEqual(['D', 'A']);
      expect(await found({ q: '装备' }, shiyan)).toEqual([]);
      expect(await found({ q: '太原重工' }, shiyan)).toEqual([]);
      expect(await found({ q: project['B'].code }, shiyan)).toEqual([]);
      expect(await found({ q: TAIZHONG }, shiyan)).toEqual([]);
      expect(await found({ q: '示例' }, taizhong)).toEqual([]);
      expect(await found({ q: SHIYAN }, taizhong)).toEqual([]);
      expect(await found({ q: '项目' }, taizhong)).toEqual(['B']);
    });

    it('never finds another zone’s project for staff', async () => {
      expect(await found({ q: '新型建材' }, sxOfficer)).toEqual(['A']);
      expect(await found({ q: '新能源' }, sxOfficer)).toEqual([]);
      expect(await found({ q: project['C'].code }, sxOfficer)).toEqual([]);
      expect(await found({ q: '示例新材' }, czManager)).toEqual(['D']);
      expect(await found({ q: SHIYAN }, czManager)).toEqual(['D']);
      expect(await found({ q: '装备' }, czManager)).toEqual([]);
    });

    it('refuses an empty or too long search text with 400 naming q', async () => {
      for (const q of ['', '   ', '项'.repeat(101)]) {
        const { status, body } = await list({ q });
        expect(status).toBe(400);
        expect(body['issues']).toEqual([expect.objectContaining({ field: 'q', reason: expect.stringMatching(/^q 应为 1–100 个字符/) })]);
      }
      expect(await found({ q: '项'.repeat(100) })).toEqual([]);
    });
  });

  describe('ids', () => {
    it('answers the projects of the ids in one envelope, whatever their order', async () => {
      const ids = [project['C'].id, project['A'].id, project['E'].id];
      expect(await sorted({ ids: ids.join(','), pageSize: 100 })).toEqual(['A', 'C', 'E']);
      expect(await sorted({ ids: [...ids].reverse().join(','), pageSize: 100 })).toEqual(['A', 'C', 'E']);
      // The repeated form (ids=…&ids=…) means the same.
      const repeated = await get(`${service.url}/projects?${ids.map((id) => `ids=${id}`).join('&')}`, as(province));
      expect((repeated.body['items'] as Json[]).map((p) => p['id']).sort()).toEqual([...ids].sort());
    });

    it('leaves out unknown ids and the projects the caller may not see', async () => {
      const all = Object.values(project).map((p) => p.id);
      const unknown = [randomUUID(), randomUUID()];
      expect(await sorted({ ids: [...all, ...unknown].join(','), pageSize: 100 })).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(await sorted({ ids: [...all, ...unknown].join(','), pageSize: 100 }, sxOfficer)).toEqual(['A', 'B', 'E']);
      expect(await sorted({ ids: [...all, ...unknown].join(','), pageSize: 100 }, czManager)).toEqual(['C', 'D']);
      expect(await sorted({ ids: [...all, ...unknown].join(','), pageSize: 100 }, shiyan)).toEqual(['A', 'D']);
      expect(await sorted({ ids: unknown.join(',') })).toEqual([]);
    });

    it('takes up to 100 ids; 101 ids, a malformed id or an empty list is a 400 naming ids', async () => {
      const hundred = [project['A'].id, ...Array.from({ length: 99 }, () => randomUUID())];
      expect(await found({ ids: hundred.join(','), pageSize: 100 })).toEqual(['A']);
      for (const ids of [[...hundred, randomUUID()].join(','), `${project['A'].id},not-a-uuid`, `${project['A'].id.slice(0, -1)}`, '', ',']) {
        const { status, body } = await list({ ids });
        expect(status).toBe(400);
        expect((body['issues'] as Json[]).map((i) => i['field'])).toEqual(expect.arrayContaining(['ids']));
        expect((body['issues'] as Json[]).every((i) => i['field'] === 'ids' && /^ids /.test(i['reason']))).toBe(true);
      }
    });

    it('combines with q and the other filters', async () => {
      const all = Object.values(project).map((p) => p.id).join(',');
      expect(await sorted({ ids: all, q: '新型建材' })).toEqual(['A', 'D']);
      expect(await sorted({ ids: all, zone: 'SX-ZGQ' })).toEqual(['A', 'B', 'E']);
    });
  });

  describe('the plan of a search over 20,000 projects', () => {
    /** Every node of an EXPLAIN (FORMAT JSON) plan. */
    interface PlanNode {
      'Node Type': string;
      'Index Name'?: string;
      'Relation Name'?: string;
      Plans?: PlanNode[];
    }
    const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
    const explain = async ([sql, parameters]: [string, unknown[]]) => {
      const [row] = (await service.app.get(DataSource).query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
      return nodes(row['QUERY PLAN'][0].Plan).map((n) => `${n['Node Type']}${n['Index Name'] ? ` on ${n['Index Name']}` : n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`);
    };

    beforeAll(async () => {
      const db = service.app.get(DataSource);
      // Zones the tests above do not use; names and enterprise names that vary (~3,000 enterprises).
      await db.query(`
        INSERT INTO projects (id, code, name, enterprise_name, credit_code, zone_code, industry_code, project_type, total_investment, fixed_asset_investment,
                              projected_annual_output, land_area_mu, uses_standard_land, wants_full_agency, contacts, signed_on, stage,
                              planned_start, planned_completion, planned_production, version)
        SELECT md5('search-' || i)::uuid, 'G' || lpad(i::text, 23, '0'),
               (ARRAY['年产', '新建', '扩建', '技改'])[1 + i % 4] || (ARRAY['光伏组件', '特种钢材', '碳纤维', '氢能储运', '生物医药', '数据中心', '现代物流', '食品加工'])[1 + (i / 4) % 8] || '生成项目' || i,
               (ARRAY['太原', '晋城', '运城', '晋中', '朔州', '高平'])[1 + i % 6] || '生成企业' || (i % 3000) || '有限公司',
               '91140100MA0G' || lpad((i % 3000)::text, 5, '0') || 'X',
               (ARRAY['TY-ZBGX', 'JC-JKQ', 'GP-JKQ', 'YC-YHGX', 'QX-JKQ', 'SZ-JKQ'])[1 + i % 6], 'C3499', 'capital-construction', 1000, 800, 2000, 30, false, false, '[]',
               DATE '2019-01-01' + (i % 2555), 'SIGNED', DATE '2027-03-01', DATE '2028-06-30', DATE '2028-09-01', 1
          FROM generate_series(1, 20000) i`);
      // As autovacuum would after a bulk load: statistics, and the GIN indexes' pending lists merged (a long
      // pending list, scanned by every search, makes the planner rightly prefer a Seq Scan of a small table).
      await db.query('VACUUM ANALYZE projects');
    });

    it('looks a part of a name up in the trigram index (Bitmap Index Scan on projects_name_trgm), not by a Seq Scan', async () => {
      const queries = service.app.get(ProjectQueries);
      expect(await found({ q: '生成项目1234' })).toHaveLength(11); // 1234 and 12340–12349
      const { page, count } = queries.listSql({ q: '生成项目1234' }, province);
      for (const plan of [await explain(page), await explain(count)]) {
        expect(plan).toContain('Bitmap Index Scan on projects_name_trgm');
        expect(plan.filter((n) => n.startsWith('Seq Scan'))).toEqual([]);
      }
    });

    it('looks a part of an enterprise name up in its trigram index, and a credit code in its b-tree', async () => {
      const queries = service.app.get(ProjectQueries);
      const byEnterprise = await explain(queries.listSql({ q: '高平生成企业1235' }, province).page);
      expect(byEnterprise).toContain('Bitmap Index Scan on projects_enterprise_name_trgm');
      expect(byEnterprise.filter((n) => n.startsWith('Seq Scan'))).toEqual([]);
      const byCredit = await explain(queries.listSql({ q: '91140100MA0G01234X' }, province).page);
      expect(byCredit).toContain('Bitmap Index Scan on projects_credit_code');
      expect(byCredit.filter((n) => n.startsWith('Seq Scan'))).toEqual([]);
    });

    it('pages ids by the primary key', async () => {
      const queries = service.app.get(ProjectQueries);
      const ids = (await service.app.get(DataSource).query(`SELECT id FROM projects WHERE code LIKE 'G%' ORDER BY code LIMIT 100`)) as { id: string }[];
      const plan = await explain(queries.listSql({ ids: ids.map((r) => r.id), pageSize: 100 }, province).page);
      expect(plan.filter((n) => n.startsWith('Seq Scan'))).toEqual([]);
      expect(plan.some((n) => n.includes('projects_pkey'))).toBe(true);
    });
  });
});
