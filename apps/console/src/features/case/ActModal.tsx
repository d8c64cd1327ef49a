import { Alert, App, Descriptions, Form, Input, Modal, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { CaseView } from '../../views';
import { caseChanges } from '../../shared/changes';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid } from '../../shared/format';

/** The facts of what an act issues or decides, as the dialog shows them. */
export const Facts = ({ items }: { items: DescriptionsProps['items'] }) => <Descriptions size="small" bordered column={1} items={items} />;

/** What the service takes as an opinion (OpinionRequest): 2–500 characters. */
export const OPINION_MIN = 2;
export const OPINION_MAX = 500;

/** The values of an act's dialog: its own fields and the 审查意见. */
export type ActValues<V extends object = object> = V & { opinion: string };

/**
 * An act with legal effect (发出告知书, 预审, 受理, 准予 …, 撤销, 对标验收): the dialog
 * shows what will be issued (`preview`), takes the act's own fields (`children`,
 * named by `fields`) and the required 审查意见, and only then sends. The service
 * records the opinion with who and when; its 400s stand under the fields.
 */
export function ActModal<V extends object>({
  c,
  title,
  okText,
  danger,
  preview,
  warning,
  fields = [],
  initialValues,
  opinionLabel = '审查意见',
  opinionPlaceholder = '写明审查的依据与结论，将与审查人、时间一并记入案件审查记录',
  send,
  done,
  onClose,
  children,
}: {
  c: CaseView;
  title: string;
  okText: string;
  danger?: boolean;
  /** What the act issues or decides, as the officer checks it before confirming. */
  preview: ReactNode;
  /** What follows from the act that cannot be undone here. */
  warning?: string;
  /** The act's own form fields (besides `opinion`), for the service's 400s. */
  fields?: string[];
  initialValues?: Partial<ActValues<V>>;
  opinionLabel?: string;
  opinionPlaceholder?: string;
  send: (values: ActValues<V>) => Promise<unknown>;
  /** The message once done. */
  done: string | ((values: ActValues<V>) => string);
  onClose: () => void;
  children?: ReactNode;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ActValues<V>>();
  const { saving, problems, validateAndSubmit } = useFormCommand<ActValues<V>>(form, {
    send: (v) => send({ ...v, opinion: v.opinion.trim() }),
    changes: () => caseChanges(c),
    rename: onFields([...fields, 'opinion']),
    onDone: (_r, v) => {
      message.success(typeof done === 'string' ? done : done(v));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ ...tid('confirm-act'), danger, loading: saving }}
      onOk={() => void validateAndSubmit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Problems problems={problems} />
      <div data-testid="act-preview" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">将要出具 / 作出：</Typography.Text>
        <div style={{ marginTop: 8 }}>{preview}</div>
      </div>
      {warning && <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        {children}
        <Form.Item
          name="opinion"
          label={opinionLabel}
          rules={[
            { required: true, whitespace: true, message: `请填写${opinionLabel}` },
            { validator: (_, v?: string) => ([...(v ?? '').trim()].length >= OPINION_MIN || !(v ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(`${opinionLabel}至少 ${OPINION_MIN} 字`))) },
            { max: OPINION_MAX, message: `不超过 ${OPINION_MAX} 字` },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={OPINION_MAX} placeholder={opinionPlaceholder} data-testid="act-opinion" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
