import { REGIONAL_ASSESSMENTS, REQUIRED_ASSESSMENTS } from '@devzone/contracts/names';
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { PlotView } from '../../views';
import { ReasonList } from '../../shared/errors';
import { useZones } from '../../shared/zones';
import { IndicatorTable } from './indicators';

export const REQUIRED = new Set<string>(REQUIRED_ASSESSMENTS);
export const SERVICING_LEVELS: { value: string; label: string }[] = [
  { value: 'none', label: '未平整' },
  { value: '三通一平', label: '三通一平' },
  { value: '五通一平', label: '五通一平' },
  { value: '七通一平', label: '七通一平' },
  { value: '九通一平', label: '九通一平' },
];
const servicingName = (v: string) => SERVICING_LEVELS.find((s) => s.value === v)?.label ?? v;

/**
 * A plot's zone, site conditions, regional assessments and indicators (a row of 标准地地块 opened);
 * for a plot in preparation, what keeps it from being published (the service's `publishBlockers`:
 * missing required assessments, site not serviced, no indicators).
 */
export function PlotDetail({ plot }: { plot: PlotView }) {
  const { zoneName } = useZones();
  return (
    <div data-testid={`plot-detail-${plot.code}`}>
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'zone', label: '开发区', children: zoneName(plot.zoneCode) },
          { key: 'm2', label: '面积（平方米）', children: plot.areaM2.toLocaleString('zh-CN') },
          { key: 'servicing', label: '场地条件', children: servicingName(plot.servicingLevel) },
          {
            key: 'assessments',
            label: '区域评估',
            span: 3,
            children: (
              <Space wrap size={[4, 4]}>
                {Object.entries(REGIONAL_ASSESSMENTS).map(([k, v]) => (
                  <Tag key={k} color={plot.assessments.includes(k) ? 'green' : REQUIRED.has(k) ? 'red' : 'default'}>
                    {v}
                    {plot.assessments.includes(k) ? '（已完成）' : '（未完成）'}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(plot.publishBlockers.length
            ? [
                {
                  key: 'blockers',
                  label: '尚不能发布',
                  span: 3,
                  children: (
                    <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
                      <ReasonList reasons={plot.publishBlockers.map((b) => b.zh)} testId={`publish-blockers-${plot.code}`} />
                    </Typography.Paragraph>
                  ),
                },
              ]
            : []),
          { key: 'template', label: '指标来源', children: plot.templateVersion ? `开发区模板（第 ${plot.templateVersion} 版）` : '单独设定' },
          ...(plot.reservedOn ? [{ key: 'reservedOn', label: '预留日期', children: plot.reservedOn }] : []),
        ]}
      />
      <IndicatorTable indicators={plot.indicators} testId={`plot-indicator-table-${plot.code}`} />
    </div>
  );
}
