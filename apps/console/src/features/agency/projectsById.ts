import { useQueries } from '@tanstack/react-query';
import { call } from '../../client';
import { apiKey } from '../../shared/query';
import type { ProjectView } from '../../views';

/** The most ids one GET /projects?ids= takes (and the page size asked, so that one request answers them all). */
export const PROJECTS_PER_REQUEST = 100;

/** The distinct ids, sorted (a stable query key whatever the rows' order), in chunks of `size`. */
export function idChunks(ids: readonly string[], size = PROJECTS_PER_REQUEST): string[][] {
  const distinct = [...new Set(ids)].sort();
  return Array.from({ length: Math.ceil(distinct.length / size) }, (_, i) => distinct.slice(i * size, (i + 1) * size));
}

/**
 * The projects a page names by id (a worklist's tasks), by id: one
 * `GET /projects?ids=…&pageSize=100` per 100 projects, never one request per row.
 * Projects the user may not see (or that do not exist) are simply absent.
 */
export function useProjectsById(ids: readonly string[]): Map<string, ProjectView> {
  return useQueries({
    queries: idChunks(ids).map((chunk) => {
      const query = { ids: chunk.join(','), pageSize: PROJECTS_PER_REQUEST };
      return {
        queryKey: apiKey('project-intake', '/projects', query),
        queryFn: ({ signal }: { signal: AbortSignal }) => call('project-intake', 'get', '/projects', { params: { query }, signal }),
      };
    }),
    combine: (results) => new Map(results.flatMap((r) => r.data?.items ?? []).map((p) => [p.id, p])),
  });
}
