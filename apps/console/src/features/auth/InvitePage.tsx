import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../client';
import type { AcceptedInvitationView } from '../../views';
import { useFormCommand } from '../../shared/commands';
import { errorText, Problems } from '../../shared/errors';
import { APP_NAME, PageHeading } from '../../shared/page';

/** The one-time token of the invitation link (…/invite#token=…): in the fragment, so it is never sent to a server in a URL or logged. */
const tokenOfLink = () => new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';

/**
 * 设置密码: the page an invitation e-mail links to. The person sets the
 * password of the account the platform opened for them (once), then signs in
 * at the identity provider with it. No sign-in is needed to get here.
 */
export function InvitePage() {
  const [token] = useState(tokenOfLink);
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [done, setDone] = useState<string>();
  // Checking the token is a read (POST: the token stays out of URLs); its key leaves the token out.
  const invitation = useQuery({
    queryKey: ['project-intake', '/invitations/check'],
    queryFn: ({ signal }) => post('project-intake', '/invitations/check', { body: { token }, signal }),
  });
  const { saving, problem, submit } = useFormCommand<{ password: string }, AcceptedInvitationView>(form, {
    send: ({ password }) => post('project-intake', '/invitations/accept', { body: { token, password } }),
    onDone: (accepted) => setDone(accepted.username),
  });

  const signIn = (username: string) => `/auth/login?${new URLSearchParams({ login_hint: username, return_to: '/' })}`;
  return (
    <main style={{ maxWidth: 520, margin: '40px auto' }}>
      <Card title={<PageHeading title="设置密码">{APP_NAME} · 设置密码</PageHeading>}>
        {done ? (
          <Result
            status="success"
            title="密码已设置"
            subTitle={`请使用登录名 ${done} 和刚设置的密码登录。`}
            extra={
              <Button type="primary" href={signIn(done)} data-testid="invite-sign-in">
                去登录
              </Button>
            }
          />
        ) : invitation.isLoading ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : invitation.error ? (
          <Result status="warning" title="无法使用此邀请" subTitle={errorText(invitation.error)} extra={<Button href="/">返回登录页</Button>} />
        ) : (
          <>
            <Typography.Paragraph>
              {invitation.data?.name}您好，平台已为您开通账号，登录名 <Typography.Text strong data-testid="invite-username">{invitation.data?.username}</Typography.Text>。请设置密码（8–64 位，不能与登录名相同）。此链接只能使用一次。
            </Typography.Paragraph>
            <Problems problems={problem ? [problem] : []} />
            <Form form={form} layout="vertical" onFinish={submit}>
              <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 8, max: 64, message: '密码应为 8–64 位' }]}>
                <Input.Password autoComplete="new-password" data-testid="invite-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label="再次输入新密码"
                dependencies={['password']}
                rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
              >
                <Input.Password autoComplete="new-password" data-testid="invite-confirm" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="invite-submit">
                设置密码
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
