import { Tag } from 'antd';
import { stageName } from './names';

const STAGE_COLOR: Record<string, string> = { APPROVING: 'processing', READY_TO_START: 'cyan', UNDER_CONSTRUCTION: 'blue', COMPLETED: 'geekblue', IN_PRODUCTION: 'green', FULL_PRODUCTION: 'success', SUSPENDED: 'warning', TERMINATED: 'default' };

export const StageTag = ({ stage }: { stage: string }) => <Tag color={STAGE_COLOR[stage] ?? 'default'}>{stageName(stage)}</Tag>;

const CASE_STATUS_COLOR: Record<string, string> = {
  OPENED: 'default',
  NOTIFIED: 'blue',
  COMMITTED: 'processing',
  IN_PUBLICITY: 'purple',
  DECIDING: 'gold',
  GRANTED: 'green',
  ACCEPTANCE_REQUESTED: 'cyan',
  RECTIFYING: 'red',
  ACCEPTED: 'success',
  REVOKED: 'default',
};
const ITEM_STATUS_COLOR: Record<string, string> = {
  PENDING: 'default',
  APPLIED: 'geekblue',
  ACCEPTED: 'processing',
  PAUSED: 'orange',
  COMMITTED: 'cyan',
  CORRECTIONS_REQUESTED: 'warning',
  REVOKED: 'magenta',
  GRANTED: 'success',
  GRANTED_PENDING_DOCUMENTS: 'lime',
  REJECTED: 'error',
};
/** A 承诺制 case's status as the service names it, coloured by what it means. */
export const CaseStatusTag = ({ status, name, testId }: { status: string; name: string; testId?: string }) => (
  <Tag color={CASE_STATUS_COLOR[status] ?? 'default'} data-testid={testId}>
    {name}
  </Tag>
);
/** An approval item's status, likewise. */
export const ItemStatusTag = ({ status, name }: { status: string; name: string }) => <Tag color={ITEM_STATUS_COLOR[status] ?? 'default'}>{name}</Tag>;

/** Red / amber / green of a deadline. */
export const RagTag = ({ rag, label }: { rag?: string; label?: string }) => {
  const colors: Record<string, [string, string]> = { red: ['red', '已超期'], amber: ['orange', '临近'], green: ['green', '正常'] };
  const [color, text] = colors[rag ?? ''] ?? ['default', '—'];
  return <Tag color={color}>{label ?? text}</Tag>;
};
