import { ServiceUnavailableException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { lastValueFrom, throwError } from 'rxjs';
import { DatabaseBusyInterceptor } from './busy.interceptor';

describe('DatabaseBusyInterceptor', () => {
  const headers: Record<string, string> = {};
  const context = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => ({ header: (k: string, v: string) => (headers[k] = v) }) }) } as unknown as ExecutionContext;
  const failing = (error: Error): CallHandler => ({ handle: () => throwError(() => error) });

  it('answers an exhausted connection pool with 503, a reason and Retry-After', async () => {
    const answer = lastValueFrom(new DatabaseBusyInterceptor().intercept(context, failing(new Error('timeout exceeded when trying to connect'))));
    await expect(answer).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(answer).rejects.toMatchObject({ response: { code: 'database-busy', message: expect.stringMatching(/^服务繁忙/) } });
    expect(headers['Retry-After']).toBe('2');
  });

  it('lets every other error through unchanged', async () => {
    const other = new Error('boom');
    await expect(lastValueFrom(new DatabaseBusyInterceptor().intercept(context, failing(other)))).rejects.toBe(other);
  });
});
