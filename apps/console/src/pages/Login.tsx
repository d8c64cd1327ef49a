import { Card, List, Tag, Typography } from 'antd';
import { ROLE_ZH, signIn, type Session } from '../api';
import { ErrorAlert, useLoad } from '../ui';

interface DemoUser {
  sub: string;
  name: string;
  role: Session['user']['role'];
  title: string;
}

/** Demo sign-in: pick one of the seeded people; the console server issues their token. */
export function Login({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { data, error, loading } = useLoad(async () => (await fetch('/api/demo/users')).json() as Promise<DemoUser[]>);
  const choose = async (sub: string) => {
    const s = (await (await fetch('/api/demo/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub }) })).json()) as Session;
    signIn(s);
    onSignedIn(s);
  };
  return (
    <div style={{ maxWidth: 760, margin: '40px auto' }}>
      <Card title="开发区项目全生命周期服务平台 · 演示登录">
        <Typography.Paragraph type="secondary">选择一位演示用户登录。每位用户只能看到本人职责范围内的数据。</Typography.Paragraph>
        <ErrorAlert error={error} />
        <List
          loading={loading}
          dataSource={data ?? []}
          locale={{ emptyText: '暂无演示用户' }}
          renderItem={(u) => (
            <List.Item key={u.sub} actions={[<a key="login" data-testid={`login-${u.sub}`} onClick={() => void choose(u.sub)}>登录</a>]}>
              <List.Item.Meta title={`${u.name}`} description={u.title} />
              <Tag>{ROLE_ZH[u.role]}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
