import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal, type Role } from '@devzone/auth';
import { CurrentActor, pageOf, PageOf, PageQuery, XLSX_TYPE, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { LedgerImportService } from '../application/ledger-import.service';
import { ledgerTemplate } from '../application/ledger-workbook';
import { IMPORT_ROW_STATUSES, ImportBatchView, importBatchView, ImportRowView, importRowView } from './imports.views';

/** 项目台账导入: zone officers and zone managers, for their own zones (the rows are checked against them); administrators. */
export const IMPORT_ROLES: Role[] = ['zone-officer', 'zone-manager', 'admin'];
const uuid = new ParseUUIDPipe({ version: '4' });
const NOT_FOUND = { description: '导入批次不存在，或不是本人的 (no such batch for the caller)' };
const XLSX = { content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } };

interface Reply {
  header(name: string, value: string): unknown;
}
function workbook(reply: Reply, fileName: string, bytes: Buffer): Buffer {
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  reply.header('cache-control', 'no-store');
  return bytes;
}

export class UploadQuery {
  @ApiPropertyOptional({ description: '文件名（显示与时间线用）' }) @IsOptional() @IsString() @MaxLength(255) fileName?: string;
}
export class ImportRowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IMPORT_ROW_STATUSES, enumName: 'ImportRowStatus' })
  @IsOptional()
  @IsIn(IMPORT_ROW_STATUSES, { message: `status 应为 ${IMPORT_ROW_STATUSES.join(' / ')}` })
  status?: (typeof IMPORT_ROW_STATUSES)[number];
}

/**
 * 项目台账导入 (issue 18): the template, an upload checked as a dry run (nothing
 * written but the batch), its report per row and as the workbook with the
 * problems marked, and the commit that brings the valid rows in at their stage.
 */
@ApiTags('imports 项目台账导入')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: LedgerImportService) {}

  @Get('template')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '下载导入模板（xlsx：项目台账表，及开发区、阶段、用地方式、审批状态、项目类型的代码表）' })
  @ApiOkResponse({ ...XLSX, description: '导入模板' })
  @Roles(...IMPORT_ROLES)
  async template(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: Reply): Promise<Buffer> {
    const zones = await this.imports.zonesFor(p);
    return workbook(reply, '项目台账导入模板.xlsx', await ledgerTemplate(zones.map((z) => ({ code: z.code, name: z.name }))));
  }

  @Post()
  @ApiConsumes(XLSX_TYPE)
  @ApiBody({ ...XLSX, description: '填好的导入模板（.xlsx 文件本身作为请求体，最大 20 MB）' })
  @ApiOperation({ summary: '上传项目台账并试导入：逐行校验（信用代码、日期及先后、阶段与日期和事实一致、开发区、与已有项目或本文件其他行重复），不写入任何项目' })
  @ApiCreatedResponse({ type: ImportBatchView, description: '导入批次及校验结果' })
  @Roles(...IMPORT_ROLES)
  check(@Body() body: unknown, @Query() q: UploadQuery, @CurrentPrincipal() p: Principal): Promise<ImportBatchView> {
    if (!Buffer.isBuffer(body) || !body.length) throw DomainError.invalid('file', { zh: `请上传 .xlsx 文件（请求体为文件本身，Content-Type: ${XLSX_TYPE}）`, en: `send the .xlsx file as the body with content-type ${XLSX_TYPE}` }, 'ledger-file');
    return this.imports.check(body, q.fileName?.trim() || '项目台账.xlsx', p).then(importBatchView);
  }

  @Get()
  @ApiOperation({ summary: '导入批次列表（本人的；省级与管理员为全部），新的在前' })
  @ApiOkResponse({ type: PageOf(ImportBatchView) })
  @Roles(...IMPORT_ROLES, 'province-manager')
  async list(@Query() q: PageQuery, @CurrentPrincipal() p: Principal): Promise<Page<ImportBatchView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const [rows, total] = await this.imports.list(p, skip, take);
    return { items: rows.map(importBatchView), total, page, pageSize };
  }

  @Get(':id')
  @ApiOperation({ summary: '导入批次：状态、各类行数与进度' })
  @ApiOkResponse({ type: ImportBatchView })
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...IMPORT_ROLES, 'province-manager')
  async get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal): Promise<ImportBatchView> {
    return importBatchView(await this.imports.batch(id, p));
  }

  @Get(':id/rows')
  @ApiOperation({ summary: '导入批次的各行：状态与问题（按列，中文），可按状态筛选，分页' })
  @ApiOkResponse({ type: PageOf(ImportRowView) })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiQuery({ name: 'status', required: false, enum: IMPORT_ROW_STATUSES })
  @Roles(...IMPORT_ROLES, 'province-manager')
  async rows(@Param('id', uuid) id: string, @Query() q: ImportRowsQuery, @CurrentPrincipal() p: Principal): Promise<Page<ImportRowView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const [rows, total] = await this.imports.rows(id, p, { status: q.status, skip, take });
    return { items: rows.map(importRowView), total, page, pageSize };
  }

  @Get(':id/report')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '校验报告：上传的表格原样返回，出错的单元格标红并注明原因，末列“错误”汇总每行问题' })
  @ApiOkResponse({ ...XLSX, description: '标注了错误的台账' })
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...IMPORT_ROLES, 'province-manager')
  async report(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: Reply): Promise<Buffer> {
    const batch = await this.imports.batch(id, p);
    return workbook(reply, `校验报告-${batch.fileName.replace(/\.xlsx$/i, '')}.xlsx`, await this.imports.report(id, p));
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({ summary: '确认导入：可导入的各行成为项目（按其阶段，每个项目一条 project.imported 事件）；再次确认不重复导入，中断后再次确认从中断处继续' })
  @ApiOkResponse({ type: ImportBatchView })
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...IMPORT_ROLES)
  async commit(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<ImportBatchView> {
    return importBatchView(await this.imports.commit(id, actor, p));
  }
}
