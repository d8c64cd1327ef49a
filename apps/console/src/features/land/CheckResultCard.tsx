import { Card, Divider, Result, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CheckResultView, CheckStage, LandCheckView } from '../../views';
import { tid, yuan } from '../../shared/format';
import { checkStageName, indicatorName, unitName } from '../../shared/names';
import { checkState, lapsed, lastDate, PENALTY_REASON_ZH, stateOf } from './checks';
import { targetText } from './indicators';

/** The case's state; `checkable`: the land view's checkableStages (a rectifying case whose stage is not among them has lapsed). */
export const CheckStateTag = ({ check, checkable }: { check: LandCheckView; checkable: readonly CheckStage[] }) => {
  const [color, text] = checkState(check, checkable);
  return (
    <Tag color={color} {...tid(`check-state-${check.stage}`)}>
      {text}
    </Tag>
  );
};

const targetOf = (r: CheckResultView) => targetText({ comparator: r.comparator, target: r.target, unit: r.unit });

export function ResultTable({ results }: { results: CheckResultView[] }) {
  return (
    <Table<CheckResultView>
      rowKey="code"
      size="small"
      dataSource={results}
      locale={{ emptyText: '暂无数据' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
      rowClassName={(r) => (r.passed ? '' : 'check-failed')}
      columns={[
        { title: '指标', dataIndex: 'nameZh', render: (n: string, r) => n || indicatorName(r.code) },
        { title: '要求', key: 'target', render: (_: unknown, r) => targetOf(r) },
        { title: '实测', key: 'measured', render: (_: unknown, r) => `${r.measured} ${unitName(r.unit)}`.trim() },
        { title: '结果', dataIndex: 'passed', render: (p: boolean) => (p ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>) },
        { title: '差额', key: 'shortfall', render: (_: unknown, r) => (r.passed ? '—' : `${r.shortfall} ${unitName(r.unit)}`.trim()) },
        { title: '差额比例', dataIndex: 'shortfallPercent', render: (p: number, r) => (r.passed ? '—' : `${p}%`) },
      ]}
    />
  );
}

/** A case's latest check (the re-check when there is one) and what follows from it. */
export function CheckResultCard({ check, checkable, latest }: { check: LandCheckView; checkable: readonly CheckStage[]; latest?: boolean }) {
  const re = check.recheck ?? null;
  const state = stateOf(check);
  const passedNow = re ? re.passed : check.passed;
  const capped = (re && !re.passed ? re.consequence : check.consequence)?.capped;
  let detail: ReactNode;
  if (state === 'passed') detail = '全部约定指标达标。';
  else if (state === 'recheck-passed') detail = `复查全部达标，整改完成，不计违约金（首次核验 ${check.checkedOn} 未通过）。`;
  else if (state === 'rectifying')
    detail = (
      <Space orientation="vertical" size={4}>
        <Typography.Text strong data-testid="check-rectify">
          {lapsed(check, checkable) ? `整改期限 ${check.rectifyBy} 已届满，待核定违约金` : `整改期限：${check.rectifyBy ?? '—'}，期限内复查`}
        </Typography.Text>
        <Typography.Text type="warning" data-testid="check-penalty">
          暂不计违约金；复查仍未达标或逾期未复查通过的，按约定核定违约金（按本次实测为 {yuan(check.consequence?.penaltyFen)}）
        </Typography.Text>
      </Space>
    );
  else
    detail = (
      <Space orientation="vertical" size={4}>
        <Typography.Text type="danger" strong style={{ fontSize: 16 }} data-testid="check-penalty">
          违约金：{yuan(check.penaltyFen)}
          {capped ? '（已按上限计）' : ''}
        </Typography.Text>
        <Typography.Text strong data-testid="check-rectify">
          {PENALTY_REASON_ZH[check.penaltyReason ?? ''] ?? '核验未通过'}
          {check.rectifyBy ? `（整改期限 ${check.rectifyBy}）` : ''}
          {check.assessedOn ? `，${check.assessedOn} 核定` : ''}
        </Typography.Text>
      </Space>
    );
  return (
    <Card title={`${latest ? '最近一次核验' : '核验结果'} · ${checkStageName(check.stage)}${re ? '复查' : ''}（${lastDate(check)}）`} data-testid="check-result">
      <Result
        status={passedNow ? 'success' : state === 'rectifying' ? 'warning' : 'error'}
        title={<span data-testid="check-verdict">{re ? (re.passed ? '复查通过' : '复查未通过') : check.passed ? '通过' : '未通过'}</span>}
        subTitle={detail}
        style={{ padding: '8px 0 16px' }}
      />
      <ResultTable results={re?.results ?? check.results} />
      {re && (
        <>
          <Divider titlePlacement="start" plain>
            首次核验（{check.checkedOn}）
          </Divider>
          <ResultTable results={check.results} />
        </>
      )}
    </Card>
  );
}
