import { Badge, Button, Card, Drawer, Flex, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { loadSession, ROLE_ZH, SIGNED_OUT, signOut, type Role, type Session } from './api';
import { PageHeading, usePhone } from './shared/page';
import { queryClient } from './shared/query';
import { LoginPage } from './features/auth/LoginPage';
import { InvitePage } from './features/auth/InvitePage';
import { CasePage } from './features/case/CasePage';
import { CreditPage } from './features/credit/CreditPage';
import { DelegationPage } from './features/agency/DelegationPage';
import { TeamLoadPage } from './features/agency/TeamLoadPage';
import { WorklistPage } from './features/agency/WorklistPage';
import { FiguresPage } from './features/figures/FiguresPage';
import { ImportBatchPage } from './features/imports/ImportBatchPage';
import { ImportsPage } from './features/imports/ImportsPage';
import { InboxPage } from './features/inbox/InboxPage';
import { InboxMenuLabel, useUnreadCount } from './features/inbox/UnreadBadge';
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
    { key: '/imports', label: '项目导入' },
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
    { key: '/imports', label: '项目导入' },
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
    { key: '/imports', label: '项目导入' },
    { key: '/team', label: '专班负荷' },
  ],
};

/** The 消息 entry with its unread badge; the others as they are. */
const menuItems = (menu: { key: string; label: string }[]): MenuProps['items'] => menu.map((m) => (m.key === '/inbox' ? { ...m, label: <InboxMenuLabel label={m.label} /> } : m));

/** On a phone the menu button carries a dot while a message is unread (the drawer's 消息 entry has the count). */
function UnreadDot({ children }: { children: ReactNode }) {
  const { data } = useUnreadCount();
  const unread = data?.unread ?? 0;
  return (
    <Badge dot={unread > 0} color={data?.urgent ? '#cf1322' : '#0958d9'} offset={[-8, 10]} title={`${unread} 条未读`} data-testid="menu-button-unread">
      {children}
    </Badge>
  );
}

/**
 * The header on a phone (below antd's `md`): a menu button that opens a drawer with the role's menu, the
 * person's name and role and 退出; the header itself keeps a short name and the person's name, cut short.
 */
function PhoneHeader({ session, menu, selected, onNavigate }: { session: Session; menu: { key: string; label: string }[]; selected: string; onNavigate: (key: string) => void }) {
  // The page the drawer was opened on: wherever the person goes (a link in the page, the back button), it closes.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : undefined);
  const button = (
    <Button type="text" aria-label="打开菜单" aria-expanded={open} data-testid="menu-button" onClick={() => setOpen(true)} style={{ color: '#fff', fontSize: 20, paddingInline: 8 }}>
      <span aria-hidden>☰</span>
    </Button>
  );
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '0 12px' }}>
      {menu.some((m) => m.key === '/inbox') ? <UnreadDot>{button}</UnreadDot> : button}
      <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap', flex: 1, minWidth: 0 }}>
        项目服务平台
      </Typography.Text>
      <Typography.Text data-testid="current-user" title={`${session.user.name}（${ROLE_ZH[session.user.role]}）`} style={{ color: '#fff', maxWidth: '40vw', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {session.user.name}
      </Typography.Text>
      <Drawer open={open} onClose={() => setOpen(false)} placement="left" size={280} title="菜单" styles={{ body: { padding: 0 } }}>
        <nav aria-label="主导航" data-testid="phone-menu">
          <Menu mode="inline" aria-label="主菜单" selectedKeys={[selected]} items={menuItems(menu)} onClick={(e) => (setOpen(false), onNavigate(e.key))} style={{ borderInlineEnd: 0 }} />
        </nav>
        <Flex vertical gap={12} style={{ padding: '16px 24px', borderTop: '1px solid #f0f0f0' }}>
          <Typography.Text>
            {session.user.name}（{ROLE_ZH[session.user.role]}）
          </Typography.Text>
          <Button block data-testid="sign-out" onClick={() => void signOut()}>
            退出
          </Button>
        </Flex>
      </Drawer>
    </Layout.Header>
  );
}

export function App() {
  // undefined: still asking the console's server who is signed in.
  const [current, setCurrent] = useState<Session | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const phone = usePhone();
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
  const selected = `/${location.pathname.split('/')[1]}`;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <PhoneHeader session={current} menu={menu} selected={selected} onNavigate={navigate} />
      ) : (
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
          <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            开发区项目全生命周期服务平台
          </Typography.Text>
          <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
            <Menu theme="dark" mode="horizontal" aria-label="主菜单" selectedKeys={[selected]} items={menuItems(menu)} onClick={(e) => navigate(e.key)} />
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
      )}
      <Layout.Content style={{ padding: phone ? 12 : 24 }}>
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
          <Route path="/imports" element={<ImportsPage />} />
          <Route path="/imports/:id" element={<ImportBatchPage />} />
          <Route
            path="*"
            element={
              <Card title={<PageHeading title="页面不存在" />}>
                <Typography.Text>{phone ? '请检查地址，或从菜单进入。' : '请检查地址，或从上方菜单进入。'}</Typography.Text>
              </Card>
            }
          />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
