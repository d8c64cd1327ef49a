import { Alert, Button, Card, Descriptions, Space, Steps } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { PageHeading } from '../../shared/page';
import { CaseStatusTag, StageTag } from '../../shared/tags';

/** The workflow as steps; RECTIFYING sits on 对标验收 with an error. */
const STEPS = ['立案', '告知书', '承诺书 · 预审', '公示', '事项审批', '批复', '对标验收', '办结'];
const STEP_OF: Record<string, number> = { OPENED: 0, NOTIFIED: 1, COMMITTED: 2, IN_PUBLICITY: 3, DECIDING: 4, GRANTED: 5, ACCEPTANCE_REQUESTED: 6, RECTIFYING: 6, ACCEPTED: 7 };

/** The case: where it is in the workflow, its project and enterprise, its catalogue and rules. */
export function CaseHeaderCard({
  c,
  error,
  refreshing,
  onRefresh,
  officer,
  linksCredit,
  zoneName,
}: {
  c: CaseView;
  error: unknown;
  refreshing: boolean;
  onRefresh: () => void;
  officer: boolean;
  linksCredit: boolean;
  zoneName: (code: string) => string;
}) {
  return (
    <Card
      title={
        <Space>
          <PageHeading title={`承诺制案件 · ${c.projectName}`} />
          <CaseStatusTag status={c.status} name={c.statusName} testId="case-status" />
        </Space>
      }
      extra={
        <Space>
          {officer && <Link to="/queue">返回审批队列</Link>}
          <Button size="small" onClick={onRefresh} loading={refreshing}>
            刷新
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {c.status === 'REVOKED' ? (
        <Alert type="warning" showIcon title="项目已终止，案件已撤销" style={{ marginBottom: 16 }} />
      ) : (
        <Steps
          size="small"
          current={STEP_OF[c.status] ?? 0}
          status={c.status === 'RECTIFYING' ? 'error' : c.status === 'ACCEPTED' ? 'finish' : 'process'}
          items={STEPS.map((title) => ({ title }))}
          style={{ marginBottom: 20 }}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'code', label: '项目代码', children: c.projectCode },
          { key: 'name', label: '项目名称', children: <Link to={`/projects/${c.projectId}`}>{c.projectName}</Link> },
          { key: 'stage', label: '项目阶段', children: <StageTag stage={c.projectStage} /> },
          { key: 'ent', label: '企业', children: c.enterpriseName },
          { key: 'credit', label: '统一社会信用代码', children: linksCredit ? <Link to={`/credit?creditCode=${c.creditCode}`}>{c.creditCode}</Link> : c.creditCode },
          { key: 'zone', label: '开发区', children: zoneName(c.zoneCode) },
          { key: 'opened', label: '立案日期', children: c.openedOn },
          { key: 'catalogue', label: '事项清单', children: `${c.catalogue === '*' ? '默认清单' : c.catalogue} 第 ${c.catalogueVersion} 版` },
          { key: 'rules', label: '适用规则', children: `${c.rulesZone === '*' ? '默认规则' : `${zoneName(c.rulesZone)}规则`} 第 ${c.rulesVersion} 版（立案时确定）` },
          { key: 'status', label: '案件状态', children: c.statusName },
        ]}
      />
    </Card>
  );
}
