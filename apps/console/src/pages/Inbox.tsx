import { Typography } from 'antd';
import type { Session } from '../api';

export function Inbox(_props: { session: Session }) {
  return <Typography.Title level={4}>建设中</Typography.Title>;
}
