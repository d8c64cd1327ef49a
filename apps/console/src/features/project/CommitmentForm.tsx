import { Alert, App, Button, Checkbox, Col, DatePicker, Flex, Form, Radio, Row, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { CaseItemView } from '../../views';
import { post } from '../../client';
import type { CaseView } from '../../views';
import { documentUrl, printDocument } from '../../shared/cases';
import { caseChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { chinaToday, enterKeepsToPickers } from '../../shared/format';
import { usePhone } from '../../shared/page';
import { isoDate, type DateValue } from './project';

interface CommitmentValues {
  scope: 'all' | 'partial' | 'none';
  /** Partial: each committable item by 承诺制 or 一般程序. */
  procedures?: Record<string, 'commitment' | 'ordinary'>;
  committedDates?: { start: DateValue; completion: DateValue; production: DateValue };
  /** The enterprise read the declaration (CaseView.commitmentDeclaration) and confirms it. */
  declarationConfirmed?: boolean;
}

/** 承诺制 or 一般程序 for one item (the form's procedures.<code>). */
const ProcedureChoice = ({ item }: { item: CaseItemView }) => (
  <Form.Item name={['procedures', item.itemCode]} noStyle>
    <Radio.Group
      size="small"
      optionType="button"
      aria-label={`${item.name}的办理方式`}
      options={[
        { value: 'commitment', label: '承诺制' },
        { value: 'ordinary', label: '一般程序' },
      ]}
    />
  </Form.Item>
);

const limitsText = (i: CaseItemView) => `${i.promisedLimitDays} / ${i.legalLimitDays} 个工作日`;

/** On a phone each item is a row of its own: its name, department and time limits, then the choice. */
function ProcedureRows({ items }: { items: CaseItemView[] }) {
  return (
    <Flex vertical style={{ marginBottom: 16, border: '1px solid #f0f0f0', borderRadius: 8 }}>
      {items.map((i, n) => (
        <Flex key={i.itemCode} vertical gap={4} data-testid={`procedure-row-${i.itemCode}`} style={{ padding: '10px 12px', borderTop: n ? '1px solid #f0f0f0' : undefined }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {i.itemCode} {i.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {i.department} · 时限（承诺 / 法定）{limitsText(i)}
          </Typography.Text>
          <ProcedureChoice item={i} />
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * The 承诺书: every committable item by 承诺制, some of them (the rest by 一般程序:
 * full documents, the legal time limit), or none (no commitment: every item by
 * 一般程序, no committed dates). A commitment states the declaration the service
 * keeps with it, which the enterprise confirms; the dates pickers offer no day
 * in the past (the service refuses those, and dates out of order, under the field).
 */
export function CommitmentForm({ kase }: { kase: CaseView }) {
  const { message } = App.useApp();
  const phone = usePhone();
  const [form] = Form.useForm<CommitmentValues>();
  const scope = Form.useWatch('scope', form);
  // A second 承诺书 after a failed pre-check changes only the items still pending.
  const committable = kase.items.filter((i) => i.regime === 'committable' && i.status === 'PENDING');
  const others = kase.items.filter((i) => i.regime !== 'committable');
  const chosenOf = (v: CommitmentValues) => committable.filter((i) => (v.procedures?.[i.itemCode] ?? 'commitment') === 'commitment').map((i) => i.itemCode);
  const { saving, submit } = useFormCommand<CommitmentValues>(form, {
    send: (v) => {
      const dates = v.committedDates;
      const body = {
        scope: v.scope,
        ...(v.scope === 'partial' ? { itemCodes: chosenOf(v) } : {}),
        ...(v.scope !== 'none' && dates ? { committedDates: { start: isoDate(dates.start), completion: isoDate(dates.completion), production: isoDate(dates.production) } } : {}),
        ...(v.scope !== 'none' ? { declarationConfirmed: v.declarationConfirmed === true } : {}),
      };
      return post('commitment-approval', '/cases/{id}/commitment', { params: { path: { id: kase.id } }, body });
    },
    changes: () => caseChanges(kase),
    onDone: (_r, v) => message.success(v.scope === 'none' ? '已选择全部按一般程序办理' : '承诺书已提交'),
    tell: (text) => message.error(text),
  });
  const onFinish = (v: CommitmentValues) => {
    if (v.scope === 'partial' && !chosenOf(v).length) {
      form.setFields([{ name: 'scope', errors: ['部分承诺须至少一项按承诺制办理；全部按一般程序请选择“不作承诺”'] }]);
      return;
    }
    submit(v);
  };
  const today = chinaToday();
  const dateItem = (key: 'start' | 'completion' | 'production', label: string) => (
    // On a phone two dates to a row, and no note under each (the pickers offer no day before today).
    <Col xs={12} md={8}>
      <Form.Item name={['committedDates', key]} label={label} rules={[{ required: true, message: `请选择${label}` }]} extra={phone ? undefined : '不早于今天'}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
      </Form.Item>
    </Col>
  );
  return (
    <div data-testid="commitment-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        提交承诺书
      </Typography.Title>
      {kase.noticeNumber && (
        <Space size={4} wrap style={{ marginBottom: 8 }}>
          <Typography.Text>请先阅读告知书 {kase.noticeNumber}：</Typography.Text>
          <Button type="link" size="small" href={documentUrl(kase.id, 'notice')} target="_blank" rel="noopener" data-testid="document-notice">
            查看
          </Button>
          <Button type="link" size="small" onClick={() => printDocument(documentUrl(kase.id, 'notice'))}>
            打印
          </Button>
        </Space>
      )}
      <Typography.Paragraph type="secondary">
        告知书{kase.noticeNumber ? ` ${kase.noticeNumber}` : ''}已于 {kase.noticeIssuedOn ?? '—'} 发放。承诺制自愿选择：按承诺制办理的事项以企业承诺代替审批，随批复一并准予；也可选择一般程序（材料齐全后申请，按法定时限审批）。其余 {others.length} 项事项须审批。作出承诺的，须同时承诺开工、竣工、投产日期。
      </Typography.Paragraph>
      {kase.commitment && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`上次提交的承诺书未通过预审${kase.precheckNote ? `：${kase.precheckNote}` : ''}，请修改后重新提交。`} />
      )}
      <Form form={form} layout="vertical" initialValues={{ scope: 'all', procedures: Object.fromEntries(committable.map((i) => [i.itemCode, 'commitment'])) }} onFinish={onFinish} onKeyDown={enterKeepsToPickers}>
        <Form.Item name="scope" label="办理方式" rules={[{ required: true, message: '请选择办理方式' }]}>
          <Radio.Group
            data-testid="commitment-scope"
            vertical={phone}
            options={[
              { value: 'all', label: `全部承诺（${committable.length} 项可承诺事项按承诺制）` },
              { value: 'partial', label: '部分承诺（逐项选择承诺制或一般程序）' },
              { value: 'none', label: '不作承诺（全部按一般程序）' },
            ]}
          />
        </Form.Item>
        {scope === 'partial' &&
          (phone ? (
            <ProcedureRows items={committable} />
          ) : (
            <Table
              size="small"
              rowKey="itemCode"
              pagination={false}
              style={{ marginBottom: 16 }}
              onRow={(i) => ({ 'data-testid': `procedure-row-${i.itemCode}` }) as HTMLAttributes<HTMLElement>}
              dataSource={committable}
              columns={[
                { title: '事项', key: 'item', render: (_, i) => `${i.itemCode} ${i.name}` },
                { title: '部门', dataIndex: 'department' },
                { title: '时限（承诺 / 法定）', key: 'limits', render: (_, i) => limitsText(i) },
                { title: '办理方式', key: 'procedure', render: (_, i) => <ProcedureChoice item={i} /> },
              ]}
            />
          ))}
        {scope !== 'none' && (
          <>
            <Row gutter={16}>
              {dateItem('start', '承诺开工日期')}
              {dateItem('completion', '承诺竣工日期')}
              {dateItem('production', '承诺投产日期')}
            </Row>
            <Typography.Text strong>承诺声明</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px', marginTop: 8 }} data-testid="commitment-declaration-text">
              {kase.commitmentDeclaration}
            </Typography.Paragraph>
            <Form.Item
              name="declarationConfirmed"
              valuePropName="checked"
              rules={[{ validator: (_, checked?: boolean) => (checked ? Promise.resolve() : Promise.reject(new Error('请阅读承诺声明并勾选确认后提交'))) }]}
            >
              <Checkbox data-testid="commitment-declaration">我已阅读并承诺：以上声明属实，按承诺的日期开工、竣工、投产，愿意承担虚假承诺的法律责任</Checkbox>
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-commitment">
          {scope === 'none' ? '确认全部按一般程序办理' : '提交承诺书'}
        </Button>
      </Form>
    </div>
  );
}
