import { App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../client';
import type { LandProjectView, PlotView } from '../../views';
import { landChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { conflictReasons, Problems } from '../../shared/errors';
import { tid, day, ymd } from '../../shared/format';
import { indicatorName, unitName } from '../../shared/names';
import { targetText } from './indicators';
import { notBefore as notBeforeIn } from './paths';

interface TransferForm {
  contract: { number: string; signedOn: Dayjs; landPriceYuan: number; agreedStart: Dayjs; agreedCompletion: Dayjs; agreedProduction?: Dayjs };
  agreement: { number: string; counterparties: string[]; committedIndicators?: { code: string; value: number }[]; reviewDate: Dayjs };
}

/** 出让: the 标准地 plot transferred to the project with its contract and performance agreement (the enterprise may commit higher indicators). */
export function TransferModal({ project, plot, counterparties, onClose }: { project: LandProjectView; plot: PlotView; counterparties: string[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferForm>();
  const committable = plot.indicators.filter((t) => t.comparator !== 'range');
  const { saving, problems, validateAndSubmit } = useFormCommand<TransferForm>(form, {
    send: (v) => {
      const committed = (v.agreement.committedIndicators ?? []).filter((c) => c && c.code);
      return post('standard-land', '/plots/{code}/transfer', {
        params: { path: { code: plot.code } },
        body: {
          projectId: project.projectId,
          contract: {
            number: v.contract.number.trim(),
            signedOn: day(v.contract.signedOn),
            landPriceFen: Math.round(v.contract.landPriceYuan * 100),
            agreedStart: day(v.contract.agreedStart),
            agreedCompletion: day(v.contract.agreedCompletion),
            ...(v.contract.agreedProduction ? { agreedProduction: ymd(v.contract.agreedProduction) } : {}),
          },
          agreement: {
            number: v.agreement.number.trim(),
            counterparties: v.agreement.counterparties.map((c) => c.trim()).filter(Boolean),
            ...(committed.length ? { committedIndicators: committed } : {}),
            reviewDate: day(v.agreement.reviewDate),
          },
        },
      });
    },
    changes: () => landChanges(project.projectId),
    rename: (f) => (f === 'contract.landPriceFen' ? 'contract.landPriceYuan' : f.startsWith('agreement.committedIndicators') ? 'agreement.committedIndicators' : undefined),
    refusal: conflictReasons,
    onDone: () => {
      message.success(`地块 ${plot.code} 已出让，出让合同与履约监管协议已签订`);
      onClose();
    },
  });
  const notBefore = (other: ['contract', 'agreedStart' | 'agreedCompletion'], what: string) => notBeforeIn(form, other, what);

  return (
    <Modal
      open
      title={`出让地块 ${plot.code}`}
      width={820}
      okText="签订并出让"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void validateAndSubmit()}
      onCancel={onClose}
      okButtonProps={tid('transfer-submit')}
      destroyOnHidden
    >
      <Form<TransferForm>
        form={form}
        layout="vertical"
        data-testid="transfer-form"
        initialValues={{ contract: { signedOn: dayjs() }, agreement: { counterparties, committedIndicators: [] } }}
      >
        <Divider titlePlacement="start" plain>
          国有建设用地使用权出让合同
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['contract', 'number']} label="合同编号" rules={[{ required: true, whitespace: true, message: '请填写出让合同编号' }, { max: 100, message: '不超过 100 个字符' }]}>
              <Input placeholder="如 晋综示让〔2026〕17号" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={['contract', 'signedOn']}
              label="签订日期"
              rules={[{ required: true, message: '请选择签订日期' }, { validator: (_r, v: Dayjs | undefined) => (!v || !v.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error('签订日期不能晚于今天'))) }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['contract', 'landPriceYuan']} label="出让价款" rules={[{ required: true, message: '请填写出让价款' }, { type: 'number', min: 0.01, message: '出让价款应大于 0' }]}>
              <InputNumber<number> min={0.01} precision={2} suffix="元" style={{ width: '100%' }} formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} parser={(v) => Number((v ?? '').replace(/,/g, ''))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name={['contract', 'agreedStart']} label="约定开工日期" rules={[{ required: true, message: '请选择约定开工日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['contract', 'agreedCompletion']} label="约定竣工日期" dependencies={[['contract', 'agreedStart']]} rules={[{ required: true, message: '请选择约定竣工日期' }, notBefore(['contract', 'agreedStart'], '约定开工日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['contract', 'agreedProduction']} label="约定投产日期（选填）" dependencies={[['contract', 'agreedCompletion']]} rules={[notBefore(['contract', 'agreedCompletion'], '约定竣工日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          履约监管协议
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['agreement', 'number']} label="协议编号" rules={[{ required: true, whitespace: true, message: '请填写协议编号' }, { max: 100, message: '不超过 100 个字符' }]}>
              <Input placeholder="如 LY-2026-017" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['agreement', 'reviewDate']} label="达产复核日期" dependencies={[['contract', 'agreedCompletion']]} rules={[{ required: true, message: '请选择达产复核日期' }, notBefore(['contract', 'agreedCompletion'], '约定竣工日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name={['agreement', 'counterparties']}
          label="协议各方"
          extra="输入后回车确认"
          rules={[{ required: true, message: '请填写协议各方' }, { type: 'array', min: 2, message: '协议至少两方' }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
        </Form.Item>
        <Form.List
          name={['agreement', 'committedIndicators']}
          rules={[
            {
              validator: async (_r, list: { code?: string }[] | undefined) => {
                const codes = (list ?? []).map((i) => i?.code).filter(Boolean);
                if (new Set(codes).size !== codes.length) throw new Error('同一指标只能承诺一次');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <Typography.Text>企业承诺的指标值（选填，不得低于地块要求）</Typography.Text>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: '请选择指标' }]} style={{ width: 320, marginBottom: 8 }}>
                    <Select placeholder="指标" options={committable.map((t) => ({ value: t.code, label: `${indicatorName(t.code)}（地块要求 ${targetText(t)}）` }))} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    dependencies={[['agreement', 'committedIndicators', field.name, 'code']]}
                    rules={[
                      { required: true, message: '请填写承诺值' },
                      {
                        validator: (_r, value: number | undefined) => {
                          const code = form.getFieldValue(['agreement', 'committedIndicators', field.name, 'code']) as string | undefined;
                          const t = committable.find((x) => x.code === code);
                          if (value === undefined || value === null || !t || t.target === undefined) return Promise.resolve();
                          const ok = t.comparator === 'lte' ? value <= t.target : value >= t.target;
                          return ok ? Promise.resolve() : Promise.reject(new Error(`承诺值不能${t.comparator === 'lte' ? '高于' : '低于'}地块要求 ${t.target}`));
                        },
                      },
                    ]}
                    style={{ width: 240, marginBottom: 8 }}
                  >
                    <InputNumber
                      min={0}
                      style={{ width: '100%' }}
                      placeholder="承诺值"
                      suffix={unitName(committable.find((t) => t.code === form.getFieldValue(['agreement', 'committedIndicators', field.name, 'code']))?.unit ?? '')}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <div style={{ marginTop: 8 }}>
                <Button type="dashed" onClick={() => add()} data-testid="commit-add">
                  添加承诺指标
                </Button>
              </div>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          违约条款采用默认约定：每项未达标指标按出让价款的 5% 计违约金，合计不超过 30%，整改期一年；闲置满一年征收 20% 闲置费，满两年收回。
        </Typography.Paragraph>
        <Problems problems={problems} title="未能出让" style={{ marginTop: 12 }} />
      </Form>
    </Modal>
  );
}
