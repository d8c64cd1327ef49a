import { keepPreviousData, QueryClient, useInfiniteQuery, useQueries, useQuery, type Query } from '@tanstack/react-query';
import { api, ApiError, type Service } from '../api';
import type { Page } from '../views';

/**
 * Data through one query cache (@tanstack/react-query). A query's key is its
 * service and path, then its parameters (`['project-intake', '/projects/123']`,
 * `['project-intake', '/projects', { page: 1, pageSize: 10 }]`); a command
 * names the [service, path] pairs it changes and the queries under them are
 * fetched again (shared/commands.ts).
 */

/** A query's parameters (sent as its query string; empty values left out). */
export type Params = Record<string, string | number | boolean | null | undefined>;
/** What a command changes: a [service, path] pair stands for that path, its parameters and every path below it. */
export type Changed = readonly [Service, string];

export const apiKey = (service: Service, path: string, params?: Params) => (params ? ([service, path, params] as const) : ([service, path] as const));

export function queryString(params?: Params): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null && value !== '') q.set(name, String(value));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Worth asking again: no answer came (a network error), or the service failed (5xx, 503); never a refusal (4xx). */
export const transient = (error: unknown) => (error instanceof ApiError ? error.status >= 500 : error instanceof TypeError);
/** Reads: up to three more tries for a transient failure. */
export const retryRead = (failures: number, error: unknown) => failures < 3 && transient(error);
/**
 * Commands: sent again only after a 503, which the platform answers when it did
 * nothing (busy connection pool, identity provider away: libs/platform); after
 * a network error or a 500 the change may have happened, so the person decides.
 */
export const retryCommand = (failures: number, error: unknown) => failures < 2 && error instanceof ApiError && error.status === 503;

/** The console's one query cache (provided at the root, main.tsx). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: retryRead, refetchOnWindowFocus: false },
    mutations: { retry: retryCommand },
  },
});

/** A 404: the thing does not exist (or not for this user). */
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * GET `path` of `service` (nothing while `path` is empty). `keepPrevious`: a
 * table keeps showing the last page while the next one loads.
 */
export function useApi<T>(service: Service, path: string | null | undefined, params?: Params, options: { keepPrevious?: boolean; staleTime?: number } = {}) {
  return useQuery({
    queryKey: apiKey(service, path ?? '', params),
    queryFn: ({ signal }) => api<T>(service, `${path}${queryString(params)}`, { signal }),
    enabled: !!path,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    staleTime: options.staleTime,
  });
}

/** useApi with null for a 404 (e.g. a project without a case, land or delegation). */
export function useApiOrNull<T>(service: Service, path: string | null | undefined) {
  const query = useApi<T>(service, path);
  const missing = isNotFound(query.error);
  return { ...query, data: missing ? null : query.data, error: missing ? null : query.error };
}

/** The queries a command changed: each [service, path] and what lies under it. */
export const changedBy = (changed: readonly Changed[]) => (query: Query) => {
  const [service, path] = query.queryKey;
  return typeof path === 'string' && changed.some(([s, p]) => s === service && (path === p || path.startsWith(`${p}/`)));
};

/** A list read a page at a time, each further page on demand ("更多"). */
export function useApiPages<T>(service: Service, path: string, pageSize: number) {
  return useInfiniteQuery({
    queryKey: [service, path, { pageSize }, 'pages'] as const,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(service, `${path}${queryString({ page: pageParam, pageSize })}`, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last: Page<T>) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** GET several paths of one service at once (each cached on its own); the answers by path, those that failed left out. */
export function useApiEach<T>(service: Service, paths: string[]) {
  return useQueries({
    queries: paths.map((path) => ({ queryKey: apiKey(service, path), queryFn: ({ signal }: { signal: AbortSignal }) => api<T>(service, path, { signal }) })),
    combine: (results) => new Map(results.flatMap((r, i) => (r.data === undefined ? [] : [[paths[i], r.data] as const]))),
  });
}
