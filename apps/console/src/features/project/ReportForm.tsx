import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../client';
import type { ProjectAction, ProjectView } from '../../views';
import { projectChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { enterKeepsToPickers } from '../../shared/format';
import { afterToday, amount, isoDate, type DateValue } from './project';

export type Report = Extract<ProjectAction, 'start' | 'completion' | 'production' | 'full-production'>;
const REPORTS: Report[] = ['start', 'completion', 'production', 'full-production'];
const REPORT: Record<Report, { label: string; date: string; done: string }> = {
  start: { label: '报告开工', date: '实际开工日期', done: '开工已报告' },
  completion: { label: '报告竣工', date: '实际竣工日期', done: '竣工已报告' },
  production: { label: '报告投产', date: '实际投产日期', done: '投产已报告' },
  'full-production': { label: '报告达产', date: '实际达产日期', done: '达产已报告' },
};
/** The reports the user may file now (the project's actions). */
export const reportsOf = (p: ProjectView) => REPORTS.filter((r) => p.actions.includes(r));

interface ReportValues {
  date: DateValue;
  permitNumber?: string;
  actualAnnualOutput?: number;
}

function ReportForm({ p, report, permit, onDone, onCancel }: { p: ProjectView; report: Report; permit: string | null; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const { saving, problem, submit } = useFormCommand<ReportValues>(form, {
    send: (v) =>
      post('project-intake', `/projects/{id}/${report}` as const, {
        params: { path: { id: p.id } },
        body: {
          date: isoDate(v.date),
          ...(report === 'start' ? { permitNumber: v.permitNumber?.trim() } : {}),
          ...(report === 'full-production' ? { actualAnnualOutput: v.actualAnnualOutput } : {}),
        },
      }),
    changes: () => projectChanges(p.id),
    onDone: () => {
      message.success(REPORT[report].done);
      onDone();
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ permitNumber: permit ?? undefined }} onFinish={submit} onKeyDown={enterKeepsToPickers}>
      <Problems problems={problem ? [problem] : []} testId="report-refused" />
      <Form.Item name="date" label={REPORT[report].date} rules={[{ required: true, message: `请选择${REPORT[report].date}` }]}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" disabledDate={afterToday} />
      </Form.Item>
      {report === 'start' && (
        <Form.Item name="permitNumber" label="施工许可证号或承诺制批复文号" rules={[{ required: true, whitespace: true, message: '请填写施工许可证号或承诺制批复文号' }]}>
          <Input maxLength={100} placeholder="如：晋综示承批〔2027〕12号" />
        </Form.Item>
      )}
      {report === 'full-production' && (
        <Form.Item name="actualAnnualOutput" label="实际年产值（万元）" rules={[{ required: true, message: '请填写实际年产值' }]}>
          <InputNumber style={{ width: '100%' }} min={0} precision={2} suffix="万元" placeholder={`预计年产值 ${amount.format(p.projectedAnnualOutput)} 万元`} />
        </Form.Item>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-report">
          提交
        </Button>
      </Space>
    </Form>
  );
}

/**
 * The progress reports the project's actions allow now (报告开工 … 报告达产), each
 * opening its form. `ghost`: as the to-do card shows them; `small`: in a card's corner.
 */
export function ReportButtons({ p, permit, size }: { p: ProjectView; permit: string | null; size?: 'small' }) {
  const [report, setReport] = useState<Report>();
  // 投产 waits for the 对标验收 (lifecycle.state-machine.ts): said here so the enterprise knows why no button is shown.
  const waitForAcceptance = p.stage === 'COMPLETED' && p.conditions.acceptance !== 'passed' && !p.actions.includes('production');
  return (
    <>
      <Space wrap>
        {reportsOf(p).map((r) => (
          <Button key={r} size={size} type={size ? 'default' : 'primary'} ghost={!size} data-testid={`report-${r}`} onClick={() => setReport(r)}>
            {REPORT[r].label}
          </Button>
        ))}
        {waitForAcceptance && !size && <Typography.Text type="secondary">对标验收通过后方可报告投产</Typography.Text>}
      </Space>
      <Modal open={!!report} title={report ? REPORT[report].label : ''} footer={null} destroyOnHidden onCancel={() => setReport(undefined)}>
        {report && <ReportForm p={p} report={report} permit={permit} onCancel={() => setReport(undefined)} onDone={() => setReport(undefined)} />}
      </Modal>
    </>
  );
}

/** Whether the to-do card has a progress section: a report to file, or the acceptance it waits for. */
export const hasReportSection = (p: ProjectView) => reportsOf(p).length > 0 || (p.stage === 'COMPLETED' && p.conditions.acceptance !== 'passed');
