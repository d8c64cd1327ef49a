import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, TASK_STATUSES } from '@devzone/contracts';
import { OPEN_TASK_STATUSES, taskFinal } from '../domain/task.state-machine';
import { AssignRequest, WorklistQuery } from './requests.dto';

/** The body of POST /delegations/:id/assign as the service's validation pipe sees it (transformed, then validated). */
async function issuesOf(body: object) {
  const request = plainToInstance(AssignRequest, body);
  return { request, issues: flattenValidationErrors(await validate(request, { whitelist: true, forbidNonWhitelisted: true })) };
}

describe('a reassignment request', () => {
  it('refuses one without a reason, naming the field in Chinese first', async () => {
    const { issues } = await issuesOf({ agentId: 'agent-a' });
    expect(issues).toEqual([{ field: 'reason', reason: 'reason 须填写改派原因（2–200 个字） (reason is required (2-200 characters))' }]);
  });

  it('refuses a reason of one character or of more than 200', async () => {
    expect((await issuesOf({ agentId: 'agent-a', reason: '  改 ' })).issues).toEqual([{ field: 'reason', reason: expect.stringMatching(/^reason 改派原因至少 2 个字/) }]);
    expect((await issuesOf({ agentId: 'agent-a', reason: '改'.repeat(201) })).issues).toEqual([{ field: 'reason', reason: expect.stringMatching(/^reason 改派原因不超过 200 个字/) }]);
  });

  it('takes a reason of 2–200 characters, without its surrounding spaces', async () => {
    const { request, issues } = await issuesOf({ agentId: 'agent-a', reason: '  原代办员休假  ' });
    expect(issues).toEqual([]);
    expect(request.reason).toBe('原代办员休假');
  });
});

describe('the worklist filters (GET /agents/:id/worklist?q=&department=&status=&due=)', () => {
  const issuesOfQuery = async (query: object) => {
    const request = plainToInstance(WorklistQuery, query);
    return { request, issues: flattenValidationErrors(await validate(request, { whitelist: true, forbidNonWhitelisted: true })) };
  };

  it('takes none, or each of them, the search trimmed', async () => {
    expect((await issuesOfQuery({})).issues).toEqual([]);
    const { request, issues } = await issuesOfQuery({ q: '  供水 ', department: '供水公司', status: 'CORRECTIONS_REQUESTED', due: 'week' });
    expect(issues).toEqual([]);
    expect(request).toMatchObject({ q: '供水', department: '供水公司', status: 'CORRECTIONS_REQUESTED', due: 'week' });
  });

  it('refuses a status that is not an open one, naming the open ones; an unknown due window; an empty or too long search', async () => {
    for (const status of ['DELIVERED', 'REFUSED', 'done']) {
      expect((await issuesOfQuery({ status })).issues).toEqual([{ field: 'status', reason: expect.stringContaining(OPEN_TASK_STATUSES.join(' / ')) }]);
    }
    expect((await issuesOfQuery({ due: 'month' })).issues).toEqual([{ field: 'due', reason: expect.stringMatching(/^due 应为 overdue \/ today \/ week/) }]);
    expect((await issuesOfQuery({ q: '   ' })).issues).toEqual([{ field: 'q', reason: expect.stringMatching(/^q 应为 1–100 个字符/) }]);
    expect((await issuesOfQuery({ q: '项'.repeat(101) })).issues).toEqual([{ field: 'q', reason: expect.stringMatching(/^q 应为 1–100 个字符/) }]);
  });

  it('knows as open every status but the final two', () => {
    expect([...OPEN_TASK_STATUSES]).toEqual(TASK_STATUSES.filter((s) => !taskFinal(s)));
  });
});
