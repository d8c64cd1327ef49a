import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Steps, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ImportBatchView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { localTime } from '../../shared/format';
import { PageHeading } from '../../shared/page';
import { PagedTable } from '../../shared/PagedTable';
import { downloadFile, uploadLedger, XLSX } from './files';

export const BATCH_STATUS_COLOR: Record<string, string> = { checked: 'blue', committing: 'orange', committed: 'green' };

/**
 * 项目导入: a zone brings in the projects it already follows from its 项目台账 — the
 * template, the filled file checked as a dry run (nothing is written), then the
 * report and the commit on the batch's page; earlier imports below.
 */
export function ImportsPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [uploading, setUploading] = useState(false);
  const [fetching, setFetching] = useState(false);

  const template = async () => {
    setFetching(true);
    setError(undefined);
    try {
      await downloadFile('/api/project-intake/imports/template', '项目台账导入模板.xlsx');
    } catch (e) {
      setError(e);
    } finally {
      setFetching(false);
    }
  };
  const upload = async (file: File) => {
    setUploading(true);
    setError(undefined);
    try {
      const batch = await uploadLedger(file);
      navigate(`/imports/${batch.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<PageHeading title="项目导入" />}>
        <Steps
          size="small"
          style={{ marginBottom: 24 }}
          items={[
            { title: '下载模板', content: '含开发区、阶段、用地方式等代码表', status: 'process' },
            { title: '填写并上传', content: '每行一个项目，任意阶段' },
            { title: '查看校验结果', content: '试导入，不写入任何数据' },
            { title: '确认导入', content: '项目按其阶段进入系统' },
          ]}
        />
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Button data-testid="import-template" onClick={() => void template()} loading={fetching}>
            下载导入模板（.xlsx）
          </Button>
          <ErrorAlert error={error} />
          <Upload.Dragger
            data-testid="import-upload"
            accept={`.xlsx,${XLSX}`}
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? '正在校验……' : '点击或拖入填好的项目台账（.xlsx）'}</p>
            <p className="ant-upload-hint">上传后逐行校验并给出结果，确认之前不会写入任何项目；同一文件重复导入不会产生重复项目。</p>
          </Upload.Dragger>
          <Alert type="info" showIcon title="只能导入本人负责的开发区的项目；暂停、终止的项目请按其之前的阶段导入，导入后再办理。" />
        </Space>
      </Card>
      <Card title="导入记录">
        <PagedTable
          service="project-intake"
          path="/imports"
          data-testid="import-batches"
          size="middle"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '文件', dataIndex: 'fileName', render: (name: string, b: ImportBatchView) => <Link to={`/imports/${b.id}`}>{name}</Link> },
            { title: '上传时间', dataIndex: 'createdAt', render: (t: string) => localTime(t) },
            { title: '状态', dataIndex: 'statusName', render: (s: string, b: ImportBatchView) => <Tag color={BATCH_STATUS_COLOR[b.status]}>{s}</Tag> },
            { title: '行数', dataIndex: 'totalRows' },
            { title: '已导入', dataIndex: 'importedRows' },
            { title: '有错误', dataIndex: 'errorRows', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
          ]}
        />
      </Card>
    </Space>
  );
}
