import { Alert, Button, DatePicker, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseView } from '../../views';
import { chinaToday, ymd } from '../../shared/format';
import { postToCase } from '../../shared/cases';
import { ActModal, Facts } from './ActModal';

interface AcceptanceValues {
  passed: boolean;
  reasons?: string;
  rectifyBy?: Dayjs | null;
}

const reasonsOf = (v: AcceptanceValues) =>
  (v.reasons ?? '')
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);

/**
 * 对标验收 result: passed, or failed with reasons and a rectification deadline (a major credit record only when a re-inspection fails);
 * confirmed with the 审查意见 in a dialog that shows the result to be recorded.
 */
export function AcceptanceForm({ c, majorRectifyDays }: { c: CaseView; majorRectifyDays?: number }) {
  const reinspection = c.rectificationRound > 0;
  const [form] = Form.useForm<AcceptanceValues>();
  const passed = Form.useWatch('passed', form);
  const today = chinaToday();
  const [confirming, setConfirming] = useState<AcceptanceValues>();
  return (
    <>
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={setConfirming} data-testid={`acceptance-form-${c.id}`}>
        <Typography.Paragraph>{reinspection ? '企业整改后申请复查。' : '项目已竣工，企业申请对标验收。'}请对照承诺书与标准地指标录入验收结果。</Typography.Paragraph>
        <Form.Item name="passed" label="验收结果" rules={[{ required: true, message: '请选择验收结果' }]}>
          <Radio.Group>
            <Radio value={true} data-testid="acceptance-passed">
              通过
            </Radio>
            <Radio value={false} data-testid="acceptance-failed">
              不通过
            </Radio>
          </Radio.Group>
        </Form.Item>
        {passed === false && (
          <>
            <Alert
              type="warning"
              showIcon
              title={reinspection ? '复查不通过将记入企业重大失信记录，逾期未整改将列入黑名单。' : '首次验收不通过责令限期整改，不记失信；整改后复查仍不通过或逾期未申请复查的，记入重大失信记录。'}
              style={{ marginBottom: 16 }}
            />
            <Form.Item
              name="reasons"
              label="不通过原因（每行一条）"
              rules={[
                { required: true, whitespace: true, message: '验收不通过须列明原因' },
                { validator: (_, v?: string) => ((v ?? '').split('\n').every((r) => r.trim().length <= 500) ? Promise.resolve() : Promise.reject(new Error('每条原因不超过 500 字'))) },
              ]}
            >
              <Input.TextArea rows={3} placeholder={'如：容积率低于承诺值\n亩均投资强度未达标'} data-testid="acceptance-reasons" />
            </Form.Item>
            <Form.Item name="rectifyBy" label="整改期限" extra={`不填则按本区规则${majorRectifyDays ? `（${majorRectifyDays} 天）` : ''}确定`}>
              <DatePicker placeholder="选择整改期限" disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="acceptance-rectify-by" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" data-testid="acceptance-submit">
          提交验收结果
        </Button>
      </Form>
      {confirming && (
        <ActModal
          c={c}
          title={`对标验收${reinspection ? '（复查）' : ''}结果`}
          okText={confirming.passed ? '确认验收通过' : '确认验收不通过'}
          danger={!confirming.passed}
          warning={confirming.passed ? '验收通过后案件办结，企业可报告投产。' : reinspection ? '复查不通过将记入企业重大失信记录，并再次责令整改。' : '首次验收不通过责令限期整改，不记失信。'}
          preview={
            <Facts
              items={[
                { key: 'result', label: '验收结果', children: confirming.passed ? '通过' : '不通过' },
                { key: 'project', label: '项目', children: `${c.projectName}（${c.projectCode}）` },
                { key: 'enterprise', label: '企业', children: c.enterpriseName },
                ...(confirming.passed
                  ? []
                  : [
                      { key: 'reasons', label: '不通过原因', children: reasonsOf(confirming).join('；') },
                      { key: 'rectifyBy', label: '整改期限', children: confirming.rectifyBy ? ymd(confirming.rectifyBy) : `按本区规则${majorRectifyDays ? `（${majorRectifyDays} 天）` : ''}确定` },
                    ]),
              ]}
            />
          }
          send={(v) =>
            postToCase(
              c,
              '/acceptance',
              confirming.passed
                ? { passed: true, opinion: v.opinion }
                : { passed: false, reasons: reasonsOf(confirming), ...(confirming.rectifyBy ? { rectifyBy: ymd(confirming.rectifyBy) } : {}), opinion: v.opinion },
            )
          }
          done={confirming.passed ? '对标验收通过' : reinspection ? '复查不通过，已记入企业重大失信记录并再次责令整改' : '验收不通过，已责令限期整改'}
          onClose={() => setConfirming(undefined)}
        />
      )}
    </>
  );
}
