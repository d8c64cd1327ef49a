import { keepPreviousData, QueryClient, useInfiniteQuery, useQuery, type Query } from '@tanstack/react-query';
import { ApiError } from '../api';
import { call, pathWith, type AnswerOf, type ParamsOf, type PathOf, type RequestOf, type RequiredKeys, type Service } from '../client';
import type { Page } from '../views';

/**
 * Data through one query cache (@tanstack/react-query). A query's key is its
 * service and path, then its parameters (`['project-intake', '/projects/123']`,
 * `['project-intake', '/projects', { page: 1, pageSize: 10 }]`); a command
 * names the [service, path] pairs it changes and the queries under them are
 * fetched again (shared/commands.ts).
 */

/** What a command changes: a [service, path] pair (parameters filled in) stands for that path, its parameters and every path below it. */
export type Changed = readonly [Service, string];

/** A query's key: service, path with its parameters filled in, then the query string's parameters (empty ones left out). */
export const apiKey = (service: Service, path: string, query?: object) => {
  const asked = cleaned(query);
  return asked ? ([service, path, asked] as const) : ([service, path] as const);
};

/** Query parameters without the empty ones (an unset filter is not sent). */
export function cleaned(query?: object): Record<string, unknown> | undefined {
  const kept = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return kept.length ? Object.fromEntries(kept) : undefined;
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

interface ReadOptions {
  /** A table keeps showing the last page while the next one loads. */
  keepPrevious?: boolean;
  staleTime?: number;
  enabled?: boolean;
  /** Asked again every so many milliseconds while set (a long command's progress). */
  refetchInterval?: number;
}
/** A GET's parameters (required when the path has any), or null: not yet (the query waits). */
type ReadArgs<S extends Service, P extends PathOf<S>> = RequiredKeys<ParamsOf<S, P>> extends never ? [params?: ParamsOf<S, P> | null, options?: ReadOptions] : [params: ParamsOf<S, P> | null, options?: ReadOptions];

function read<S extends Service, P extends PathOf<S>>(service: S, path: P, params: ParamsOf<S, P> | undefined, signal?: AbortSignal) {
  const p = params as { path?: object; query?: object } | undefined;
  return call(service, 'get', path, { params: { ...p, query: cleaned(p?.query) }, signal } as unknown as RequestOf<S, P, 'get'>);
}
const keyOf = (service: Service, path: string, params: unknown) => {
  const p = params as { path?: object; query?: object } | undefined;
  return apiKey(service, pathWith(path, p), p?.query);
};

/** GET `path` of `service`, typed by its OpenAPI document (client.ts). */
export function useApi<S extends Service, P extends PathOf<S>>(service: S, path: P, ...[params, options = {}]: ReadArgs<S, P>) {
  return useRead(service, path, params, options);
}

/** useApi with the parameters as one value (null: not yet). */
export function useRead<S extends Service, P extends PathOf<S>>(service: S, path: P, params: ParamsOf<S, P> | null | undefined, options: ReadOptions = {}) {
  return useQuery({
    queryKey: keyOf(service, path, params),
    queryFn: ({ signal }) => read(service, path, params ?? undefined, signal),
    enabled: params !== null && (options.enabled ?? true),
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    staleTime: options.staleTime,
    refetchInterval: options.refetchInterval,
  });
}

/** useApi with null for a 404 (e.g. a project without a case, land or delegation). */
export function useApiOrNull<S extends Service, P extends PathOf<S>>(service: S, path: P, ...[params, options]: ReadArgs<S, P>) {
  const query = useRead(service, path, params, options);
  const missing = isNotFound(query.error);
  return { ...query, data: (missing ? null : query.data) as AnswerOf<S, P> | null | undefined, error: missing ? null : query.error };
}

/** The queries a command changed: each [service, path] and what lies under it. */
export const changedBy = (changed: readonly Changed[]) => (query: Query) => {
  const [service, path] = query.queryKey;
  return typeof path === 'string' && changed.some(([s, p]) => s === service && (path === p || path.startsWith(`${p}/`)));
};

/** The items of a list answer. */
export type ItemOf<S extends Service, P extends PathOf<S>> = AnswerOf<S, P> extends { items: (infer I)[] } ? I : never;

/** A list read a page at a time, each further page on demand ("更多"). */
export function useApiPages<S extends Service, P extends PathOf<S>>(service: S, path: P, params: ParamsOf<S, P>, pageSize: number) {
  const p = params as { path?: object; query?: object };
  return useInfiniteQuery({
    queryKey: [service, pathWith(path, p), { ...p.query, pageSize }, 'pages'] as const,
    queryFn: ({ pageParam, signal }) => read(service, path, { ...p, query: { ...p.query, page: pageParam, pageSize } } as ParamsOf<S, P>, signal) as unknown as Promise<Page<ItemOf<S, P>>>,
    initialPageParam: 1,
    getNextPageParam: (last: Page<ItemOf<S, P>>) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}
