import { Alert, Button, Card, Col, Popconfirm, Progress, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { post } from '../../client';
import type { ImportRowView } from '../../views';
import { useCommand } from '../../shared/commands';
import { ErrorAlert } from '../../shared/errors';
import { localTime } from '../../shared/format';
import { PageHeading } from '../../shared/page';
import { PagedTable } from '../../shared/PagedTable';
import { useApi } from '../../shared/query';
import { downloadFile } from './files';
import { BATCH_STATUS_COLOR } from './ImportsPage';

const TABS = [
  { key: 'error', label: '有错误' },
  { key: 'valid', label: '可导入' },
  { key: 'imported', label: '已导入' },
  { key: 'unchanged', label: '已导入过，无变化' },
] as const;
type RowStatus = (typeof TABS)[number]['key'];

/** /imports/:id — a batch: the dry run's result row by row (each problem under its column), the marked workbook, the commit and its progress. */
export function ImportBatchPage() {
  const { id = '' } = useParams();
  const [committing, setCommitting] = useState(false);
  const [tab, setTab] = useState<RowStatus>();
  const batch = useApi('project-intake', '/imports/{id}', { path: { id } }, { refetchInterval: committing ? 1_000 : undefined });
  const b = batch.data;
  const commit = useCommand({
    send: () => {
      setCommitting(true);
      return post('project-intake', '/imports/{id}/commit', { params: { path: { id } } });
    },
    changes: () => [['project-intake', `/imports`], ['project-intake', '/projects'], ['project-intake', '/figures']],
    onDone: () => setCommitting(false),
    onFailed: () => setCommitting(false),
  });
  const [reportError, setReportError] = useState<unknown>();
  const shown: RowStatus = tab ?? (b?.errorRows ? 'error' : b?.importedRows ? 'imported' : b?.validRows ? 'valid' : 'unchanged');
  const counts: Record<RowStatus, number> = { error: b?.errorRows ?? 0, valid: b?.validRows ?? 0, imported: b?.importedRows ?? 0, unchanged: b?.unchangedRows ?? 0 };
  const toImport = (b?.validRows ?? 0) + (b?.importedRows ?? 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Link to="/imports">项目导入</Link>
        <Typography.Text type="secondary">/</Typography.Text>
        <Typography.Text>{b?.fileName ?? ''}</Typography.Text>
      </Space>
      <Card
        data-testid="import-batch"
        title={<PageHeading title="导入校验结果" />}
        extra={b && <Tag color={BATCH_STATUS_COLOR[b.status]} data-testid="import-status">{b.statusName}</Tag>}
      >
        <ErrorAlert error={batch.error ?? commit.error ?? reportError} />
        {b && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {b.fileName} · 上传于 {localTime(b.createdAt)}
              {b.committedAt ? ` · 导入于 ${localTime(b.committedAt)}` : ''}
            </Typography.Text>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title="数据行" value={b.totalRows} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="有错误" value={b.errorRows} styles={{ content: { color: b.errorRows ? '#b42318' : undefined } }} {...{ 'data-testid': 'import-error-rows' }} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={b.status === 'committed' ? '已导入' : '可导入'} value={b.status === 'committed' ? b.importedRows : b.validRows} {...{ 'data-testid': 'import-valid-rows' }} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="已导入过，无变化" value={b.unchangedRows} />
              </Col>
            </Row>
            {(committing || b.status === 'committing') && toImport > 0 && <Progress data-testid="import-progress" percent={Math.floor((100 * b.importedRows) / toImport)} format={() => `${b.importedRows} / ${toImport}`} />}
            {b.errorRows > 0 && b.status !== 'committed' && <Alert type="warning" showIcon title={`${b.errorRows} 行有错误，不会导入。可下载校验报告，改正后重新上传（已导入的行不会重复导入）；也可以先导入其余 ${b.validRows} 行。`} />}
            <Space wrap>
              <Button
                data-testid="import-report"
                onClick={() => {
                  setReportError(undefined);
                  downloadFile(`/api/project-intake/imports/${id}/report`, '校验报告.xlsx').catch(setReportError);
                }}
              >
                下载校验报告（错误已标注）
              </Button>
              {b.actions.includes('commit') && (
                <Popconfirm title={`确认导入 ${b.validRows} 个项目？`} description="项目将按台账中的阶段进入系统，各部门据此建立审批、用地和代办记录。" okText="确认导入" cancelText="取消" onConfirm={() => commit.mutate()}>
                  <Button type="primary" data-testid="import-commit" loading={commit.isPending}>
                    确认导入 {b.validRows} 个项目
                  </Button>
                </Popconfirm>
              )}
              {b.status === 'committed' && <Link to="/projects">到项目库查看</Link>}
            </Space>
          </Space>
        )}
      </Card>
      <Card title="逐行结果">
        <Tabs activeKey={shown} onChange={(key) => setTab(key as RowStatus)} items={TABS.map((t) => ({ key: t.key, label: `${t.label}（${counts[t.key]}）` }))} />
        <PagedTable
          key={`${shown}-${b?.importedRows ?? 0}`}
          service="project-intake"
          path="/imports/{id}/rows"
          params={{ path: { id }, query: { status: shown } }}
          rowKey="row"
          size="middle"
          data-testid="import-rows"
          scroll={{ x: 'max-content' }}
          onRow={(r: ImportRowView) => ({ 'data-testid': `import-row-${r.row}` }) as object}
          columns={[
            { title: '行号', dataIndex: 'row', width: 70 },
            { title: '项目名称', dataIndex: 'name', render: (name: string | null, r: ImportRowView) => (r.projectId ? <Link to={`/projects/${r.projectId}`}>{name}</Link> : (name ?? '—')) },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '阶段', dataIndex: 'stage' },
            {
              title: '问题',
              dataIndex: 'problems',
              render: (problems: ImportRowView['problems']) =>
                problems.length ? (
                  <Space orientation="vertical" size={0}>
                    {problems.map((p, i) => (
                      <Typography.Text key={i} type="danger">
                        {p.header ? `${p.header}：` : ''}
                        {p.message}
                      </Typography.Text>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
