import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../client';
import type { RoundView } from '../../views';
import { onFields, useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid, day } from '../../shared/format';

interface RoundValues {
  zoneCode: string;
  name: string;
  window: [Dayjs, Dayjs];
}

/** 新建批次: name and window; the service refuses a duplicate name or an overlapping window with the reason. */
export function NewRoundModal({ zones, zone, onClose }: { zones: { value: string; label: string }[]; zone?: string; onClose: (created?: RoundView) => void }) {
  const [form] = Form.useForm<RoundValues>();
  const { saving, problems, validateAndSubmit } = useFormCommand<RoundValues, RoundView>(form, {
    send: (v) => post('project-intake', '/rounds', { body: { zoneCode: v.zoneCode, name: v.name.trim(), startsOn: day(v.window[0]), endsOn: day(v.window[1]) } }),
    changes: () => [['project-intake', '/rounds']],
    rename: onFields(['zoneCode', 'name', 'window']),
    onDone: (created) => onClose(created),
  });
  return (
    <Modal open title="新建三个一批批次" okText="创建" cancelText="取消" okButtonProps={{ ...tid('round-submit'), loading: saving }} onOk={() => void validateAndSubmit()} onCancel={() => onClose()} destroyOnHidden>
      <Problems problems={problems} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ zoneCode: zone ?? (zones.length === 1 ? zones[0].value : undefined) }}>
        <Form.Item name="zoneCode" label="开发区" rules={[{ required: true, message: '请选择开发区' }]}>
          <Select options={zones} placeholder="选择开发区" data-testid="round-zone" />
        </Form.Item>
        <Form.Item
          name="name"
          label="批次名称"
          rules={[
            { required: true, whitespace: true, message: '请填写批次名称' },
            { max: 40, message: '不超过 40 个字符' },
          ]}
        >
          <Input placeholder="如 2026年第四批" maxLength={40} data-testid="round-name" />
        </Form.Item>
        <Form.Item name="window" label="时间段（含首尾两日）" rules={[{ required: true, message: '请选择起止日期' }]} extra="同一开发区的批次不能重叠；签约、开工、投产日期落在此时间段内的项目分别计入签约一批、开工一批、投产一批">
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="round-window" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
