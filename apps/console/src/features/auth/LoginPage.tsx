import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { ROLE_ZH, type Role } from '../../api';
import { APP_NAME, PageHeading, usePhone } from '../../shared/page';

/** The console server's demo people (GET /auth/demo-users, only in the demo): not a service's answer. */
interface DemoPeople {
  password: string;
  users: { username: string; name: string; role: Role; title: string }[];
}

const SIGN_IN_PROBLEMS: Record<string, string> = {
  expired: '登录未完成或已超时，请重新登录。',
  access_denied: '已取消登录。',
};

const signInUrl = (returnTo: string, username?: string) => `/auth/login?${new URLSearchParams({ return_to: returnTo, ...(username ? { login_hint: username } : {}) })}`;

/**
 * The sign-in page: people sign in at the identity provider (统一身份认证) with
 * their own password. In the demo (DEVZONE_DEMO=true) the demo people are
 * listed with their sign-in names and the demo password.
 */
export function LoginPage({ returnTo }: { returnTo: string }) {
  const demo = useQuery({
    queryKey: ['console', '/auth/demo-users'],
    queryFn: async () => {
      const response = await fetch('/auth/demo-users');
      return response.ok ? ((await response.json()) as DemoPeople) : null;
    },
  });
  const problem = new URLSearchParams(window.location.search).get('signin');
  // On a phone: a narrow margin, and each person's 以此身份登录 under their name rather than beside it.
  const phone = usePhone();
  return (
    <main style={{ maxWidth: 760, margin: phone ? 12 : '40px auto' }}>
      <Card title={<PageHeading title="登录">{APP_NAME}</PageHeading>}>
        {problem && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={SIGN_IN_PROBLEMS[problem] ?? '登录未成功，请重试。'} />}
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph>请使用统一身份认证账号登录。企业用户的登录名为联系人手机号，首次使用请按邀请邮件设置密码。</Typography.Paragraph>
          <Button type="primary" size="large" href={signInUrl(returnTo)} data-testid="sign-in">
            登录
          </Button>
        </Space>
      </Card>
      {demo.data && (
        <Card title={<h2 style={{ margin: 0, font: 'inherit' }}>演示用户</h2>} style={{ marginTop: 24 }}>
          <Typography.Paragraph type="secondary">
            演示环境：以下人员的密码均为 <Typography.Text code data-testid="demo-password">{demo.data.password}</Typography.Text>。选择一位，在登录页输入密码。每位用户只能看到本人职责范围内的数据。
          </Typography.Paragraph>
          <List
            itemLayout={phone ? 'vertical' : 'horizontal'}
            dataSource={demo.data.users}
            renderItem={(u) => (
              <List.Item
                key={u.username}
                actions={[
                  // A button (reachable by Tab, pressed with Enter or Space) that goes to the identity provider with the person's name filled in.
                  <Button key="login" type="link" data-testid={`login-${u.username}`} aria-label={`以此身份登录：${u.name}（${u.username}）`} onClick={() => window.location.assign(signInUrl(returnTo, u.username))}>
                    以此身份登录
                  </Button>,
                ]}
              >
                <List.Item.Meta title={`${u.name}（登录名 ${u.username}）`} description={u.title} style={phone ? { marginBottom: 4 } : undefined} />
                <Tag>{ROLE_ZH[u.role]}</Tag>
              </List.Item>
            )}
          />
        </Card>
      )}
    </main>
  );
}
