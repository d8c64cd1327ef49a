import { Table, Tag, Tooltip } from 'antd';
import type { IndicatorTargetView } from '../../views';
import { checkStageName, indicatorName, unitName } from '../../shared/names';

// ── 标准地 vocabulary (apps/standard-land/src/domain) ──

export const PLOT_STATUS_ZH: Record<string, string> = { PREPARING: '准备中', AVAILABLE: '可供应', RESERVED: '已预留', TRANSFERRED: '已出让' };
const PLOT_STATUS_COLOR: Record<string, string> = { PREPARING: 'default', AVAILABLE: 'green', RESERVED: 'orange', TRANSFERRED: 'blue' };
export const PlotStatusTag = ({ status }: { status: string }) => <Tag color={PLOT_STATUS_COLOR[status] ?? 'default'}>{PLOT_STATUS_ZH[status] ?? status}</Tag>;

const COMPARATOR_ZH: Record<string, string> = { gte: '不低于', lte: '不高于', range: '区间' };

/** "≥ 300 万元/亩", "5 – 10 %". */
export function targetText(t: { comparator: string; target?: number | { min: number; max: number }; min?: number; max?: number; unit: string }): string {
  const unit = unitName(t.unit);
  if (t.comparator === 'range') {
    const range = typeof t.target === 'object' ? t.target : { min: t.min, max: t.max };
    return `${range.min} – ${range.max} ${unit}`.trim();
  }
  return `${t.comparator === 'lte' ? '≤' : '≥'} ${String(t.target)} ${unit}`.trim();
}

/** A plot's (or an agreement's) indicators: name, stage, comparator, target, unit. */
export function IndicatorTable({ indicators, testId }: { indicators: IndicatorTargetView[]; testId?: string }) {
  return (
    <Table<IndicatorTargetView>
      data-testid={testId}
      size="small"
      rowKey="code"
      dataSource={indicators}
      locale={{ emptyText: '未设定控制性指标' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      columns={[
        { title: '指标', dataIndex: 'code', render: (c: string) => <Tooltip title={`指标代码：${c}`}>{indicatorName(c)}</Tooltip> },
        { title: '核验阶段', dataIndex: 'stage', render: (s: string) => checkStageName(s) },
        { title: '要求', dataIndex: 'comparator', render: (c: string) => COMPARATOR_ZH[c] ?? c },
        { title: '目标值', key: 'target', render: (_: unknown, t) => (t.comparator === 'range' ? `${t.min} – ${t.max}` : t.target) },
        { title: '单位', dataIndex: 'unit', render: (u: string) => unitName(u) || '—' },
      ]}
    />
  );
}
