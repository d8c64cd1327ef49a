import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../api';
import type { CreditRecordView } from '../../views';
import { PageHeading } from '../../shared/page';
import { ErrorAlert } from '../../shared/errors';
import { useAddressFilters } from '../../shared/filters';
import { useApi } from '../../shared/query';
import { isOfficer } from '../../shared/roles';
import { useZones } from '../../shared/zones';
import { zhText } from '../../zh';
import { CREDIT_CODE } from './credit';
import { CreditRecordsTable } from './CreditRecordsTable';
import { CreditSearch, RECORD_STATES, type CreditSearchFilters } from './CreditSearch';
import { RecordModal } from './RecordModal';

/**
 * 信用记录: officers and managers search the records they may see by part of an enterprise's name or credit code
 * (GET /credit-records); an enterprise's credit records and blacklist status (`?creditCode=`); officers record the
 * rectification (整改), then the repair (信用修复) once the minimum publicity is over. An enterprise sees its own.
 */
export function CreditPage({ session }: { session: Session }) {
  const { params, setFilters: update } = useAddressFilters<keyof CreditSearchFilters | 'creditCode'>();
  const enterprise = session.user.role === 'enterprise';
  const officer = isOfficer(session);
  const creditCode = (enterprise ? session.user.creditCode : params.get('creditCode')?.trim().toUpperCase()) ?? '';
  const [form] = Form.useForm<{ creditCode: string }>();
  const [acting, setActing] = useState<{ record: CreditRecordView; kind: 'rectify' | 'repair' }>();

  useEffect(() => form.setFieldsValue({ creditCode }), [creditCode, form]);

  const valid = CREDIT_CODE.test(creditCode);
  const { data, error, isLoading, isFetching, refetch } = useApi('commitment-approval', '/enterprises/{creditCode}/credit', valid ? { path: { creditCode } } : null);

  // The search (officers, managers): kept in the address beside the enterprise shown, so a link keeps both.
  const { zones: all } = useZones();
  const myZones = useMemo(() => (session.user.zones.length ? all.filter((z) => session.user.zones.includes(z.code)) : all), [all, session.user.zones]);
  const status = params.get('status');
  const filters: CreditSearchFilters = { q: params.get('q')?.trim() || undefined, zone: params.get('zone') || undefined, status: RECORD_STATES.find((s) => s.value === status)?.value };
  const search = (key: keyof CreditSearchFilters, value: string | undefined) => {
    // A whole credit code is an enterprise: its credit is shown as well (with or without records).
    const code = key === 'q' ? value?.trim().toUpperCase() : undefined;
    update({ [key]: value, ...(code && CREDIT_CODE.test(code) ? { creditCode: code } : {}) });
  };

  const query = ({ creditCode: code }: { creditCode: string }) => {
    const next = code.trim().toUpperCase();
    if (next === creditCode) void refetch();
    else update({ creditCode: next });
  };

  const enterpriseName = data?.blacklist?.enterpriseName ?? data?.records[0]?.enterpriseName;
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
            <Input style={{ width: 300 }} disabled={enterprise} data-testid="credit-code" placeholder="输入 18 位代码" maxLength={18} allowClear={!enterprise} />
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

      {valid && (
        <Card title={enterpriseName ? `${enterpriseName}（${creditCode}）` : creditCode} loading={isLoading} data-testid="credit-detail">
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

      {!enterprise && <CreditSearch filters={filters} setFilter={search} zones={myZones} onEnterprise={(code) => (update({ creditCode: code }), window.scrollTo({ top: 0, behavior: 'smooth' }))} />}

      {acting && <RecordModal record={acting.record} kind={acting.kind} onClose={() => setActing(undefined)} />}
    </Space>
  );
}
