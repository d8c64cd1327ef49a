/**
 * A province's data, written straight into the services' own tables (after
 * their migrations ran): 80 zones (B001–B080), projects signed over 2019–2025
 * (35 % in production, 25 % under construction, 40 % still in approval), a
 * quarterly round per zone, 20 timeline entries per project, one 承诺制 case per
 * project with 15 items from the default catalogue, the agency's projects, a
 * team of 10 agents per zone and a delegation with 8 tasks for every third
 * project, and the land service's projects with a land path for those started.
 *
 * Project ids and codes are derived from the row number (md5), so every service
 * refers to the same projects. Used by `npm run bench:data` and `npm run bench:scale`.
 */
import type { Client } from 'pg';

export const ZONES = 80;
export const AGENTS_PER_ZONE = 10;
const ITEMS_PER_CASE = 15;
const TASKS_PER_DELEGATION = 8;
const TIMELINE_PER_PROJECT = 20;

export interface ProvinceDatabases {
  intake: Client;
  approval?: Client;
  agency?: Client;
  land?: Client;
}

/** The projects as a row source: i, id, code, zone, signed date, stage, start and production dates (n: the project's number within its zone). */
const projectRows = (projects: number) => `
  (SELECT i, ${uuidOf(`'bench-project-' || i`)} AS id, lpad(i::text, 24, '0') AS code, 'B' || lpad((1 + i % ${ZONES})::text, 3, '0') AS zone,
          '91140100MA0B' || lpad((i % 5000)::text, 5, '0') || 'X' AS credit_code, '基准企业' || (i % 5000) AS enterprise, '基准项目' || i AS name, s,
          CASE WHEN n % 20 < 7 THEN 'IN_PRODUCTION' WHEN n % 20 < 12 THEN 'UNDER_CONSTRUCTION' ELSE 'APPROVING' END AS stage,
          CASE WHEN n % 20 < 12 THEN s + 40 + i % 120 END AS actual_start, CASE WHEN n % 20 < 7 THEN s + 330 + i % 200 END AS actual_production, n
     FROM (SELECT i, i / ${ZONES} AS n, DATE '2019-01-01' + (i % 2555) AS s FROM generate_series(1, ${projects}) i) g) p`;

/** A version-4-shaped uuid derived from a text (the services validate ids as uuids). */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

const zoneCodes = `(SELECT 'B' || lpad(z::text, 3, '0') AS code, z FROM generate_series(1, ${ZONES}) z) z`;

