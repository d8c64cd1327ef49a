import { Alert, App, Button, Card, Col, Empty, Form, InputNumber, Row, Select } from 'antd';
import { post } from '../../client';
import type { AgreementView, CheckStage, LandCheckView } from '../../views';
import { landChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid, yuan } from '../../shared/format';
import { checkStageName, indicatorName, unitName } from '../../shared/names';
import { caseOf, lapsed, STAGES, stateOf } from './checks';
import { targetText } from './indicators';

interface CheckValues {
  stage: CheckStage;
  measured: Record<string, number>;
}

/**
 * 指标核验: the officer measures the agreed indicators of a stage. The stages that may be
 * checked today are the land view's `checkableStages` (a first check, or the re-check of a
 * stage rectifying within its period); the first of them is offered, the others are shown
 * but not chosen. A checkable stage with a case takes its re-check. Shown when the land
 * view's actions include 'land-checks'; re-mounted (keyed) when `checkable` changes.
 */
export function CheckForm({
  projectId,
  agreement,
  checks,
  checkable,
  onChecked,
}: {
  projectId: string;
  agreement: AgreementView;
  checks: LandCheckView[];
  checkable: readonly CheckStage[];
  onChecked: (c: LandCheckView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckValues>();
  const first = checkable[0] ?? 'completion';
  const watched = Form.useWatch('stage', form) as CheckStage | undefined;
  const stage = watched && checkable.includes(watched) ? watched : first;
  const current = caseOf(checks, stage);
  const recheck = !!current;
  const targets = agreement.indicators.filter((t) => t.stage === stage);
  // Only words: why a stage that is not checkable today takes no check.
  const stageLabel = (s: CheckStage) => {
    const c = caseOf(checks, s);
    if (!c) return checkStageName(s);
    if (checkable.includes(s)) return `${checkStageName(s)}（复查）`;
    return `${checkStageName(s)}（${lapsed(c, checkable) ? '整改期满' : '已有结论'}）`;
  };

  const { saving, problems, validateAndSubmit, clearProblems } = useFormCommand<CheckValues, LandCheckView>(form, {
    send: (v) => post('standard-land', '/projects/{projectId}/land-checks', { params: { path: { projectId } }, body: { stage: v.stage, measured: targets.map((t) => ({ code: t.code, value: v.measured[t.code], unit: t.unit })) } }),
    changes: () => landChanges(projectId),
    // measured[i] is the i-th target of the stage: its field is measured.<code>.
    rename: (f) => {
      const m = f.match(/^measured\[(\d+)\]/);
      return m && targets[Number(m[1])] ? `measured.${targets[Number(m[1])].code}` : undefined;
    },
    onDone: (check) => {
      const name = checkStageName(check.stage);
      const state = stateOf(check);
      if (state === 'passed') message.success(`${name}：全部指标达标`);
      else if (state === 'rectifying') message.warning(`${name}：有指标未达标，请于 ${check.rectifyBy} 前整改后复查，暂不计违约金`);
      else if (state === 'recheck-passed') message.success(`${name}复查：全部指标达标，整改完成`);
      else message.warning(`${name}复查仍未达标，已核定违约金 ${yuan(check.penaltyFen)}`);
      onChecked(check);
    },
  });

  return (
    <Card title={recheck ? `指标核验 · ${checkStageName(stage)}复查` : '指标核验'} data-testid="check-form">
      <Form form={form} layout="vertical" initialValues={{ stage: first }}>
        <Form.Item name="stage" label="核验阶段" rules={[{ required: true, message: '请选择核验阶段' }]} style={{ maxWidth: 260 }}>
          <Select data-testid="check-stage" options={STAGES.map((s) => ({ value: s, label: stageLabel(s), disabled: !checkable.includes(s) }))} onChange={clearProblems} />
        </Form.Item>
        {current && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            {...tid('recheck-notice')}
            title={`本次为${checkStageName(stage)}的复查`}
            description={`${current.checkedOn} 核验未通过，整改期限至 ${current.rectifyBy ?? '—'}。复查全部达标的，整改完成、不计违约金；仍有指标未达标的，按本次实测值核定违约金。`}
          />
        )}
        {targets.length === 0 ? (
          <Empty description="协议未约定该阶段的指标" />
        ) : (
          <Row gutter={16}>
            {targets.map((t) => (
              <Col key={t.code} xs={24} md={12} lg={8}>
                <Form.Item
                  name={['measured', t.code]}
                  label={`${indicatorName(t.code)}（要求 ${targetText(t)}）`}
                  rules={[
                    { required: true, message: `请填写${indicatorName(t.code)}的实测值` },
                    { type: 'number', min: 0, message: '实测值应为非负数' },
                  ]}
                >
                  <InputNumber data-testid={`measure-${t.code}`} min={0} style={{ width: '100%' }} suffix={unitName(t.unit) || undefined} placeholder="实测值" />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
        <Problems problems={problems} title="未能核验" />
        <Button type="primary" data-testid="check-submit" loading={saving} disabled={!targets.length} onClick={() => void validateAndSubmit()}>
          {recheck ? '提交复查' : '提交核验'}
        </Button>
      </Form>
    </Card>
  );
}
