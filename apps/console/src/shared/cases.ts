import { call, pathWith, type BodyOf, type PathOf } from '../client';
import type { CaseView } from '../views';

/** The commands on a case and its items, as the path after /cases/{id}: '/notice', '/items/{itemCode}/decision' … */
export type CaseCommandPath = PathOf<'commitment-approval', 'post'> extends infer P ? (P extends `/cases/{id}${infer Rest}` ? Rest : never) : never;
/** A case command's path, and the item's code for an item command. */
export type CaseTarget = CaseCommandPath | { path: CaseCommandPath; itemCode: string };
/** The item commands: 'decision', 'pause' … */
export type ItemCommand = CaseCommandPath extends infer P ? (P extends `/items/{itemCode}/${infer X}` ? X : never) : never;
type CaseBody<T extends CaseTarget> = BodyOf<'commitment-approval', `/cases/{id}${T extends { path: infer P extends string } ? P : T & string}`, 'post'>;

/**
 * POST /cases/{id}<path> (its body checked against the service's document, and
 * required when the service requires one: an act with legal effect takes its
 * 审查意见); the case as it is now.
 */
export const postToCase = <T extends CaseTarget>(c: CaseView, target: T, ...[body]: undefined extends CaseBody<T> ? [CaseBody<T>?] : [CaseBody<T>]) => {
  const { path, itemCode } = typeof target === 'string' ? { path: target, itemCode: undefined } : target;
  return call('commitment-approval', 'post', `/cases/{id}${path}` as '/cases/{id}/notice', { params: { path: { id: c.id, ...(itemCode ? { itemCode } : {}) } }, body } as never) as Promise<CaseView>;
};
/** An item command's target. */
export const itemPath = <A extends ItemCommand>(itemCode: string, action: A) => ({ path: `/items/{itemCode}/${action}` as const, itemCode });

/** The case's printable documents (GET /cases/{id}/documents/<kind>, a page): 'notice' 告知书, 'commitment' 承诺书, 'decision' 批复决定书. */
export type CaseDocumentKind = PathOf<'commitment-approval'> extends infer P ? (P extends `/cases/{id}/documents/${infer K}` ? K : never) : never;
export const DOCUMENT_NAMES: Record<CaseDocumentKind, string> = { notice: '告知书', commitment: '承诺书', decision: '批复决定书' };

/** Where the browser opens a document of the case (through the console server, which adds the session's token). */
export const documentUrl = (caseId: string, kind: CaseDocumentKind) => `/api/commitment-approval${pathWith(`/cases/{id}/documents/${kind}`, { path: { id: caseId } })}`;

/** Prints a document without leaving the page: loaded in a hidden frame (same origin), then the browser's print dialog. */
export function printDocument(url: string): void {
  const frame = document.createElement('iframe');
  frame.title = '打印';
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
  frame.src = url;
  frame.onload = () => {
    const view = frame.contentWindow;
    if (!view) return;
    view.addEventListener('afterprint', () => frame.remove());
    view.focus();
    view.print();
  };
  document.body.appendChild(frame);
}
