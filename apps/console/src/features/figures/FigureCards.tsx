import { Card, Empty, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { BatchTallyView, DurationStatsView, ThreeBatchesView } from '../../views';
import { number, percent } from './figures';

/** Statistic card of a batch: the count is the element with the test id, investment and projected output below it. */
export function TallyCard({ title, tally, testId, color, hint }: { title: string; tally: BatchTallyView; testId: string; color: string; hint: string }) {
  return (
    <Card>
      <Statistic title={title} value={tally.count} suffix="个" styles={{ content: { color } }} formatter={(v) => <span data-testid={testId}>{number.format(Number(v))}</span>} />
      <div>
        <Typography.Text type="secondary">总投资 {number.format(tally.investment)} 万元</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">预计年产值 {number.format(tally.projectedAnnualOutput)} 万元</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </Card>
  );
}

export function RateCard({ title, rate, hint }: { title: string; rate: number | null; hint: string }) {
  return (
    <Card>
      <Statistic title={title} value={percent(rate)} />
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Card>
  );
}

/** Median and p90 days as horizontal bars, one group per zone; the scale is the longest p90 shown. */
export function DurationBars({ rows, zoneName }: { rows: ThreeBatchesView['durationsByZone']; zoneName: (code: string) => string }) {
  if (!rows.length) return <Empty description="暂无数据" />;
  const max = Math.max(1, ...rows.flatMap((r) => [r.signingToStart.p90Days ?? 0, r.startToProduction.p90Days ?? 0, r.signingToStart.medianDays ?? 0, r.startToProduction.medianDays ?? 0]));
  const bar = (label: string, days: number | null, color: string): ReactNode => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, height: 22 }}>
      <Typography.Text type="secondary" style={{ width: 48, fontSize: 12, textAlign: 'right' }}>
        {label}
      </Typography.Text>
      <div style={{ flex: 1, background: '#f5f5f5', borderRadius: 3, height: 14 }}>
        {days !== null && <div style={{ width: `${Math.max(0.5, (days / max) * 100)}%`, background: color, height: '100%', borderRadius: 3 }} />}
      </div>
      <span style={{ width: 72, fontSize: 12 }}>{days === null ? '—' : `${number.format(days)} 天`}</span>
    </div>
  );
  const group = (title: string, s: DurationStatsView) => (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text>
        {title}
        <Typography.Text type="secondary">（{s.count} 个项目）</Typography.Text>
      </Typography.Text>
      {bar('中位数', s.medianDays, '#1677ff')}
      {bar('P90', s.p90Days, '#fa8c16')}
    </div>
  );
  return (
    <div data-testid="durations-chart">
      {rows.map((r) => (
        <div key={r.zoneCode} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {zoneName(r.zoneCode)}
          </Typography.Title>
          {group('签约 → 开工', r.signingToStart)}
          {group('开工 → 投产', r.startToProduction)}
        </div>
      ))}
      <Space size={16}>
        <Space size={4}>
          <span style={{ display: 'inline-block', width: 12, height: 12, background: '#1677ff', borderRadius: 2 }} />
          <Typography.Text type="secondary">中位数（天）</Typography.Text>
        </Space>
        <Space size={4}>
          <span style={{ display: 'inline-block', width: 12, height: 12, background: '#fa8c16', borderRadius: 2 }} />
          <Typography.Text type="secondary">P90：九成项目不超过的天数</Typography.Text>
        </Space>
      </Space>
    </div>
  );
}
