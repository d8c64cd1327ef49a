import { call, type BodyOf, type PathOf } from '../client';
import type { CaseView } from '../views';

/** The commands on a case and its items, as the path after /cases/{id}: '/notice', '/items/{itemCode}/decision' … */
export type CaseCommandPath = PathOf<'commitment-approval', 'post'> extends infer P ? (P extends `/cases/{id}${infer Rest}` ? Rest : never) : never;
/** A case command's path, and the item's code for an item command. */
export type CaseTarget = CaseCommandPath | { path: CaseCommandPath; itemCode: string };
/** The item commands: 'decision', 'pause' … */
export type ItemCommand = CaseCommandPath extends infer P ? (P extends `/items/{itemCode}/${infer X}` ? X : never) : never;
type CaseBody<T extends CaseTarget> = BodyOf<'commitment-approval', `/cases/{id}${T extends { path: infer P extends string } ? P : T & string}`, 'post'>;

/** POST /cases/{id}<path> (its body checked against the service's document); the case as it is now. */
export const postToCase = <T extends CaseTarget>(c: CaseView, target: T, body?: CaseBody<T>) => {
  const { path, itemCode } = typeof target === 'string' ? { path: target, itemCode: undefined } : target;
  return call('commitment-approval', 'post', `/cases/{id}${path}` as '/cases/{id}/notice', { params: { path: { id: c.id, ...(itemCode ? { itemCode } : {}) } }, body } as never) as Promise<CaseView>;
};
/** An item command's target. */
export const itemPath = <A extends ItemCommand>(itemCode: string, action: A) => ({ path: `/items/{itemCode}/${action}` as const, itemCode });

