import { Card, Empty, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import type { ThreeBatchesView } from '../../views';
import { Chart, type ChartOption } from '../../shared/chart';
import { ErrorAlert } from '../../shared/errors';
import { useApi } from '../../shared/query';

/** The first few entries of a chart's data, for the sentence that names it (the whole data is in the chart's tooltip and the page's lists). */
const firstFew = (parts: string[], n = 6) => parts.slice(0, n).join('；') + (parts.length > n ? `；等 ${parts.length} 项` : '');
const AXIS = { axisLabel: { color: 'rgba(0, 0, 0, 0.75)' }, axisLine: { lineStyle: { color: '#8c8c8c' } } };

/** 三个一批 over time: each round's (or, across zones, each campaign's) 签约一批 / 开工一批 / 投产一批 counts, as bars. */
export function RoundsChart({ zone, asOf, scope }: { zone?: string; asOf?: string; scope: string }) {
  const { data, error, isLoading } = useApi('project-intake', '/figures/rounds', { query: { zone, asOf } }, { keepPrevious: true });
  const rounds = useMemo(() => data?.rounds ?? [], [data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: 'rgba(0, 0, 0, 0.88)' } },
      grid: { left: 48, right: 16, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: rounds.map((r) => (r.zoneCount > 1 ? `${r.name}（${r.zoneCount} 个开发区）` : r.name)), ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0, rotate: rounds.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: '项目数', minInterval: 1, ...AXIS, nameTextStyle: { color: 'rgba(0, 0, 0, 0.75)' } },
      series: [
        { type: 'bar', name: '签约一批', data: rounds.map((r) => r.signed) },
        { type: 'bar', name: '开工一批', data: rounds.map((r) => r.started) },
        { type: 'bar', name: '投产一批', data: rounds.map((r) => r.inProduction) },
      ],
    }),
    [rounds],
  );
  const label = `柱状图：${scope}各批次的签约一批、开工一批、投产一批项目数，按批次先后排列。${firstFew(rounds.map((r) => `${r.name}签约 ${r.signed} 个、开工 ${r.started} 个、投产 ${r.inProduction} 个`))}`;
  return (
    <Card title="各批次三个一批走势" extra={data && data.roundCount > rounds.length ? <Typography.Text type="secondary">最近 {rounds.length} 个批次（共 {data.roundCount} 个）</Typography.Text> : null}>
      <ErrorAlert error={error} />
      {isLoading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : rounds.length ? <Chart option={option} label={label} testId="chart-rounds" /> : <Empty description="暂无批次" />}
    </Card>
  );
}

/** Days from signing to start and from start to production, median and P90, per zone (the figures' durationsByZone), as horizontal bars. */
export function DurationsChart({ rows, zoneName }: { rows: ThreeBatchesView['durationsByZone']; zoneName: (code: string) => string }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)} 天`) },
      legend: { top: 0, textStyle: { color: 'rgba(0, 0, 0, 0.88)' } },
      grid: { left: 16, right: 32, top: 40, bottom: 24, containLabel: true },
      xAxis: { type: 'value', name: '天', ...AXIS, nameTextStyle: { color: 'rgba(0, 0, 0, 0.75)' } },
      yAxis: { type: 'category', data: rows.map((r) => zoneName(r.zoneCode)), ...AXIS },
      series: [
        { type: 'bar', name: '签约→开工 中位数', data: rows.map((r) => r.signingToStart.medianDays) },
        { type: 'bar', name: '签约→开工 P90', data: rows.map((r) => r.signingToStart.p90Days) },
        { type: 'bar', name: '开工→投产 中位数', data: rows.map((r) => r.startToProduction.medianDays) },
        { type: 'bar', name: '开工→投产 P90', data: rows.map((r) => r.startToProduction.p90Days) },
      ],
    }),
    [rows, zoneName],
  );
  const measured = rows.some((r) => r.signingToStart.count > 0 || r.startToProduction.count > 0);
  if (!measured) return <Empty data-testid="durations-empty" description="本期没有开工或投产的项目，暂无推进用时" />;
  const days = (d: number | null) => (d === null ? '无' : `${d} 天`);
  const label = `条形图：各开发区推进用时（天）。${firstFew(
    rows.map((r) => `${zoneName(r.zoneCode)}签约到开工中位数 ${days(r.signingToStart.medianDays)}、P90 ${days(r.signingToStart.p90Days)}，开工到投产中位数 ${days(r.startToProduction.medianDays)}、P90 ${days(r.startToProduction.p90Days)}`),
  )}`;
  return <Chart option={option} label={label} testId="durations-chart" height={Math.max(220, 72 + rows.length * 64)} />;
}

/** Plan against actual, month by month: planned starts and productions as lines, actual ones as bars. */
export function PlanVsActualChart({ zone, asOf, scope }: { zone?: string; asOf?: string; scope: string }) {
  const { data, error, isLoading } = useApi('project-intake', '/figures/plan-vs-actual', { query: { zone, asOf } }, { keepPrevious: true });
  const months = useMemo(() => data?.months ?? [], [data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: 'rgba(0, 0, 0, 0.88)' } },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => m.month), ...AXIS },
      yAxis: { type: 'value', name: '项目数', minInterval: 1, ...AXIS, nameTextStyle: { color: 'rgba(0, 0, 0, 0.75)' } },
      series: [
        { type: 'line', name: '计划开工', data: months.map((m) => m.plannedStarts), lineStyle: { type: 'dashed' }, symbol: 'circle' },
        { type: 'bar', name: '实际开工', data: months.map((m) => m.actualStarts) },
        { type: 'line', name: '计划投产', data: months.map((m) => m.plannedProductions), lineStyle: { type: 'dashed' }, symbol: 'diamond' },
        { type: 'bar', name: '实际投产', data: months.map((m) => m.actualProductions) },
      ],
    }),
    [months],
  );
  const sum = (k: 'plannedStarts' | 'actualStarts' | 'plannedProductions' | 'actualProductions') => months.reduce((s, m) => s + m[k], 0);
  const label = data
    ? `折线与柱状图：${scope}${data.from} 至 ${data.to} 每月计划开工与实际开工、计划投产与实际投产的项目数。合计计划开工 ${sum('plannedStarts')} 个、实际开工 ${sum('actualStarts')} 个，计划投产 ${sum('plannedProductions')} 个、实际投产 ${sum('actualProductions')} 个`
    : '';
  return (
    <Card title="计划与实际（按月）" extra={data ? <Typography.Text type="secondary">{`${data.from} 至 ${data.to}；虚线为计划，柱为实际`}</Typography.Text> : null}>
      <ErrorAlert error={error} />
      {isLoading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : data ? <Chart option={option} label={label} testId="chart-plan-vs-actual" /> : <Empty description="暂无数据" />}
    </Card>
  );
}
