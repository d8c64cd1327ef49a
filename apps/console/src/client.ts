import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as AgencyPaths } from '../openapi/agency';
import type { paths as ApprovalPaths } from '../openapi/commitment-approval';
import type { paths as NotificationsPaths } from '../openapi/notifications';
import type { paths as IntakePaths } from '../openapi/project-intake';
import type { paths as LandPaths } from '../openapi/standard-land';
import { ApiError, csrfToken, sessionEnded } from './api';

/**
 * The services' APIs through the console server (/api/<service>/…), typed by
 * the paths generated from each service's OpenAPI document (apps/console/openapi/):
 * a path, its parameters, its body and its answer are checked by the compiler
 * (`openapi-fetch` sends the request). A refusal is thrown as an ApiError.
 */
export interface ServicePaths {
  'project-intake': IntakePaths;
  'commitment-approval': ApprovalPaths;
  'standard-land': LandPaths;
  agency: AgencyPaths;
  notifications: NotificationsPaths;
}
export type Service = keyof ServicePaths;
export type Method = 'get' | 'post' | 'put';

/** The paths of a service that take `method`. */
export type PathOf<S extends Service, M extends Method = 'get'> = { [P in keyof ServicePaths[S]]: ServicePaths[S][P] extends Record<M, object> ? P : never }[keyof ServicePaths[S]] & string;
type Operation<S extends Service, M extends Method, P> = P extends keyof ServicePaths[S] ? (ServicePaths[S][P] extends Record<M, infer O> ? O : never) : never;
type Json<R> = R extends { content: { 'application/json': infer A } } ? A : undefined;
/** The answer (200, else 201) of `method path`. */
export type AnswerOf<S extends Service, P, M extends Method = 'get'> = Operation<S, M, P> extends { responses: infer R } ? (R extends { 200: infer O } ? Json<O> : R extends { 201: infer C } ? Json<C> : undefined) : never;
/** Its path and query parameters. */
export type ParamsOf<S extends Service, P, M extends Method = 'get'> = Operation<S, M, P> extends { parameters: { path?: infer Path; query?: infer Query } } ? Part<'path', Path> & Part<'query', Query> : never;
/** Its JSON body. */
export type BodyOf<S extends Service, P, M extends Method> = Operation<S, M, P> extends { requestBody: { content: { 'application/json': infer B } } } ? B : Operation<S, M, P> extends { requestBody?: { content: { 'application/json': infer B } } } ? B | undefined : undefined;
/** A part of the parameters: left out when the operation has none, optional when all of them are. */
type Part<K extends string, T> = [T] extends [never | undefined] ? unknown : RequiredKeys<T> extends never ? { [k in K]?: T } : { [k in K]: T };
export type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The request of `method path`: `params` and `body` are required when the operation requires them. */
export type RequestOf<S extends Service, P, M extends Method> = (RequiredKeys<ParamsOf<S, P, M>> extends never ? { params?: ParamsOf<S, P, M> } : { params: ParamsOf<S, P, M> }) &
  (undefined extends BodyOf<S, P, M> ? { body?: BodyOf<S, P, M> } : { body: BodyOf<S, P, M> }) & { signal?: AbortSignal };

const session: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (token && request.method !== 'GET') request.headers.set('x-csrf-token', token);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) sessionEnded();
    return response;
  },
};

const clients = new Map<Service, Client<object>>();
function clientOf(service: Service): Client<object> {
  let client = clients.get(service);
  if (!client) {
    client = createClient<object>({ baseUrl: `/api/${service}` });
    client.use(session);
    clients.set(service, client);
  }
  return client;
}

/** `method path` of `service`: the answer, or an ApiError with the service's reasons. */
export async function call<S extends Service, M extends Method, P extends PathOf<S, M>>(service: S, method: M, path: P, request: RequestOf<S, P, M>): Promise<AnswerOf<S, P, M>> {
  const { params, body, signal } = request as { params?: object; body?: unknown; signal?: AbortSignal };
  const init = { params, signal, ...(body === undefined ? (method === 'get' ? {} : { body: {} }) : { body }) };
  const { data, error, response } = await (clientOf(service).request as (m: string, p: string, i: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(method, path, init);
  if (!response.ok) throw new ApiError(response.status, typeof error === 'string' ? { message: error } : (error ?? null));
  return data as AnswerOf<S, P, M>;
}

/** GET. */
export const get = <S extends Service, P extends PathOf<S>>(service: S, path: P, ...[request]: RequiredKeys<RequestOf<S, P, 'get'>> extends never ? [RequestOf<S, P, 'get'>?] : [RequestOf<S, P, 'get'>]) =>
  call(service, 'get', path, (request ?? {}) as RequestOf<S, P, 'get'>);
/** POST (a command). */
export const post = <S extends Service, P extends PathOf<S, 'post'>>(service: S, path: P, ...[request]: RequiredKeys<RequestOf<S, P, 'post'>> extends never ? [RequestOf<S, P, 'post'>?] : [RequestOf<S, P, 'post'>]) =>
  call(service, 'post', path, (request ?? {}) as RequestOf<S, P, 'post'>);
/** PUT. */
export const put = <S extends Service, P extends PathOf<S, 'put'>>(service: S, path: P, request: RequestOf<S, P, 'put'>) => call(service, 'put', path, request);

/** The path with its parameters filled in (`/cases/{id}` → `/cases/5a…`): what a query's key and a command's changes name. */
export function pathWith(path: string, params?: { path?: object }): string {
  const values = (params?.path ?? {}) as Record<string, unknown>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}
