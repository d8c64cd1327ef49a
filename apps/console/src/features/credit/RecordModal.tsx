import { App, Descriptions, Form, Input, Modal } from 'antd';
import { post } from '../../client';
import type { CreditRecordView } from '../../views';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid } from '../../shared/format';
import { zhText } from '../../zh';
import { SEVERITY } from './credit';

/** 登记整改 (how the enterprise rectified) or 信用修复 (the record no longer counts); the blacklist is re-evaluated by the service. */
export function RecordModal({ record, kind, onClose }: { record: CreditRecordView; kind: 'rectify' | 'repair'; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const { saving, problems, validateAndSubmit } = useFormCommand<{ note: string }>(form, {
    send: (v) => post('commitment-approval', `/credit-records/{id}/${kind}` as const, { params: { path: { id: record.id } }, body: { note: v.note.trim() } }),
    changes: () => [
      ['commitment-approval', '/enterprises'],
      ['commitment-approval', '/credit-records'],
    ],
    rename: onFields(['note']),
    onDone: () => {
      message.success(kind === 'rectify' ? '整改情况已登记' : '信用修复完成');
      onClose();
    },
  });
  return (
    <Modal open title={kind === 'rectify' ? '登记整改' : '信用修复'} okText={kind === 'rectify' ? '确认登记' : '确认修复'} cancelText="取消" okButtonProps={{ ...tid(`${kind}-submit`), loading: saving }} onOk={() => void validateAndSubmit()} onCancel={onClose} destroyOnHidden>
      <Problems problems={problems} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'sev', label: '等级', children: SEVERITY[record.severity]?.[0] ?? record.severity },
          { key: 'reason', label: '失信事由', children: zhText(record.reason) },
          { key: 'on', label: '记录日期', children: record.recordedOn },
          { key: 'by', label: '整改期限', children: record.rectifyBy ?? '—' },
          ...(kind === 'repair' ? [{ key: 'rectified', label: '整改情况', children: `${record.rectifiedOn ?? '—'} ${record.rectificationNote ?? ''}` }] : []),
        ]}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={kind === 'rectify' ? '整改情况说明' : '修复意见'}
          rules={[
            { required: true, whitespace: true, message: kind === 'rectify' ? '须说明整改情况' : '须填写修复意见' },
            { max: 1000, message: '不超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} placeholder={kind === 'rectify' ? '如：已补交材料并通过复核' : '如：已整改且最短公示期已满，同意修复'} data-testid={`${kind}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
