import { describe, expect, it } from '@jest/globals';
import type { Query } from '@tanstack/react-query';
import { ApiError } from '../api';
import { caseChanges, projectChanges } from './changes';
import { pathWith } from '../client';
import { apiKey, changedBy, cleaned, retryCommand, retryRead } from './query';

const query = (...queryKey: unknown[]) => ({ queryKey }) as unknown as Query;

describe('the console’s query cache', () => {
  it('asks again after a network error or a failing service, never after a refusal', () => {
    expect(retryRead(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryRead(0, new ApiError(500, null))).toBe(true);
    expect(retryRead(2, new ApiError(503, null))).toBe(true);
    expect(retryRead(3, new ApiError(503, null))).toBe(false);
    for (const status of [400, 401, 403, 404, 409, 429]) expect(retryRead(0, new ApiError(status, null))).toBe(false);
  });

  it('sends a command again only after a 503 (nothing was done)', () => {
    expect(retryCommand(0, new ApiError(503, null))).toBe(true);
    expect(retryCommand(0, new ApiError(500, null))).toBe(false);
    expect(retryCommand(0, new TypeError('Failed to fetch'))).toBe(false);
    expect(retryCommand(0, new ApiError(409, null))).toBe(false);
  });

  it('fetches again what a command changed: the path, its parameters and the paths below it, in that service only', () => {
    const changed = changedBy([['project-intake', '/projects/p1']]);
    expect(changed(query('project-intake', '/projects/p1'))).toBe(true);
    expect(changed(query('project-intake', '/projects/p1/timeline', { pageSize: 100 }, 'pages'))).toBe(true);
    expect(changed(query('project-intake', '/projects/p10'))).toBe(false);
    expect(changed(query('commitment-approval', '/projects/p1/case'))).toBe(false);
  });

  it('refreshes a project’s page after a case command: its case, the queue, the project and its timeline', () => {
    const changed = changedBy(caseChanges({ id: 'c1', projectId: 'p1' }));
    expect(changed(query('commitment-approval', '/cases/c1'))).toBe(true);
    expect(changed(query('commitment-approval', '/projects/p1/case'))).toBe(true);
    expect(changed(query('commitment-approval', '/queue', { page: 1, pageSize: 10 }))).toBe(true);
    expect(changed(query('project-intake', '/projects/p1/timeline', { pageSize: 100 }, 'pages'))).toBe(true);
    expect(changed(query('project-intake', '/projects/p2'))).toBe(false);
    expect(changedBy(projectChanges('p1'))(query('project-intake', '/projects', { page: 1, pageSize: 10 }))).toBe(true);
  });

  it('sends the parameters without the empty ones, and keys a query by its filled-in path and parameters', () => {
    expect(cleaned({ page: 2, pageSize: 10, zone: undefined, status: '', unread: null, overdue: 'true' })).toEqual({ page: 2, pageSize: 10, overdue: 'true' });
    expect(cleaned({})).toBeUndefined();
    expect(pathWith('/plots/{code}/transfer', { path: { code: 'P 1/2' } })).toBe('/plots/P%201%2F2/transfer');
    expect(apiKey('standard-land', '/plots', { status: '' })).toEqual(['standard-land', '/plots']);
    expect(apiKey('standard-land', '/plots', { status: 'AVAILABLE' })).toEqual(['standard-land', '/plots', { status: 'AVAILABLE' }]);
  });
});
