import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LandProjectView } from '../../views';
import { tid, ymd } from '../../shared/format';
import { notBefore, required, text } from './paths';
import { usePathForm } from './usePathForm';

interface LeaseValues {
  contractNumber: string;
  landlord: string;
  premises: string;
  floorAreaM2: number;
  leaseFrom: Dayjs;
  leaseTo: Dayjs;
  standardFactory: boolean;
}

/** 租赁厂房: a lease (of a standard factory or another building). */
export function LeaseForm({ project }: { project: LandProjectView }) {
  const [form] = Form.useForm<LeaseValues>();
  const { footer } = usePathForm(
    form,
    project.projectId,
    'lease',
    (v) => ({
      contractNumber: v.contractNumber.trim(),
      landlord: v.landlord.trim(),
      premises: v.premises.trim(),
      floorAreaM2: v.floorAreaM2,
      leaseFrom: ymd(v.leaseFrom),
      leaseTo: ymd(v.leaseTo),
      standardFactory: v.standardFactory,
    }),
  );
  return (
    <Form<LeaseValues> form={form} layout="vertical" initialValues={{ standardFactory: true }} {...tid('lease-form')}>
      <Typography.Paragraph type="secondary">企业租赁厂房（含开发区建设的标准厂房）实施项目，登记租赁合同。</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="contractNumber" label="租赁合同编号" rules={text('请填写租赁合同编号', 100)}>
            <Input placeholder="如 ZL-2026-031" {...tid('lease-number')} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="landlord" label="出租方" rules={text('请填写出租方', 200)}>
            <Input placeholder="如 山西转型综改示范区产业园运营有限公司" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="premises" label="租赁场所" rules={text('请填写租赁场所', 200)}>
            <Input placeholder="如 潇河产业园区标准厂房 3 号楼" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="floorAreaM2" label="租赁建筑面积" rules={[required('请填写租赁建筑面积'), { type: 'number', min: 0.01, message: '租赁建筑面积应大于 0' }]}>
            <InputNumber min={0} precision={2} suffix="m²" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="leaseFrom" label="租赁起始日期" rules={[required('请选择租赁起始日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="leaseTo" label="租赁截止日期" dependencies={['leaseFrom']} rules={[required('请选择租赁截止日期'), notBefore(form, 'leaseFrom', '起始日期', true)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="standardFactory" label="厂房类型" rules={[{ required: true, message: '请选择厂房类型' }]}>
            <Radio.Group
              options={[
                { value: true, label: '标准厂房' },
                { value: false, label: '其他厂房' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      {footer('登记租赁合同')}
    </Form>
  );
}
