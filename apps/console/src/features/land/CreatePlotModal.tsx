import { REGIONAL_ASSESSMENTS, REQUIRED_ASSESSMENTS } from '@devzone/contracts/names';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { post } from '../../client';
import type { CreatePlotRequest, PlotView } from '../../views';
import { useFormCommand } from '../../shared/commands';
import { conflictReasons, errorText } from '../../shared/errors';
import { tid } from '../../shared/format';
import { useZones } from '../../shared/zones';
import { REQUIRED, SERVICING_LEVELS } from './PlotDetail';

/** The form's fields: the service's request without the indicators (the zone's template gives them). */
type PlotForm = Omit<CreatePlotRequest, 'indicators'>;

/** 登记地块: a new plot (准备中) with the zone's indicator template. */
export function CreatePlotModal({ zones, onClose }: { zones: string[]; onClose: () => void }) {
  const { zoneName } = useZones();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlotForm>();
  const { saving, problem, validateAndSubmit } = useFormCommand<PlotForm, PlotView>(form, {
    send: (values) =>
      post('standard-land', '/plots', { body: { ...values, code: values.code.trim(), location: values.location.trim(), industries: values.industries ?? [], assessments: values.assessments ?? [] } }),
    changes: () => [['standard-land', '/plots']],
    // A 409 is about the code (a plot of that code exists already).
    refusal: (e) => {
      if (!conflictReasons(e)) return null;
      form.setFields([{ name: 'code', errors: [errorText(e)] }]);
      return [];
    },
    onDone: (plot) => {
      message.success(`地块 ${plot.code} 已登记（准备中）`);
      onClose();
    },
  });

  return (
    <Modal open title="登记地块" width={720} okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => void validateAndSubmit()} onCancel={onClose} okButtonProps={tid('plot-submit')} destroyOnHidden>
      <Form<PlotForm>
        form={form}
        layout="vertical"
        data-testid="plot-form"
        initialValues={{ zoneCode: zones[0], landUse: '工业用地', industries: [], assessments: REQUIRED_ASSESSMENTS, servicingLevel: '七通一平' }}
      >
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="code" label="地块编号" rules={[{ required: true, whitespace: true, message: '请填写地块编号' }, { max: 50, message: '地块编号不超过 50 个字符' }]} style={{ width: 260 }}>
            <Input placeholder="如 SX-ZGQ-2026-017" />
          </Form.Item>
          <Form.Item name="zoneCode" label="开发区" rules={[{ required: true, message: '请选择开发区' }]} style={{ width: 260 }}>
            <Select options={zones.map((z) => ({ value: z, label: zoneName(z) }))} />
          </Form.Item>
          <Form.Item name="areaMu" label="面积" rules={[{ required: true, message: '请填写面积' }, { type: 'number', min: 0.01, message: '面积应大于 0 亩' }]} style={{ width: 160 }}>
            <InputNumber min={0.01} precision={2} suffix="亩" style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item name="location" label="位置" rules={[{ required: true, whitespace: true, message: '请填写位置' }, { max: 200, message: '位置不超过 200 个字符' }]}>
          <Input placeholder="如 示范区潇河园区纬三路以南" />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="landUse" label="用途" rules={[{ required: true, whitespace: true, message: '请填写用途' }]} style={{ width: 260 }}>
            <Select showSearch options={['工业用地', '仓储用地', '新型产业用地', '科研用地'].map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item name="servicingLevel" label="场地条件" rules={[{ required: true, message: '请选择场地条件' }]} style={{ width: 200 }}>
            <Select options={SERVICING_LEVELS} />
          </Form.Item>
        </Space>
        <Form.Item
          name="industries"
          label="准入行业"
          extra="国民经济行业代码或其前缀（如 C39、C3841），回车确认；留空为不限"
          rules={[
            {
              validator: (_r, v: string[] | undefined) =>
                (v ?? []).every((c) => /^[A-T]\d{0,4}$/.test(c)) ? Promise.resolve() : Promise.reject(new Error('行业代码应为一个大写门类字母加至多 4 位数字，如 C39')),
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="不限" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="assessments" label="已完成的区域评估" extra="发布为标准地需完成前 7 项评估（地震安全性评价视情况开展），且场地达到三通一平以上">
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', rowGap: 4 }}
            options={Object.entries(REGIONAL_ASSESSMENTS).map(([value, label]) => ({ value, label: REQUIRED.has(value) ? label : `${label}（非必需）` }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          控制性指标采用所在开发区的“3+X”指标模板。
        </Typography.Paragraph>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
