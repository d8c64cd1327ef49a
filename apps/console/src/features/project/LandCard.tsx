import { Card, Descriptions, Empty, Space, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CheckResultView, IndicatorTargetView, LandCheckView, ProjectView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { ScrollingTables, useTableScroll } from '../../shared/PagedTable';
import { dash } from '../../shared/format';
import { checkStageName, indicatorName } from '../../shared/names';
import { useApiOrNull } from '../../shared/query';
import { amount, fenToYuan } from './project';

const COMPARATOR_ZH: Record<string, string> = { gte: '≥', lte: '≤', range: '介于' };
/** Units as read; a ratio (容积率) has none. */
const unitText = (unit: string) => (unit === 'ratio' ? '' : ` ${unit}`);
const targetText = (t: IndicatorTargetView | undefined) => (!t ? '—' : t.comparator === 'range' ? `${t.min ?? '—'}–${t.max ?? '—'}` : `${t.target ?? '—'}`);

interface IndicatorRow {
  code: string;
  stage: string;
  unit: string;
  comparator: string;
  plotTarget: string;
  target: string;
  raised: boolean;
  result: CheckResultView | null;
  checkedOn: string | null;
}

/**
 * 标准地指标: the agreement's indicators against the plot's, with the latest check of each. The land
 * page is linked once there is a contract and the land view lists an action the user may take there;
 * without a land view (404: the project is unknown to standard-land) there is no link.
 */
export function LandCard({ p }: { p: ProjectView; officer: boolean }) {
  const scroll = useTableScroll();
  const { data, error, isLoading } = useApiOrNull('standard-land', '/projects/{projectId}/land', { path: { projectId: p.id } });
  const contract = data?.contract;
  const latest = (stage: string) =>
    (data?.checks ?? [])
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.stage === stage)
      .sort((a, b) => a.c.checkedOn.localeCompare(b.c.checkedOn) || a.i - b.i)
      .pop()?.c;
  const rows: IndicatorRow[] = (contract?.agreement?.indicators ?? []).map((t) => {
    const plot = data?.plot?.indicators.find((x) => x.code === t.code);
    const check = latest(t.stage);
    return {
      code: t.code,
      stage: t.stage,
      unit: t.unit,
      comparator: t.comparator,
      plotTarget: targetText(plot),
      target: targetText(t),
      raised: !!plot && targetText(plot) !== targetText(t),
      result: check?.results.find((r) => r.code === t.code) ?? null,
      checkedOn: check?.checkedOn ?? null,
    };
  });
  const columns: TableColumnsType<IndicatorRow> = [
    { title: '指标', dataIndex: 'code', render: (code: string) => indicatorName(code) },
    { title: '核验阶段', dataIndex: 'stage', width: 90, render: (s: string) => checkStageName(s) },
    { title: '地块要求', key: 'plot', render: (_, r) => `${COMPARATOR_ZH[r.comparator] ?? ''} ${r.plotTarget}${unitText(r.unit)}` },
    {
      title: '协议目标值',
      key: 'target',
      render: (_, r) => (
        <Space size={4}>
          {`${COMPARATOR_ZH[r.comparator] ?? ''} ${r.target}${unitText(r.unit)}`}
          {r.raised && <Tag color="blue">企业承诺</Tag>}
        </Space>
      ),
    },
    { title: '实测值', key: 'measured', render: (_, r) => (r.result ? `${r.result.measured}${unitText(r.unit)}` : '—') },
    {
      title: '结果',
      key: 'result',
      render: (_, r) =>
        !r.result ? (
          <Tag>未核验</Tag>
        ) : r.result.passed ? (
          <Tag color="success">达标</Tag>
        ) : (
          <Tooltip title={`差距 ${r.result.shortfall}${unitText(r.unit)}`}>
            <Tag color="error">未达标（差 {r.result.shortfallPercent}%）</Tag>
          </Tooltip>
        ),
    },
  ];
  const checkColumns: TableColumnsType<LandCheckView> = [
    { title: '核验', dataIndex: 'stage', render: (s: string) => checkStageName(s) },
    { title: '核验日期', dataIndex: 'checkedOn' },
    { title: '结论', dataIndex: 'passed', render: (passed: boolean) => (passed ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>) },
    { title: '违约金', dataIndex: 'penaltyFen', render: (fen: number) => (fen ? <Typography.Text type="danger">{fenToYuan(fen)}</Typography.Text> : '无') },
    { title: '整改期限', dataIndex: 'rectifyBy', render: dash },
  ];
  const body = () => {
    if (isLoading) return <Spin />;
    if (error) return null;
    if (data === null || !p.usesStandardLand) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未使用标准地" />;
    if (!contract) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data?.plot ? `已预留地块 ${data.plot.code}，尚未签订出让合同` : '尚未确定地块，尚未签订出让合同'} />;
    const penalty = (data?.checks ?? []).reduce((sum, c) => sum + c.penaltyFen, 0);
    return (
      <>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'plot', label: '地块', children: data?.plot ? `${data.plot.code} ${data.plot.location}` : '—' },
            { key: 'area', label: '面积', children: data?.plot ? `${amount.format(data.plot.areaMu)} 亩` : '—' },
            { key: 'contract', label: '出让合同', children: `${contract.contractNumber}（${contract.signedOn}）` },
            { key: 'price', label: '土地价款', children: fenToYuan(contract.landPriceFen) },
            { key: 'agreement', label: '履约监管协议', children: contract.agreement?.number ?? '—' },
            { key: 'review', label: '复核日期', children: contract.agreement?.reviewDate ?? '—' },
            { key: 'agreed', label: '约定开工 / 竣工 / 投产', span: { xs: 1, sm: 2 }, children: `${contract.agreedStart} / ${contract.agreedCompletion} / ${contract.agreedProduction ?? '—'}` },
            { key: 'penalty', label: '违约金合计', children: penalty ? <Typography.Text type="danger">{fenToYuan(penalty)}</Typography.Text> : '无' },
          ]}
        />
        <ScrollingTables label="标准地指标（可左右滑动查看）">
          <Table<IndicatorRow> rowKey="code" size="small" scroll={scroll} columns={columns} dataSource={rows} locale={{ emptyText: '协议未设定指标' }} pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }} />
        </ScrollingTables>
        {!!data?.checks.length && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              核验记录
            </Typography.Title>
            <ScrollingTables label="核验记录（可左右滑动查看）">
              <Table<LandCheckView> rowKey="id" size="small" scroll={scroll} columns={checkColumns} dataSource={data.checks} pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }} />
            </ScrollingTables>
          </>
        )}
      </>
    );
  };
  return (
    <Card title="标准地指标" extra={contract && data?.actions.length ? <Link to={`/land/${p.id}`}>标准地详情</Link> : null} data-testid="land">
      <ErrorAlert error={error} />
      {body()}
    </Card>
  );
}
