import { Injectable } from '@nestjs/common';
import type { Principal } from '@devzone/auth';
import { DomainError } from '@devzone/shared-kernel';
import { DOCUMENT_ZH, documentIssued, renderDocument, type DocumentKind } from '../api/case-documents.html';
import { recordView } from './case-views';
import { ApprovalQueries } from './queries.service';

const NOT_YET: Record<DocumentKind, { zh: string; en: string }> = {
  notice: { zh: '尚未发出告知书', en: 'the notice has not been issued' },
  commitment: { zh: '企业尚未提交承诺书', en: 'no commitment letter has been submitted' },
  decision: { zh: '案件尚未批复', en: 'the case has not been granted' },
};

/**
 * The case's documents as printable pages (告知书, 承诺书, 批复决定书): read by whoever
 * may read the case (404 otherwise), and 404 `document-not-issued` before the act
 * that issues them.
 */
@Injectable()
export class CaseDocuments {
  constructor(private readonly queries: ApprovalQueries) {}

  async html(kind: DocumentKind, caseId: string, principal: Principal): Promise<string> {
    const { c, items, opinions } = await this.queries.caseRecord(caseId, principal);
    if (!documentIssued(kind, c)) throw DomainError.notFound({ zh: `${NOT_YET[kind].zh}，没有${DOCUMENT_ZH[kind]}`, en: NOT_YET[kind].en }, 'document-not-issued');
    return renderDocument(kind, { c, items, record: recordView(opinions, items) });
  }
}
