import { BadRequestException } from '@nestjs/common';
import { requestValidationPipe } from '@devzone/platform';
import { ListProjectsQuery } from './requests.dto';

/** GET /projects's query string as the service reads it (the same pipe as every request). */
const read = (query: Record<string, unknown>) => requestValidationPipe().transform(query, { type: 'query', metatype: ListProjectsQuery }) as Promise<ListProjectsQuery>;
async function issues(query: Record<string, unknown>): Promise<{ field: string; reason: string }[]> {
  try {
    await read(query);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { issues: { field: string; reason: string }[] }).issues;
  }
  throw new Error('expected a 400');
}
const uuid = (n: number) => `3f2a9c1e-8d4b-4c6a-9e1f-${String(n).padStart(12, '0')}`;

describe('GET /projects?q=&ids=: the query', () => {
  it('takes q of 1–100 characters, without the spaces around it', async () => {
    expect((await read({ q: '  新型建材 ' })).q).toBe('新型建材');
    expect((await read({ q: '项'.repeat(100) })).q).toHaveLength(100);
    for (const q of ['', '   ', '项'.repeat(101)]) {
      expect(await issues({ q })).toEqual([{ field: 'q', reason: 'q 应为 1–100 个字符的搜索词 (q must be 1-100 characters)' }]);
    }
  });

  it('reads ids comma-separated (or repeated), spaces and empty parts left out', async () => {
    expect((await read({ ids: `${uuid(1)}, ${uuid(2)},` })).ids).toEqual([uuid(1), uuid(2)]);
    expect((await read({ ids: [uuid(1), `${uuid(2)},${uuid(3)}`] })).ids).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect((await read({ ids: Array.from({ length: 100 }, (_, i) => uuid(i)).join(',') })).ids).toHaveLength(100);
  });

  it('refuses more than 100 ids, a malformed one, or none, naming ids', async () => {
    expect(await issues({ ids: Array.from({ length: 101 }, (_, i) => uuid(i)).join(',') })).toEqual([{ field: 'ids', reason: 'ids 最多 100 个 (ids: at most 100)' }]);
    const malformed = 'ids 应为逗号分隔的项目编号（UUID），1–100 个 (ids must be 1-100 comma-separated project ids)';
    expect(await issues({ ids: `${uuid(1)},not-a-uuid` })).toEqual([{ field: 'ids', reason: malformed }]);
    expect(await issues({ ids: uuid(1).slice(0, -1) })).toEqual([{ field: 'ids', reason: malformed }]);
    expect(await issues({ ids: '' })).toEqual([{ field: 'ids', reason: malformed }]);
    expect(await issues({ ids: ',' })).toEqual([{ field: 'ids', reason: malformed }]);
  });
});
