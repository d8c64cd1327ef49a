import { App, Button, Form, Input, Rate, Typography, type RateProps } from 'antd';
import { post } from '../../client';
import type { DelegationView } from '../../views';
import { delegationChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';

interface RatingValues {
  score: number;
  comment?: string;
}

/** The stars without the aria-required Form.Item gives its control: a list may not carry it (WCAG 4.1.2; axe aria-allowed-attr). */
function Stars({ 'aria-required': required, ...props }: RateProps & { 'aria-required'?: boolean | 'true' | 'false' }) {
  void required;
  return <Rate {...props} />;
}

/** 评价代办服务: the enterprise rates its closed delegation, once. */
export function RatingForm({ delegation }: { delegation: DelegationView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingValues>();
  const { saving, submit } = useFormCommand<RatingValues>(form, {
    send: (v) => post('agency', '/delegations/{id}/rating', { params: { path: { id: delegation.id } }, body: { score: v.score, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) } }),
    changes: () => delegationChanges(delegation.projectId),
    onDone: () => message.success('感谢您的评价'),
    tell: (text) => message.error(text),
  });
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="rating-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        评价代办服务
      </Typography.Title>
      <Form.Item name="score" label="满意度" rules={[{ required: true, message: '请为代办服务评分' }]}>
        <Stars aria-label="满意度" count={5} tooltips={['很不满意', '不满意', '一般', '满意', '非常满意']} />
      </Form.Item>
      <Form.Item name="comment" label="意见与建议">
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="选填" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-rating">
        提交评价
      </Button>
    </Form>
  );
}
