import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../client';
import type { ExemptionCause, LandProjectView } from '../../views';
import { landChanges } from '../../shared/changes';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid, day, ymd } from '../../shared/format';
import { afterToday, CAUSES, notAfterToday, notBefore, required, text, today } from './paths';

interface ProgressValues {
  reportedOn?: Dayjs;
  builtFloorAreaM2: number;
  investmentMade: number;
}

/** 填报施工进度 (cumulative): officers and the enterprise. */
export function ProgressModal({ project, onClose }: { project: LandProjectView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const { saving, problems, validateAndSubmit } = useFormCommand<ProgressValues>(form, {
    send: (v) => post('standard-land', '/projects/{projectId}/construction-progress', { params: { path: { projectId: project.projectId } }, body: { ...(v.reportedOn ? { reportedOn: ymd(v.reportedOn) } : {}), builtFloorAreaM2: v.builtFloorAreaM2, investmentMade: v.investmentMade } }),
    changes: () => landChanges(project.projectId),
    rename: onFields(['reportedOn', 'builtFloorAreaM2', 'investmentMade']),
    onDone: () => {
      message.success('施工进度已填报');
      onClose();
    },
  });
  return (
    <Modal open title="填报施工进度" okText="提交" cancelText="取消" okButtonProps={{ ...tid('progress-submit'), loading: saving }} onOk={() => void validateAndSubmit()} onCancel={onClose} destroyOnHidden>
      <Problems problems={problems} />
      <Form<ProgressValues> form={form} layout="vertical" preserve={false} initialValues={{ reportedOn: today() }} {...tid('progress-form')}>
        <Form.Item name="reportedOn" label="填报日期" rules={[required('请选择填报日期'), notAfterToday('填报日期')]}>
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="builtFloorAreaM2" label="累计已建建筑面积" extra="自开工起的累计数，不是本期增量" rules={[required('请填写已建建筑面积'), { type: 'number', min: 0, message: '不能为负' }]}>
          <InputNumber min={0} precision={2} suffix="m²" style={{ width: '100%' }} {...tid('progress-area')} />
        </Form.Item>
        <Form.Item
          name="investmentMade"
          label="累计已完成投资"
          extra={project.totalInvestment ? `项目总投资 ${project.totalInvestment.toLocaleString('zh-CN')} 万元` : undefined}
          rules={[required('请填写已完成投资'), { type: 'number', min: 0, message: '不能为负' }]}
        >
          <InputNumber min={0} precision={2} suffix="万元" style={{ width: '100%' }} {...tid('progress-investment')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ExemptionValues {
  cause: ExemptionCause;
  reason: string;
  from: Dayjs;
  to?: Dayjs;
}

/** 登记政府原因造成的迟延 (officers): the period is not counted as idle time. */
export function ExemptionModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExemptionValues>();
  const { saving, problems, validateAndSubmit } = useFormCommand<ExemptionValues>(form, {
    send: (v) => post('standard-land', '/projects/{projectId}/idle-exemption', { params: { path: { projectId } }, body: { cause: v.cause, reason: v.reason.trim(), from: day(v.from), ...(v.to ? { to: ymd(v.to) } : {}) } }),
    changes: () => landChanges(projectId),
    rename: onFields(['cause', 'reason', 'from', 'to']),
    onDone: () => {
      message.success('已登记政府原因迟延，期间不计闲置时间');
      onClose();
    },
  });
  return (
    <Modal open title="登记政府原因造成的迟延" okText="登记" cancelText="取消" okButtonProps={{ ...tid('exemption-submit'), loading: saving }} onOk={() => void validateAndSubmit()} onCancel={onClose} destroyOnHidden>
      <Problems problems={problems} />
      <Typography.Paragraph type="secondary">《闲置土地处置办法》第八条：因政府原因造成动工开发迟延的，迟延期间不计入闲置时间。</Typography.Paragraph>
      <Form<ExemptionValues> form={form} layout="vertical" preserve={false} {...tid('exemption-form')}>
        <Form.Item name="cause" label="原因类别" rules={[required('请选择原因类别')]}>
          <Select options={CAUSES} placeholder="选择原因类别" {...tid('exemption-cause')} />
        </Form.Item>
        <Form.Item name="reason" label="原因说明" rules={text('须说明政府原因', 500)}>
          <Input.TextArea rows={3} showCount maxLength={500} placeholder="如：因片区控制性详细规划调整，暂停办理建设工程规划许可" {...tid('exemption-reason')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="from" label="开始日期" rules={[required('请选择开始日期')]}>
              <DatePicker style={{ width: '100%' }} {...tid('exemption-from')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="to" label="结束日期（选填）" extra="不填表示仍在持续，期间暂停计算闲置时间" dependencies={['from']} rules={[notBefore(form, 'from', '开始日期')]}>
              <DatePicker style={{ width: '100%' }} {...tid('exemption-to')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
