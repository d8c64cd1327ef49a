import { Button, Card, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { loadSession, ROLE_ZH, SIGNED_OUT, signOut, type Role, type Session } from './api';
import { PageHeading } from './shared/page';
import { queryClient } from './shared/query';
import { LoginPage } from './features/auth/LoginPage';
import { InvitePage } from './features/auth/InvitePage';
import { CasePage } from './features/case/CasePage';
import { CreditPage } from './features/credit/CreditPage';
import { DelegationPage } from './features/agency/DelegationPage';
import { TeamLoadPage } from './features/agency/TeamLoadPage';
import { WorklistPage } from './features/agency/WorklistPage';
import { FiguresPage } from './features/figures/FiguresPage';
import { InboxPage } from './features/inbox/InboxPage';
import { InboxMenuLabel } from './features/inbox/UnreadBadge';
import { LandProjectPage } from './features/land/LandProjectPage';
import { PlotsPage } from './features/land/PlotsPage';
import { ProjectPage } from './features/project/ProjectPage';
import { ProjectsPage } from './features/project/ProjectsPage';
import { QueuePage } from './features/queue/QueuePage';
import { ZoneRulesPage } from './features/rules/ZoneRulesPage';

/** What each role finds in the menu; the first entry is its home page. */
const MENUS: Record<Role, { key: string; label: string }[]> = {
  enterprise: [
    { key: '/projects', label: '我的项目' },
    { key: '/inbox', label: '我的消息' },
  ],
  'zone-officer': [
    { key: '/queue', label: '审批队列' },
    { key: '/projects', label: '项目库' },
    { key: '/plots', label: '标准地地块' },
    { key: '/credit', label: '信用记录' },
    { key: '/inbox', label: '我的消息' },
  ],
  'department-officer': [
    { key: '/queue', label: '本部门审批队列' },
    { key: '/projects', label: '项目库' },
    { key: '/inbox', label: '我的消息' },
  ],
  'agency-agent': [
    { key: '/worklist', label: '我的工作清单' },
    { key: '/projects', label: '项目库' },
    { key: '/inbox', label: '我的消息' },
  ],
  'agency-supervisor': [
    { key: '/team', label: '专班负荷' },
    { key: '/worklist', label: '我的工作清单' },
    { key: '/projects', label: '项目库' },
    { key: '/inbox', label: '我的消息' },
  ],
  'zone-manager': [
    { key: '/figures', label: '三个一批' },
    { key: '/projects', label: '项目库' },
    { key: '/rules', label: '审批规则' },
  ],
  'province-manager': [
    { key: '/figures', label: '三个一批' },
    { key: '/projects', label: '项目库' },
  ],
  admin: [
    { key: '/figures', label: '三个一批' },
    { key: '/projects', label: '项目库' },
    { key: '/queue', label: '审批队列' },
    { key: '/plots', label: '标准地地块' },
    { key: '/credit', label: '信用记录' },
    { key: '/rules', label: '审批规则' },
    { key: '/team', label: '专班负荷' },
  ],
};

export function App() {
  // undefined: still asking the console's server who is signed in.
  const [current, setCurrent] = useState<Session | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    loadSession().then(setCurrent, () => setCurrent(null));
    // The person's data does not outlive the session.
    const expired = () => (queryClient.clear(), setCurrent(null));
    window.addEventListener(SIGNED_OUT, expired);
    return () => window.removeEventListener(SIGNED_OUT, expired);
  }, []);
  // Setting a password from an invitation needs no sign-in.
  if (location.pathname === '/invite') return <InvitePage />;
  if (current === undefined) return <Spin style={{ display: 'block', margin: '120px auto' }} />;
  if (!current) return <LoginPage returnTo={location.pathname + location.search} />;
  const menu = MENUS[current.user.role];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          开发区项目全生命周期服务平台
        </Typography.Text>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" aria-label="主菜单" selectedKeys={[`/${location.pathname.split('/')[1]}`]} items={menu.map((m) => (m.key === '/inbox' ? { ...m, label: <InboxMenuLabel label={m.label} /> } : m))} onClick={(e) => navigate(e.key)} />
        </nav>
        <Space>
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
            {current.user.name}（{ROLE_ZH[current.user.role]}）
          </Typography.Text>
          <Button size="small" data-testid="sign-out" onClick={() => void signOut()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Routes>
          <Route path="/" element={<Navigate to={menu[0].key} replace />} />
          <Route path="/projects" element={<ProjectsPage session={current} />} />
          <Route path="/projects/:id" element={<ProjectPage session={current} />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/queue" element={<QueuePage session={current} />} />
          <Route path="/cases/:id" element={<CasePage session={current} />} />
          <Route path="/credit" element={<CreditPage session={current} />} />
          <Route path="/rules" element={<ZoneRulesPage session={current} />} />
          <Route path="/plots" element={<PlotsPage session={current} />} />
          <Route path="/land/:projectId" element={<LandProjectPage session={current} />} />
          <Route path="/worklist" element={<WorklistPage session={current} />} />
          <Route path="/delegations/:projectId" element={<DelegationPage session={current} />} />
          <Route path="/team" element={<TeamLoadPage session={current} />} />
          <Route path="/figures" element={<FiguresPage session={current} />} />
          <Route
            path="*"
            element={
              <Card title={<PageHeading title="页面不存在" />}>
                <Typography.Text>请检查地址，或从上方菜单进入。</Typography.Text>
              </Card>
            }
          />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
