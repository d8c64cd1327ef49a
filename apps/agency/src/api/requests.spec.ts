import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '@devzone/contracts';
import { AssignRequest } from './requests.dto';

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
