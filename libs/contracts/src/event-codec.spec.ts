import { randomUUID } from 'node:crypto';
import { buildEvent, ContractViolation, parseEvent, ProjectSigned, type ProjectSignedV1 } from './index';

const payload = (): ProjectSignedV1 => ({
  projectCode: '2611-140100-04-01-000017',
  name: '年产5万吨新型建材项目',
  enterprise: { name: '山西示例建材有限公司', creditCode: '91140100MA0L00001A' },
  zoneCode: 'SX-TYXQ',
  industryCode: 'C3021',
  totalInvestment: 52000,
  fixedAssetInvestment: 41000,
  projectedAnnualOutput: 80000,
  landAreaMu: 120,
  usesStandardLand: true,
  projectType: 'capital-construction',
  wantsFullAgency: true,
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  threeBatchesRound: '2026-第四批',
  contacts: [{ name: '张伟', mobile: '13800000000', email: 'zhang@example.cn' }],
});

const build = (p: ProjectSignedV1 = payload()) =>
  buildEvent(ProjectSigned, { projectId: randomUUID(), source: 'project-intake', payload: p });

function violation(fn: () => unknown): ContractViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a ContractViolation');
}

describe('event envelope', () => {
  it('builds an envelope with identity, correlation and the validated payload', () => {
    const event = build();
    expect(event).toMatchObject({ type: 'project.signed', version: 1, source: 'project-intake', causationId: null });
    expect(event.correlationId).toBe(event.id);
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
  });

  it('parses what it built, from bytes, back into the same envelope', () => {
    const event = build();
    expect(parseEvent(Buffer.from(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses to build an event whose payload breaks the contract, naming each field', () => {
    const bad = { ...payload(), totalInvestment: -1, enterprise: { name: '', creditCode: 'nope' } };
    const error = violation(() => build(bad));
    expect(error.issues.map((i) => i.field).sort()).toEqual([
      'payload.enterprise.creditCode',
      'payload.enterprise.name',
      'payload.totalInvestment',
    ]);
  });

  it('refuses to publish fields the contract does not name', () => {
    const error = violation(() => build({ ...payload(), secret: 1 } as ProjectSignedV1));
    expect(error.issues).toEqual([{ field: 'payload.secret', reason: 'property secret should not exist' }]);
  });

  it('tolerates unknown payload fields on consume, so additive changes do not break consumers', () => {
    const event = build();
    const parsed = parseEvent<ProjectSignedV1>({ ...event, payload: { ...event.payload, addedLater: true } });
    expect(parsed.payload.projectCode).toBe(event.payload.projectCode);
  });

  it.each([
    ['not JSON', Buffer.from('{oops'), '(message)'],
    ['a JSON array', Buffer.from('[]'), '(message)'],
    ['an empty message', null, '(message)'],
  ])('rejects %s', (_name, raw, field) => {
    expect(violation(() => parseEvent(raw)).issues[0].field).toBe(field);
  });

  it('rejects an envelope with a broken id and no projectId, naming both', () => {
    const { projectId: _drop, ...rest } = build();
    const fields = violation(() => parseEvent({ ...rest, id: 'x' })).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'projectId']));
  });

  it('rejects an unknown type and an unknown version of a known type', () => {
    const event = build();
    expect(violation(() => parseEvent({ ...event, type: 'project.exploded' })).issues).toEqual([
      { field: 'type', reason: 'unknown event type project.exploded' },
    ]);
    expect(violation(() => parseEvent({ ...event, version: 9 })).issues[0]).toEqual({
      field: 'version',
      reason: 'version 9 of project.signed is not known here (known: 1)',
    });
  });

  it('rejects a payload that breaks its class on consume', () => {
    const event = build();
    const error = violation(() => parseEvent({ ...event, payload: { ...event.payload, plannedDates: { start: 'soon' } } }));
    expect(error.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['payload.plannedDates.start', 'payload.plannedDates.completion', 'payload.plannedDates.production']),
    );
    expect(error.message).toMatch(/^project.signed: /);
  });
});
