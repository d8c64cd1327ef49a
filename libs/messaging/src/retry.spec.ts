import { backoff, isTransientInfrastructureError } from './retry';

describe('retry policy', () => {
  it('doubles the delay per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoff(n, 100, 1_000))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['PostgreSQL shutting down (57P01) inside a TypeORM error', { message: 'QueryFailedError', driverError: { code: '57P01' } }],
    ['a serialization failure (40001)', { message: 'could not serialize access', code: '40001' }],
    ['a deadlock (40P01)', { message: 'deadlock detected', code: '40P01' }],
  ])('treats %s as the infrastructure, retried without limit', (_name, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a unique violation (23505)', { message: 'duplicate key', code: '23505' }],
    ['a check violation (23514) inside a TypeORM error', { message: 'QueryFailedError', driverError: { code: '23514' } }],
  ])('treats %s as the event’s problem, retried then dead-lettered', (_name, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
