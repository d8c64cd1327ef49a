import { BadRequestException } from '@nestjs/common';
import { requestValidationPipe } from '@devzone/platform';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { OPINION_MESSAGE } from '../domain/opinions';
import { AcceptanceResultRequest, CommitmentRequest, CreditRecordsQuery, ItemDecisionRequest, OpinionRequest, PrecheckRequest, QueueQuery, QueueSummaryQuery, RevocationRequest } from './requests.dto';

type Issue = { field: string; reason: string };

/** The request as the route's pipe takes it: the value, or the 400's issues. */
async function validate(metatype: new () => object, body: unknown): Promise<{ value?: Record<string, unknown>; issues?: Issue[] }> {
  try {
    return { value: await requestValidationPipe().transform(body, { type: 'body', metatype }) };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { issues: (error.getResponse() as { issues: Issue[] }).issues };
  }
}
const fields = async (metatype: new () => object, body: unknown) => ((await validate(metatype, body)).issues ?? []).map((i) => i.field).sort();

describe('the requests of the acts with legal effect', () => {
  const today = chinaDate();
  const future = { start: addDays(today, 30), completion: addDays(today, 200), production: addDays(today, 260) };

  it('requires an opinion of 2–500 characters on every act, naming the field `opinion` in Chinese first', async () => {
    for (const [metatype, body] of [
      [OpinionRequest, {}],
      [PrecheckRequest, { passed: true }],
      [ItemDecisionRequest, { decision: 'grant' }],
      [RevocationRequest, { reason: '核查发现与承诺不符' }],
      [AcceptanceResultRequest, { passed: true }],
    ] as const) {
      expect((await validate(metatype, body)).issues).toEqual([{ field: 'opinion', reason: OPINION_MESSAGE }]);
      expect((await validate(metatype, { ...body, opinion: '经审查，同意。' })).issues).toBeUndefined();
    }
    expect(await fields(OpinionRequest, { opinion: '好' })).toEqual(['opinion']);
    expect(await fields(OpinionRequest, { opinion: '   ' })).toEqual(['opinion']);
    expect(await fields(OpinionRequest, { opinion: '意'.repeat(501) })).toEqual(['opinion']);
    expect(await fields(OpinionRequest, { opinion: 12 })).toEqual(['opinion']);
  });

  it('keeps the opinion trimmed', async () => {
    expect((await validate(OpinionRequest, { opinion: '  材料齐全，同意发出告知书  ' })).value).toEqual({ opinion: '材料齐全，同意发出告知书' });
  });

  it('requires the declaration confirmed when the enterprise commits, not when it takes the ordinary procedure', async () => {
    expect(await fields(CommitmentRequest, { scope: 'all', committedDates: future })).toEqual(['declarationConfirmed']);
    expect(await fields(CommitmentRequest, { scope: 'partial', itemCodes: ['C01'], committedDates: future, declarationConfirmed: false })).toEqual(['declarationConfirmed']);
    expect(await fields(CommitmentRequest, { scope: 'all', committedDates: future, declarationConfirmed: 'yes' })).toEqual(['declarationConfirmed']);
    expect(await fields(CommitmentRequest, { scope: 'all', committedDates: future, declarationConfirmed: true })).toEqual([]);
    expect(await fields(CommitmentRequest, { scope: 'none' })).toEqual([]);
    const refused = await validate(CommitmentRequest, { scope: 'all', committedDates: future });
    expect(refused.issues?.[0].reason).toMatch(/^declarationConfirmed 须确认承诺书声明/);
  });

  it('refuses committed dates in the past and out of order, naming each field', async () => {
    const past = { start: addDays(today, -1), completion: addDays(today, -1), production: today };
    const answer = await validate(CommitmentRequest, { scope: 'all', committedDates: past, declarationConfirmed: true });
    expect(answer.issues).toEqual([
      { field: 'committedDates.start', reason: `承诺开工日期不能早于今天（${today}） (committedDates.start must not be in the past)` },
      { field: 'committedDates.completion', reason: `承诺竣工日期不能早于今天（${today}） (committedDates.completion must not be in the past)` },
    ]);
    expect(await fields(CommitmentRequest, { scope: 'all', committedDates: { start: today, completion: today, production: today }, declarationConfirmed: true })).toEqual([]);
    expect(await fields(CommitmentRequest, { scope: 'all', committedDates: { ...future, completion: addDays(today, 10) }, declarationConfirmed: true })).toEqual(['committedDates.completion']);
    expect(await fields(CommitmentRequest, { scope: 'all', committedDates: { ...future, production: addDays(today, 100) }, declarationConfirmed: true })).toEqual(['committedDates.production']);
  });
});

describe('the queue’s and the credit records’ search queries', () => {
  it('takes the queue’s filters, the search text trimmed (blank: no search)', async () => {
    expect((await validate(QueueQuery, { zone: 'SX-ZGQ', q: '  新型建材 ', status: 'ACCEPTED', due: 'week', rag: 'amber', page: '2' })).value).toMatchObject({ q: '新型建材', status: 'ACCEPTED', due: 'week', rag: 'amber', page: 2 });
    expect((await validate(QueueQuery, { q: '   ' })).value?.['q']).toBeUndefined();
    expect((await validate(QueueSummaryQuery, { zone: 'SX-ZGQ', q: 'A', due: 'overdue' })).value).toMatchObject({ q: 'A', due: 'overdue' });
  });

  it('refuses an unknown status, due window or red/amber and too long a text, naming each field in Chinese first', async () => {
    for (const metatype of [QueueQuery, QueueSummaryQuery]) {
      const { issues } = await validate(metatype, { status: 'GRANTED', due: 'tomorrow', rag: 'green', q: '项'.repeat(101) });
      expect(issues).toEqual([
        { field: 'q', reason: 'q 应为 1–100 个字符的搜索词 (q must be 1-100 characters)' },
        { field: 'status', reason: 'status 应为 APPLIED / ACCEPTED / PAUSED / CORRECTIONS_REQUESTED (status must be an open item status)' },
        { field: 'due', reason: 'due 应为 overdue / today / week (due must be overdue, today or week)' },
        { field: 'rag', reason: 'rag 应为 red / amber (rag must be red or amber)' },
      ]);
    }
  });

  it('takes the credit records’ search and refuses an unknown record status', async () => {
    expect((await validate(CreditRecordsQuery, { q: ' 新材料 ', status: 'unrepaired', zone: 'SX-ZGQ' })).value).toMatchObject({ q: '新材料', status: 'unrepaired' });
    expect((await validate(CreditRecordsQuery, { status: 'open' })).issues).toEqual([{ field: 'status', reason: 'status 应为 unrectified / unrepaired / repaired (status must be unrectified, unrepaired or repaired)' }]);
    expect(await fields(CreditRecordsQuery, { q: 'x'.repeat(101) })).toEqual(['q']);
  });
});
