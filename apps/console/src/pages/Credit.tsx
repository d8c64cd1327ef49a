import { Alert, App, AutoComplete, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Session } from '../api';
import { ErrorAlert, useLoad } from '../ui';
import { zhText } from '../zh';
import { chinaToday, isOfficer, tid, useModalForm } from './CaseDetail';

/** One 异常信用记录 (credit.service.ts). */
interface CreditRecord {
  id: string;
  creditCode: string;
  enterpriseName: string;
  caseId: string;
  projectId: string;
  severity: 'serious' | 'major' | 'general';
  reason: string;
  recordedOn: string;
  rectifyBy: string | null;
  rectifiedOn: string | null;
  rectificationNote: string | null;
  repairedOn: string | null;
  repairNote: string | null;
  /** The first day it may be repaired: its minimum publicity over (一般 3 个月、重大/严重 1 年起，按开发区规则). */
  repairableFrom: string | null;
}

interface CreditAnswer {
  creditCode: string;
  blacklisted: boolean;
  blacklist: { creditCode: string; enterpriseName: string; reason: string; since: string } | null;
  records: CreditRecord[];
}

const SEVERITY: Record<string, [string, string]> = { serious: ['严重', 'magenta'], major: ['重大', 'red'], general: ['一般', 'orange'] };

