import { Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LandProjectView } from '../../views';
import { tid, ymd } from '../../shared/format';
import { afterToday, notAfterToday, notBefore, required, text, today } from './paths';
import { usePathForm } from './usePathForm';

interface GrantValues {
  number: string;
  signedOn: Dayjs;
  landPriceYuan: number;
  areaMu: number;
  location: string;
  agreedStart: Dayjs;
  agreedCompletion: Dayjs;
  agreedProduction?: Dayjs;
}

/** 招拍挂出让: the ordinary grant contract (not 标准地: no agreement, no indicator checks; idle-land rules apply). */
export function GrantForm({ project }: { project: LandProjectView }) {
  const [form] = Form.useForm<GrantValues>();
  const { footer } = usePathForm(
    form,
    project.projectId,
    'grant',
    (v) => ({
      number: v.number.trim(),
      signedOn: ymd(v.signedOn),
      landPriceFen: Math.round(v.landPriceYuan * 100),
      areaMu: v.areaMu,
      location: v.location.trim(),
      agreedStart: ymd(v.agreedStart),
      agreedCompletion: ymd(v.agreedCompletion),
      ...(v.agreedProduction ? { agreedProduction: ymd(v.agreedProduction) } : {}),
    }),
  );
  return (
    <Form<GrantValues> form={form} layout="vertical" initialValues={{ signedOn: today(), areaMu: project.landAreaMu || undefined }} {...tid('grant-form')}>
      <Typography.Paragraph type="secondary">国有建设用地使用权出让合同（招标、拍卖、挂牌）。非标准地，不签履约监管协议、不核验控制性指标，但适用闲置土地处置规定。</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="number" label="出让合同编号" rules={text('请填写出让合同编号', 100)}>
            <Input placeholder="如 晋综示让〔2026〕21号" {...tid('grant-number')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="signedOn" label="签订日期" rules={[required('请选择签订日期'), notAfterToday('签订日期')]}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="landPriceYuan" label="出让价款" rules={[required('请填写出让价款'), { type: 'number', min: 0.01, message: '出让价款应大于 0' }]}>
            <InputNumber<number> min={0.01} precision={2} suffix="元" style={{ width: '100%' }} formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} parser={(v) => Number((v ?? '').replace(/,/g, ''))} {...tid('grant-price')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="areaMu" label="出让面积" rules={[required('请填写出让面积'), { type: 'number', min: 0.0001, message: '出让面积应大于 0' }]}>
            <InputNumber min={0} precision={4} suffix="亩" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="location" label="土地坐落" rules={text('请填写土地坐落', 200)}>
            <Input placeholder="如 示范区阳曲园区纬二路以北" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="agreedStart" label="约定开工日期" rules={[required('请选择约定开工日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="agreedCompletion" label="约定竣工日期" dependencies={['agreedStart']} rules={[required('请选择约定竣工日期'), notBefore(form, 'agreedStart', '约定开工日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="agreedProduction" label="约定投产日期（选填）" dependencies={['agreedCompletion']} rules={[notBefore(form, 'agreedCompletion', '约定竣工日期')]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {footer('登记出让合同')}
    </Form>
  );
}

interface OwnLandValues {
  certificateNumber: string;
  areaMu: number;
  location: string;
}

/** 自有用地: the enterprise's own land, by its 不动产权证. */
export function OwnLandForm({ project }: { project: LandProjectView }) {
  const [form] = Form.useForm<OwnLandValues>();
  const { footer } = usePathForm(form, project.projectId, 'own-land', (v) => ({ certificateNumber: v.certificateNumber.trim(), areaMu: v.areaMu, location: v.location.trim() }));
  return (
    <Form<OwnLandValues> form={form} layout="vertical" initialValues={{ areaMu: project.landAreaMu || undefined }} {...tid('own-land-form')}>
      <Typography.Paragraph type="secondary">企业以已取得的国有建设用地使用权建设本项目，登记其不动产权证。</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="certificateNumber"
            label="不动产权证号"
            rules={[
              ...text('请填写不动产权证号', 100),
              { validator: (_r, v: string | undefined) => (!v?.trim() || v.includes('不动产权') ? Promise.resolve() : Promise.reject(new Error('不动产权证号应含“不动产权”'))) },
            ]}
          >
            <Input placeholder="如 晋(2026)太原市不动产权第0012345号" {...tid('own-land-certificate')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="areaMu" label="用地面积" rules={[required('请填写用地面积'), { type: 'number', min: 0.0001, message: '用地面积应大于 0' }]}>
            <InputNumber min={0} precision={4} suffix="亩" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="location" label="土地坐落" rules={text('请填写土地坐落', 200)}>
        <Input placeholder="如 示范区潇河园区建材路8号" />
      </Form.Item>
      {footer('登记自有用地')}
    </Form>
  );
}
