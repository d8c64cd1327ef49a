import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Session } from '../../api';
import { post } from '../../client';
import type { ZoneRulesView } from '../../views';
import { PageHeading } from '../../shared/page';
import { onFields, useFormCommand } from '../../shared/commands';
import { ErrorAlert, Problems } from '../../shared/errors';
import { chinaToday, tid, day } from '../../shared/format';
import { useApi } from '../../shared/query';
import { useZones } from '../../shared/zones';

type Setting = Exclude<keyof ZoneRulesView, 'zoneCode' | 'version' | 'effectiveFrom' | 'catalogue' | 'catalogueVersion' | 'publishedBy' | 'publishedRole' | 'publishedAt' | 'note'>;
type PublishValues = Partial<Record<Setting, number>> & { effectiveFrom: Dayjs; note?: string };

/** The settings a version may change, with their bounds (the service checks them again). */
const SETTINGS: { key: Setting; label: string; unit: string; min: number; max: number }[] = [
  { key: 'publicityDays', label: '承诺公示期', unit: '天（0 为不公示）', min: 0, max: 60 },
  { key: 'amberWorkingDays', label: '临期预警', unit: '个工作日', min: 0, max: 30 },
  { key: 'maxMissingDocumentsWorkingDays', label: '容缺材料补交期限', unit: '个工作日以内', min: 1, max: 60 },
  { key: 'majorRectifyDays', label: '验收不通过整改期限', unit: '天', min: 1, max: 730 },
  { key: 'commitmentGraceDays', label: '承诺日期逾期预警', unit: '天后', min: 0, max: 365 },
  { key: 'commitmentRecordDays', label: '承诺日期逾期记一般失信', unit: '天后', min: 1, max: 730 },
  { key: 'generalRecordsToBlacklist', label: '未修复一般失信列入黑名单', unit: '条', min: 1, max: 20 },
  { key: 'repairGeneralMonths', label: '一般失信最短公示期', unit: '个月（不少于 3）', min: 3, max: 36 },
  { key: 'repairMajorMonths', label: '重大失信最短公示期', unit: '个月', min: 3, max: 60 },
  { key: 'repairSeriousMonths', label: '严重失信最短公示期', unit: '个月（不少于 12）', min: 12, max: 60 },
];

const MAY_PUBLISH = (s: Session) => s.user.role === 'zone-manager' || s.user.role === 'admin';

/**
 * 审批规则: a zone's rules in force and every version published (who, when,
 * from which day). A zone manager publishes a new version with an effective
 * date; cases already opened keep the version they opened with.
 */
export function ZoneRulesPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const { zones, zoneName } = useZones();
  const mine = session.user.zones.length ? session.user.zones : zones.map((z) => z.code);
  const [zone, setZone] = useState<string>(session.user.zones[0] ?? '');
  const current = zone || mine[0] || '';
  const inForce = useApi('commitment-approval', '/settings/zones/{zone}', current ? { path: { zone: current } } : null);
  const versions = useApi('commitment-approval', '/settings/zones/{zone}/versions', current ? { path: { zone: current }, query: { pageSize: 50 } } : null);
  const [form] = Form.useForm<PublishValues>();
  const today = chinaToday();
  const rules = inForce.data;

  const { saving, problems, submit } = useFormCommand<PublishValues, ZoneRulesView>(form, {
    send: (v) => {
      const changed = Object.fromEntries(SETTINGS.filter((s) => v[s.key] !== undefined && v[s.key] !== null && v[s.key] !== rules?.[s.key]).map((s) => [s.key, v[s.key]]));
      return post('commitment-approval', '/settings/zones/{zone}/versions', { params: { path: { zone: current } }, body: { effectiveFrom: day(v.effectiveFrom), ...(v.note?.trim() ? { note: v.note.trim() } : {}), ...changed } });
    },
    changes: () => [['commitment-approval', `/settings/zones/${encodeURIComponent(current)}`]],
    rename: onFields(['effectiveFrom', 'note', ...SETTINGS.map((s) => s.key)]),
    onDone: (published) => {
      message.success(`已发布第 ${published.version} 版，${published.effectiveFrom} 起新立案的案件适用`);
      form.resetFields();
    },
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<PageHeading title="承诺制审批规则" />}
        extra={<Select aria-label="选择开发区" style={{ width: 260 }} value={current || undefined} onChange={setZone} options={mine.map((code) => ({ value: code, label: zoneName(code) }))} placeholder="选择开发区" data-testid="rules-zone" />}
      >
        <ErrorAlert error={inForce.error} />
        {rules && (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2, xl: 3 }}
            data-testid="rules-in-force"
            title={
              <Space>
                <span>现行规则</span>
                <Tag>{rules.zoneCode === '*' ? '默认规则（本区尚未发布）' : `第 ${rules.version} 版`}</Tag>
                <Typography.Text type="secondary">{rules.effectiveFrom} 起施行</Typography.Text>
              </Space>
            }
            items={[
              ...SETTINGS.map((s) => ({ key: s.key, label: s.label, children: `${rules[s.key]} ${s.unit.replace(/（.*）/, '')}` })),
              { key: 'catalogue', label: '审批事项清单', children: `${rules.catalogue === '*' ? '默认清单' : `${zoneName(rules.catalogue)}清单`} 第 ${rules.catalogueVersion} 版` },
            ]}
          />
        )}
        <Alert type="info" showIcon style={{ marginTop: 16 }} title="规则以发布新版本的方式调整：自生效日起新立案的案件适用新版本，已立案的案件仍按立案时的版本办理。" />
      </Card>

      {MAY_PUBLISH(session) && current && (
        <Card title="发布新版本">
          <Problems problems={problems} />
          <Form form={form} layout="vertical" onFinish={submit} data-testid="rules-publish-form" style={{ maxWidth: 900 }}>
            <Space wrap size={[24, 0]}>
              <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} placeholder="不早于今天" data-testid="rules-effective-from" />
              </Form.Item>
              {SETTINGS.map((s) => (
                <Form.Item key={s.key} name={s.key} label={s.label} extra={s.unit}>
                  <InputNumber min={s.min} max={s.max} placeholder={rules ? String(rules[s.key]) : undefined} {...tid(`rules-${s.key}`)} />
                </Form.Item>
              ))}
            </Space>
            <Form.Item name="note" label="调整说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：依省政府通知，公示期调整为 5 天" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="rules-publish">
              发布
            </Button>
          </Form>
        </Card>
      )}

      <Card title="历次版本">
        <ErrorAlert error={versions.error} />
        <Table<ZoneRulesView>
          rowKey="version"
          size="small"
          loading={versions.isFetching}
          dataSource={versions.data?.items ?? []}
          locale={{ emptyText: '本区尚未发布过规则，适用默认规则' }}
          pagination={false}
          columns={[
            { title: '版本', dataIndex: 'version', width: 70 },
            { title: '生效日期', dataIndex: 'effectiveFrom', width: 110, render: (d: string) => (d > today ? <Tag color="blue">{d} 待生效</Tag> : d) },
            { title: '公示期', dataIndex: 'publicityDays', width: 80, render: (n: number) => `${n} 天` },
            { title: '事项清单', key: 'catalogue', render: (_, r) => `${r.catalogue === '*' ? '默认' : r.catalogue} 第 ${r.catalogueVersion} 版` },
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
            { title: '发布人', key: 'by', render: (_, r) => `${r.publishedBy}（${new Date(r.publishedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）` },
          ]}
        />
      </Card>
    </Space>
  );
}