/** 统一社会信用代码: 18 characters of 0-9 and A-Y without I, O, S, V, Z (GB 32100-2015). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** 信用记录: an enterprise's credit records and blacklist status; officers record the rectification (整改), then the repair (信用修复) once the minimum publicity is over. */
export function Credit({ session }: { session: Session }) {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const enterprise = session.user.role === 'enterprise';
  const officer = isOfficer(session);
  const creditCode = (enterprise ? session.user.creditCode : params.get('creditCode')?.trim().toUpperCase()) ?? '';
  const [form] = Form.useForm<{ creditCode: string }>();
  const [acting, setActing] = useState<{ record: CreditRecord; kind: 'rectify' | 'repair' }>();

  useEffect(() => form.setFieldsValue({ creditCode }), [creditCode, form]);

  const valid = CREDIT_CODE.test(creditCode);
  const { data, error, loading, reload } = useLoad(
    () => (valid ? api<CreditAnswer>('commitment-approval', `/enterprises/${encodeURIComponent(creditCode)}/credit`) : Promise.resolve(undefined)),
    [creditCode, valid],
  );

  // The enterprises of the officer's cases, to pick from (at most the first 100 cases).
  const known = useLoad(
    () => (enterprise ? Promise.resolve({ items: [] }) : api<{ items: { creditCode: string; enterpriseName: string }[] }>('commitment-approval', '/cases?page=1&pageSize=100')),
    [enterprise],
  );
  const enterprises = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of known.data?.items ?? []) if (!seen.has(c.creditCode)) seen.set(c.creditCode, c.enterpriseName);
    return [...seen].map(([code, name]) => ({ value: code, label: `${name} · ${code}` }));
  }, [known.data]);

  const query = ({ creditCode: code }: { creditCode: string }) => {
    const next = code.trim().toUpperCase();
    if (next === creditCode) reload();
    else setParams({ creditCode: next });
  };

  const today = chinaToday();
  const enterpriseName = data?.blacklist?.enterpriseName ?? data?.records[0]?.enterpriseName ?? enterprises.find((e) => e.value === creditCode)?.label.split(' · ')[0];
  const unrectified = (data?.records ?? []).filter((r) => !r.rectifiedOn);
  const unrepaired = (data?.records ?? []).filter((r) => !r.repairedOn);

  const columns: TableColumnsType<CreditRecord> = [
    {
      title: '等级',
      dataIndex: 'severity',
      width: 80,
      filters: [
        { text: '严重', value: 'serious' },
        { text: '重大', value: 'major' },
        { text: '一般', value: 'general' },
      ],
      onFilter: (v, r) => r.severity === v,
      render: (s: string) => <Tag color={SEVERITY[s]?.[1] ?? 'default'}>{SEVERITY[s]?.[0] ?? s}</Tag>,
    },
    { title: '失信事由', dataIndex: 'reason', render: (r: string) => zhText(r) },
    { title: '记录日期', dataIndex: 'recordedOn', width: 110, sorter: (a, b) => a.recordedOn.localeCompare(b.recordedOn) },
    { title: '整改期限', dataIndex: 'rectifyBy', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '整改情况',
      key: 'rectified',
      filters: [
        { text: '已整改', value: 'done' },
        { text: '未整改', value: 'open' },
      ],
      onFilter: (v, r) => (v === 'done') === !!r.rectifiedOn,
      render: (_, r) =>
        r.rectifiedOn ? (
          <Space orientation="vertical" size={0}>
            <Tag color="success">{r.rectifiedOn} 已整改</Tag>
            {r.rectificationNote && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.rectificationNote}
              </Typography.Text>
            )}
          </Space>
        ) : r.rectifyBy && r.rectifyBy < today ? (
          <Tag color="error">逾期未整改</Tag>
        ) : (
          <Tag color="warning">未整改</Tag>
        ),
    },
    {
      title: '信用修复',
      key: 'repaired',
      render: (_, r) =>
        r.repairedOn ? (
          <Tag color="success">{r.repairedOn} 已修复</Tag>
        ) : r.repairableFrom && r.repairableFrom > today ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            最短公示期至 {r.repairableFrom}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.rectifiedOn ? '可申请修复' : '整改后可修复'}
          </Typography.Text>
        ),
    },
    { title: '关联案件', dataIndex: 'caseId', width: 100, render: (id: string) => <Link to={`/cases/${id}`}>查看案件</Link> },
  ];
  if (officer)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, r) =>
        !r.rectifiedOn ? (
          <Button size="small" type="primary" ghost data-testid={`rectify-${r.id}`} onClick={() => setActing({ record: r, kind: 'rectify' })}>
            登记整改
          </Button>
        ) : !r.repairedOn ? (
          <Tooltip title={r.repairableFrom && r.repairableFrom > today ? `最短公示期未满，${r.repairableFrom} 起可修复` : ''}>
            <Button size="small" type="primary" ghost data-testid={`repair-${r.id}`} disabled={!!r.repairableFrom && r.repairableFrom > today} onClick={() => setActing({ record: r, kind: 'repair' })}>
              信用修复
            </Button>
          </Tooltip>
        ) : null,
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="信用记录">
        <Form form={form} layout="inline" onFinish={query} initialValues={{ creditCode }} style={{ rowGap: 8 }}>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            normalize={(v?: string) => (v ?? '').toUpperCase().replace(/\s/g, '')}
            rules={[
              { required: true, message: '请输入统一社会信用代码' },
              { len: 18, message: '统一社会信用代码应为18位' },
              { pattern: CREDIT_CODE, message: '含有不允许的字符（不用 I、O、S、V、Z）' },
            ]}
          >
            {enterprise ? (
              <Input style={{ width: 300 }} disabled data-testid="credit-code" />
            ) : (
              <AutoComplete
                style={{ width: 360 }}
                options={enterprises}
                filterOption={(input, option) => String(option?.label ?? '').toUpperCase().includes(input.toUpperCase())}
                data-testid="credit-code"
              >
                <Input placeholder="输入 18 位代码，或选择本区企业" maxLength={18} allowClear />
              </AutoComplete>
            )}
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={loading && valid} data-testid="credit-query">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>

      {creditCode && !valid && !enterprise && <Alert type="warning" showIcon title={`“${creditCode}”不是有效的统一社会信用代码（应为 18 位，不含 I、O、S、V、Z）`} />}
      {enterprise && !creditCode && <Alert type="warning" showIcon title="当前账号未登记统一社会信用代码" />}
      <ErrorAlert error={error} />

      {!valid ? (
        !creditCode && !enterprise && (
          <Card>
            <Empty description="请输入统一社会信用代码查询企业的信用记录" />
          </Card>
        )
      ) : (
        <Card title={enterpriseName ? `${enterpriseName}（${creditCode}）` : creditCode} loading={loading && !data}>
          {data && (
            <>
              {data.blacklisted ? (
                <Alert
                  type="error"
                  showIcon
                  data-testid="credit-blacklisted"
                  title={<Typography.Text strong>已列入失信黑名单（{data.blacklist?.since ?? '—'} 起）</Typography.Text>}
                  description={
                    <>
                      <div>原因：{zhText(data.blacklist?.reason ?? '—')}</div>
                      <div>黑名单期间企业不得作出承诺，可按一般程序办理。整改并在最短公示期满后完成信用修复，自动移出。</div>
                    </>
                  }
                  style={{ marginBottom: 16 }}
                />
              ) : (
                <Alert type="success" showIcon data-testid="credit-clear" title="未列入失信黑名单" style={{ marginBottom: 16 }} />
              )}
              <Descriptions
                size="small"
                column={{ xs: 1, md: 4 }}
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'all', label: '信用记录', children: `${data.records.length} 条` },
                  { key: 'open', label: '未整改', children: `${unrectified.length} 条` },
                  { key: 'unrepaired', label: '未修复', children: `${unrepaired.length} 条` },
                  { key: 'serious', label: '未修复严重 / 重大记录', children: `${unrepaired.filter((r) => r.severity === 'serious').length} / ${unrepaired.filter((r) => r.severity === 'major').length} 条` },
                ]}
              />
              <Table<CreditRecord>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={[...data.records].reverse()}
                locale={{ emptyText: '暂无异常信用记录' }}
                onRow={(r) => tid(`credit-record-${r.id}`)}
                pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` }}
              />
            </>
          )}
        </Card>
      )}

      {acting && (
        <RecordModal
          record={acting.record}
          kind={acting.kind}
          onClose={(done) => {
            setActing(undefined);
            if (done) {
              message.success(acting.kind === 'rectify' ? '整改情况已登记' : '信用修复完成');
              reload();
            }
          }}
        />
      )}
    </Space>
  );
}

/** 登记整改 (how the enterprise rectified) or 信用修复 (the record no longer counts); the blacklist is re-evaluated by the service. */
function RecordModal({ record, kind, onClose }: { record: CreditRecord; kind: 'rectify' | 'repair'; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const { saving, error, ok } = useModalForm(form, ['note'], (v) => api('commitment-approval', `/credit-records/${encodeURIComponent(record.id)}/${kind}`, { body: { note: v.note.trim() } }), onClose);
  return (
    <Modal open title={kind === 'rectify' ? '登记整改' : '信用修复'} okText={kind === 'rectify' ? '确认登记' : '确认修复'} cancelText="取消" okButtonProps={{ ...tid(`${kind}-submit`), loading: saving }} onOk={() => void ok()} onCancel={() => onClose(false)} destroyOnHidden>
      <ErrorAlert error={error} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'sev', label: '等级', children: SEVERITY[record.severity]?.[0] ?? record.severity },
          { key: 'reason', label: '失信事由', children: zhText(record.reason) },
          { key: 'on', label: '记录日期', children: record.recordedOn },
          { key: 'by', label: '整改期限', children: record.rectifyBy ?? '—' },
          ...(kind === 'repair' ? [{ key: 'rectified', label: '整改情况', children: `${record.rectifiedOn ?? '—'} ${record.rectificationNote ?? ''}` }] : []),
        ]}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={kind === 'rectify' ? '整改情况说明' : '修复意见'}
          rules={[
            { required: true, whitespace: true, message: kind === 'rectify' ? '须说明整改情况' : '须填写修复意见' },
            { max: 1000, message: '不超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} placeholder={kind === 'rectify' ? '如：已补交材料并通过复核' : '如：已整改且最短公示期已满，同意修复'} data-testid={`${kind}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
