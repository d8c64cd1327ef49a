import { Alert, AutoComplete, Button, Card, Descriptions, Empty, Form, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Session } from '../../api';
import type { CreditRecordView } from '../../views';
import { PageHeading } from '../../shared/page';
import { ErrorAlert } from '../../shared/errors';
import { useApi } from '../../shared/query';
import { isOfficer } from '../../shared/roles';
import { zhText } from '../../zh';
import { CREDIT_CODE } from './credit';
import { CreditRecordsTable } from './CreditRecordsTable';
import { RecordModal } from './RecordModal';

/** 信用记录: an enterprise's credit records and blacklist status; officers record the rectification (整改), then the repair (信用修复) once the minimum publicity is over. */
export function CreditPage({ session }: { session: Session }) {
  const [params, setParams] = useSearchParams();
  const enterprise = session.user.role === 'enterprise';
  const officer = isOfficer(session);
  const creditCode = (enterprise ? session.user.creditCode : params.get('creditCode')?.trim().toUpperCase()) ?? '';
  const [form] = Form.useForm<{ creditCode: string }>();
  const [acting, setActing] = useState<{ record: CreditRecordView; kind: 'rectify' | 'repair' }>();

  useEffect(() => form.setFieldsValue({ creditCode }), [creditCode, form]);

  const valid = CREDIT_CODE.test(creditCode);
  const { data, error, isLoading, isFetching, refetch } = useApi('commitment-approval', '/enterprises/{creditCode}/credit', valid ? { path: { creditCode } } : null);

  // The enterprises of the officer's cases, to pick from (at most the first 100 cases).
  const known = useApi('commitment-approval', '/cases', enterprise ? null : { query: { page: 1, pageSize: 100 } });
  const enterprises = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of known.data?.items ?? []) if (!seen.has(c.creditCode)) seen.set(c.creditCode, c.enterpriseName);
    return [...seen].map(([code, name]) => ({ value: code, label: `${name} · ${code}` }));
  }, [known.data]);

  const query = ({ creditCode: code }: { creditCode: string }) => {
    const next = code.trim().toUpperCase();
    if (next === creditCode) void refetch();
    else setParams({ creditCode: next });
  };

  const enterpriseName = data?.blacklist?.enterpriseName ?? data?.records[0]?.enterpriseName ?? enterprises.find((e) => e.value === creditCode)?.label.split(' · ')[0];
  const unrectified = (data?.records ?? []).filter((r) => !r.rectifiedOn);
  const unrepaired = (data?.records ?? []).filter((r) => !r.repairedOn);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<PageHeading title="信用记录" />}>
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
            <Button type="primary" htmlType="submit" loading={isFetching && valid} data-testid="credit-query">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>

      {creditCode && !valid && !enterprise && <Alert type="warning" showIcon title={`“${creditCode}”不是有效的统一社会信用代码（应为 18 位，不含 I、O、S、V、Z）`} />}
      {enterprise && !creditCode && <Alert type="warning" showIcon title="当前账号未登记统一社会信用代码" />}
      <ErrorAlert error={error} />

      {!valid ? (
        !creditCode &&
        !enterprise && (
          <Card>
            <Empty description="请输入统一社会信用代码查询企业的信用记录" />
          </Card>
        )
      ) : (
        <Card title={enterpriseName ? `${enterpriseName}（${creditCode}）` : creditCode} loading={isLoading}>
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
              <CreditRecordsTable records={data.records} officer={officer} onAct={(record, kind) => setActing({ record, kind })} />
            </>
          )}
        </Card>
      )}

      {acting && <RecordModal record={acting.record} kind={acting.kind} onClose={() => setActing(undefined)} />}
    </Space>
  );
}
