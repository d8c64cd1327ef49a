import { App, Form, Input, Modal } from 'antd';
import type { CaseView } from '../../views';
import { caseChanges } from '../../shared/changes';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid } from '../../shared/format';
import { postToCase, type CaseTarget } from '../../shared/cases';

/** A case command that asks for one required note (预审不通过, 撤销): POST `path` with `{ [field]: note, ...extra }`. */
export function NoteModal({
  c,
  target,
  extra,
  title,
  label,
  placeholder,
  okText,
  testid,
  field,
  maxLength,
  done,
  onClose,
}: {
  c: CaseView;
  target: CaseTarget;
  extra?: Record<string, unknown>;
  title: string;
  label: string;
  placeholder?: string;
  okText: string;
  testid: string;
  field: string;
  maxLength: number;
  done: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const { saving, problems, validateAndSubmit } = useFormCommand<Record<string, string>>(form, {
    send: (v) => postToCase(c, target, { ...extra, [field]: v[field].trim() } as never),
    changes: () => caseChanges(c),
    rename: onFields([field]),
    onDone: () => {
      message.success(done);
      onClose();
    },
  });
  return (
    <Modal open title={title} okText={okText} cancelText="取消" okButtonProps={{ ...tid(`${testid}-submit`), loading: saving }} onOk={() => void validateAndSubmit()} onCancel={onClose} destroyOnHidden>
      <Problems problems={problems} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name={field}
          label={label}
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            { max: maxLength, message: `不超过 ${maxLength} 字` },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={maxLength} placeholder={placeholder} data-testid={`${testid}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
