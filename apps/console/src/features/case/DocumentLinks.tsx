import { Button, Space } from 'antd';
import { documentUrl, DOCUMENT_NAMES, printDocument, type CaseDocumentKind } from '../../shared/cases';

/** 查看 / 打印 a document the case has issued (a printable page of the service's, opened through the console server). */
export function DocumentLinks({ caseId, kind }: { caseId: string; kind: CaseDocumentKind }) {
  const url = documentUrl(caseId, kind);
  return (
    <Space size={4}>
      <Button type="link" size="small" href={url} target="_blank" rel="noopener" data-testid={`document-${kind}`} aria-label={`查看${DOCUMENT_NAMES[kind]}`}>
        查看
      </Button>
      <Button type="link" size="small" onClick={() => printDocument(url)} data-testid={`print-${kind}`} aria-label={`打印${DOCUMENT_NAMES[kind]}`}>
        打印
      </Button>
    </Space>
  );
}