async function timed(label: string, run: () => Promise<unknown>, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  await run();
  log(`[data] ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function loadProvince(db: ProvinceDatabases, projects: number, log: (line: string) => void = () => undefined): Promise<void> {
  const { intake, approval, agency, land } = db;
  await timed(
    `project-intake: ${projects.toLocaleString('en-US')} projects, rounds`,
    async () => {
      await intake.query(`INSERT INTO zones (code, name, level, city, region_code, department_code) SELECT code, '基准开发区' || z, 'provincial', '基准市', '140100', '04' FROM ${zoneCodes}`);
      await intake.query(`
        INSERT INTO projects (id, code, name, enterprise_name, credit_code, zone_code, industry_code, project_type, total_investment, fixed_asset_investment,
                              projected_annual_output, actual_annual_output, land_area_mu, uses_standard_land, wants_full_agency, contacts, signed_on, stage,
                              planned_start, planned_completion, planned_production, actual_start, actual_production, version)
        SELECT id, code, name, enterprise, credit_code, zone, 'C3499', 'capital-construction', 1000 + i % 50000, 800 + i % 40000, 2000 + i % 9000,
               CASE WHEN stage = 'IN_PRODUCTION' THEN 1800 + i % 9000 END, 30, i % 2 = 0, i % 3 = 0, '[{"name":"联系人","mobile":"13800000000"}]', s, stage,
               s + 60, s + 300, s + 360, actual_start, actual_production, 1
          FROM ${projectRows(projects)}`);
      await intake.query(`
        INSERT INTO rounds (id, zone_code, name, starts_on, ends_on, created_by)
        SELECT gen_random_uuid(), z.code, y || '年第' || q || '批', make_date(y, 3 * q - 2, 1), (make_date(y, 3 * q - 2, 1) + interval '3 months - 1 day')::date, 'bench'
          FROM ${zoneCodes}, generate_series(2019, 2025) y, generate_series(1, 4) q`);
    },
    log,
  );
  await timed(
    `project-intake: ${(projects * TIMELINE_PER_PROJECT).toLocaleString('en-US')} timeline entries`,
    () =>
      intake.query(`
        INSERT INTO timeline_entries (event_id, project_id, type, source, occurred_at, actor, summary, payload)
        SELECT gen_random_uuid(), p.id, (ARRAY['project.signed','approval.case-opened','approval.item-applied','approval.item-accepted','approval.item-granted','agency.task-progressed'])[1 + k % 6],
               'bench', (p.s + k * 7)::timestamp AT TIME ZONE 'Asia/Shanghai', '{"id":"bench","role":"zone-officer","name":"基准"}', '基准事件 ' || k, '{}'
          FROM ${projectRows(projects)}, generate_series(1, ${TIMELINE_PER_PROJECT}) k`),
    log,
  );
  await intake.query('ANALYZE');

  if (approval) {
    await timed(
      `commitment-approval: ${projects.toLocaleString('en-US')} cases, ${(projects * ITEMS_PER_CASE).toLocaleString('en-US')} items`,
      async () => {
        // Each zone follows the default rules (a copy of the first zone's current version).
        await approval.query(`
          INSERT INTO zone_rule_versions
          SELECT z.code, 1, DATE '2000-01-01', r.publicity_days, r.amber_working_days, r.general_records_to_blacklist, r.major_rectify_days, r.max_missing_documents_working_days,
                 r.commitment_grace_days, r.commitment_record_days, r.repair_general_months, r.repair_major_months, r.repair_serious_months, '*', 2, 'bench', 'system', now(), 'bench'
            FROM ${zoneCodes}, (SELECT * FROM zone_rule_versions WHERE catalogue = '*' AND catalogue_version = 2 LIMIT 1) r`);
        await approval.query(`
          INSERT INTO cases (id, project_id, project_code, project_name, credit_code, enterprise_name, zone_code, catalogue, catalogue_version, status, project_stage,
                             opened_on, notice_number, notice_issued_on, granted_on, rules_zone, rules_version, version)
          SELECT ${uuidOf(`'bench-case-' || i`)}, id, code, name, credit_code, enterprise, zone, '*', 2,
                 CASE WHEN stage <> 'APPROVING' THEN 'GRANTED' ELSE (ARRAY['OPENED','NOTIFIED','COMMITTED','DECIDING'])[1 + n % 4] END, stage,
                 s, 'GZ-' || i, s + 2, CASE WHEN stage <> 'APPROVING' THEN s + 35 END, zone, 1, 1
            FROM ${projectRows(projects)}`);
        await approval.query(`
          INSERT INTO case_items (case_id, item_code, name, department, regime, legal_limit_days, promised_limit_days, procedure, prerequisites, applied_on, accepted_on,
                                  legal_due_on, promised_due_on, documents, status, decided_on, sort)
          SELECT c.id, ci.code, ci.name, ci.department, ci.regime, ci.legal_limit_days, ci.promised_limit_days,
                 CASE WHEN ci.regime = 'committable' THEN 'commitment' ELSE 'approval' END, ci.prerequisites,
                 c.opened_on + ci.sort, c.opened_on + ci.sort + 2, c.opened_on + ci.sort + 2 + ci.legal_limit_days, c.opened_on + ci.sort + 2 + ci.promised_limit_days,
                 ci.documents, st.status, CASE WHEN st.status = 'GRANTED' THEN c.opened_on + ci.sort + 5 END, ci.sort
            FROM cases c
            CROSS JOIN LATERAL (SELECT * FROM catalogue_items WHERE catalogue = '*' AND version = 2 AND regime <> 'unified-service' ORDER BY sort LIMIT ${ITEMS_PER_CASE}) ci
            CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'GRANTED' THEN 'GRANTED'
                                            ELSE (ARRAY['APPLIED','ACCEPTED','GRANTED','PENDING','CORRECTIONS_REQUESTED','ACCEPTED','GRANTED'])[1 + (abs(hashtext(c.id::text)) + ci.sort) % 7] END AS status) st`);
      },
      log,
    );
    await approval.query('ANALYZE');
  }

  if (agency) {
    await timed(
      'agency: projects, 800 agents, delegations and tasks',
      async () => {
        await agency.query(`
          INSERT INTO agency_projects (project_id, code, name, enterprise_name, credit_code, zone_code, wants_full_agency, land_area_mu, uses_standard_land, contacts)
          SELECT id, code, name, enterprise, credit_code, zone, i % 3 = 0, 30, i % 2 = 0, '[{"name":"联系人","mobile":"13800000000"}]' FROM ${projectRows(projects)}`);
        await agency.query(`INSERT INTO teams (code, zone_code, name) SELECT 'T-' || code, code, '代办专班' || z FROM ${zoneCodes}`);
        await agency.query(`
          INSERT INTO agents (id, name, zone_code, team_code, specialities, capacity, active)
          SELECT 'agent-' || code || '-' || a, '代办员' || z || '-' || a, code, 'T-' || code, '[]', 60, true FROM ${zoneCodes}, generate_series(0, ${AGENTS_PER_ZONE - 1}) a`);
        await agency.query(`
          INSERT INTO delegations (id, project_id, zone_code, status, scope, authorization_number, opened_on, closed_on, agent_id)
          SELECT ${uuidOf(`'bench-delegation-' || i`)}, id, zone, CASE WHEN stage = 'IN_PRODUCTION' THEN 'CLOSED' ELSE 'OPEN' END, '["approval"]', 'WT-' || i, s,
                 CASE WHEN stage = 'IN_PRODUCTION' THEN actual_production END, 'agent-' || zone || '-' || (i / ${ZONES}) % ${AGENTS_PER_ZONE}
            FROM ${projectRows(projects)} WHERE i % 3 = 0`);
        await agency.query(`
          INSERT INTO tasks (id, delegation_id, project_id, source, source_code, title, department, materials, planned_start, promised_limit_days, due_on, clock, status, notes, delivered_on)
          SELECT gen_random_uuid(), d.id, d.project_id, 'approval', 'A' || lpad(k::text, 2, '0'), '代办事项 ' || k, '住房和城乡建设局', '["申请表"]', d.opened_on + k, 5, d.opened_on + k * 9,
                 CASE WHEN k % 4 = 0 THEN 'waiting' ELSE 'running' END,
                 CASE WHEN d.status = 'CLOSED' OR k % 3 = 0 THEN 'DELIVERED' ELSE (ARRAY['PLANNED','COLLECTING_MATERIALS','SUBMITTED','IN_REVIEW'])[1 + k % 4] END, '[]',
                 CASE WHEN d.status = 'CLOSED' OR k % 3 = 0 THEN d.opened_on + k * 8 END
            FROM delegations d, generate_series(1, ${TASKS_PER_DELEGATION}) k`);
      },
      log,
    );
    await agency.query('ANALYZE');
  }

  if (land) {
    await timed(
      'standard-land: projects and land paths',
      async () => {
        await land.query(`
          INSERT INTO land_projects (project_id, code, name, enterprise_name, zone_code, industry_code, land_area_mu, uses_standard_land, fixed_asset_investment, projected_annual_output, stage, actual_start)
          SELECT id, code, name, enterprise, zone, 'C3499', 30, i % 2 = 0, 800 + i % 40000, 2000 + i % 9000, stage, actual_start FROM ${projectRows(projects)}`);
        await land.query(`
          INSERT INTO land_paths (project_id, path, secured_on, reference, area_mu)
          SELECT id, CASE WHEN i % 2 = 0 THEN 'grant' ELSE 'own-land' END, s + 30, 'TD-' || i, 30 FROM ${projectRows(projects)} WHERE actual_start IS NOT NULL`);
      },
      log,
    );
    await land.query('ANALYZE');
  }
}
