import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@devzone/auth';
import { CaseDocuments } from '../application/case-documents';
import type { DocumentKind } from './case-documents.html';

const uuid = new ParseUUIDPipe({ version: '4' });
const HTML = { content: { 'text/html': { schema: { type: 'string' } } } };
/** The answer's headers, set once the page is made (a refusal stays JSON, as every service's). */
interface Reply {
  header(name: string, value: string): unknown;
}
const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
};
const NOT_ISSUED = { description: '案件不存在，或文书尚未出具（document-not-issued）(no such case, or the act that issues the document has not happened)' };

/**
 * GET /cases/:id/documents/{notice,commitment,decision}: the case's documents as
 * printable HTML pages in Chinese (print CSS, no script), for whoever may read
 * the case. The console links to them (查看 / 打印).
 */
@ApiTags('cases 承诺制案件')
@Controller('cases/:id/documents')
export class CaseDocumentsController {
  constructor(private readonly documents: CaseDocuments) {}

  @Get('notice')
  @ApiProduces('text/html')
  @ApiOperation({ summary: '承诺制告知书（可打印的网页）：编号、企业、项目、审批事项及材料、承诺要求、审查意见 (the requirement notice as a printable page)' })
  @ApiOkResponse({ ...HTML, description: '告知书（HTML，含打印样式）' })
  @ApiNotFoundResponse(NOT_ISSUED)
  notice(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    return this.page('notice', id, p, reply);
  }

  @Get('commitment')
  @ApiProduces('text/html')
  @ApiOperation({ summary: '承诺书（可打印的网页）：承诺范围与事项、承诺日期、企业确认的声明原文、预审意见 (the commitment letter as a printable page)' })
  @ApiOkResponse({ ...HTML, description: '承诺书（HTML，含打印样式）' })
  @ApiNotFoundResponse(NOT_ISSUED)
  commitment(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    return this.page('commitment', id, p, reply);
  }

  @Get('decision')
  @ApiProduces('text/html')
  @ApiOperation({ summary: '承诺制批复决定书（可打印的网页）：批复文号、各事项决定（准予、容缺准予、依承诺准予、撤销）、承诺日期、审查意见 (the decision as a printable page)' })
  @ApiOkResponse({ ...HTML, description: '批复决定书（HTML，含打印样式）' })
  @ApiNotFoundResponse(NOT_ISSUED)
  decision(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    return this.page('decision', id, p, reply);
  }

  private async page(kind: DocumentKind, id: string, principal: Principal, reply: Reply): Promise<string> {
    const html = await this.documents.html(kind, id, principal);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) reply.header(name, value);
    return html;
  }
}
