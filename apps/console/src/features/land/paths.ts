import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ROLE_ZH, type Role } from '../../api';
import { chinaToday } from '../../shared/format';

export const PATH_COLOR: Record<string, string> = { 'standard-land': 'blue', grant: 'geekblue', 'own-land': 'cyan', lease: 'purple', none: 'default' };
export const roleName = (role: string) => ROLE_ZH[role as Role] ?? '系统';

export const today = () => dayjs(chinaToday());
export const afterToday = (d: Dayjs) => d.isAfter(today(), 'day');
export const notAfterToday = (what: string) => ({
  validator: (_r: unknown, v: Dayjs | undefined) => (!v || !afterToday(v) ? Promise.resolve() : Promise.reject(new Error(`${what}不能晚于今天`))),
});
/** This date field is not before (or, `strict`, after) another one of the form. */
export const notBefore = (form: FormInstance, other: string | string[], what: string, strict = false) => ({
  validator: (_r: unknown, v: Dayjs | undefined) => {
    const base = form.getFieldValue(other) as Dayjs | undefined;
    if (!v || !base) return Promise.resolve();
    const bad = strict ? !v.isAfter(base, 'day') : v.isBefore(base, 'day');
    return bad ? Promise.reject(new Error(`${strict ? '应晚于' : '不能早于'}${what}`)) : Promise.resolve();
  },
});
export const required = (message: string) => ({ required: true, message });
export const text = (message: string, max: number) => [{ required: true, whitespace: true, message }, { max, message: `不超过 ${max} 个字符` }];

/** Government causes of a delay (not counted as idle time). */
export const CAUSES = [
  { value: 'planning-change', label: '规划调整' },
  { value: 'land-not-delivered', label: '未按约定交付土地' },
  { value: 'military-or-heritage', label: '军事管制、文物保护' },
  { value: 'other-government', label: '其他政府原因' },
];
export const causeName = (c: string) => CAUSES.find((x) => x.value === c)?.label ?? '其他政府原因';
