import type { Principal } from '@devzone/auth';
import { creditCodeFrom } from '@devzone/shared-kernel';

/**
 * The demo's people: two zones, each with an approval officer (综合窗口: notice,
 * pre-check, publicity, acceptance), the department officers who decide their
 * bureaus' items, a 代办专班 lead, agents and a zone manager; a provincial manager; an administrator; and
 * eight enterprises (four per zone). They are users of the local identity
 * provider (deploy/keycloak/demo-users.json is made from this list), each signs
 * in with its id and DEMO_PASSWORD, and its id is also its subject (the `sub` of
 * its tokens). `npm run token -- <id>` prints a token for any of them.
 * E-mail addresses are where the demo mail catcher receives.
 */
export interface DemoUser extends Principal {
  /** What the person is, in Chinese (for the token list). */
  title: string;
  /** The sign-in name (the demo people: their id). */
  username: string;
  /** Default DEMO_PASSWORD. */
  password?: string;
  /** An enterprise contact's or an agent's mobile (data, not an identity). */
  mobile?: string;
}

/** Every demo person's password in the local identity provider (never a real deployment's). */
export const DEMO_PASSWORD = 'demo2026';

export interface DemoZone {
  code: string;
  name: string;
  /** Administrative division code (credit codes of its enterprises). */
  division: string;
  prefix: string;
  /** 0 = no 公示 period: decisions straight after the pre-check. */
  publicityDays: number;
}

export const DEMO_ZONES: DemoZone[] = [
  { code: 'SX-ZGQ', name: '山西转型综合改革示范区', division: '140100', prefix: 'sx', publicityDays: 0 },
  { code: 'CZ-GXQ', name: '长治高新技术产业开发区', division: '140400', prefix: 'cz', publicityDays: 0 },
];

/**
 * The bureaus that decide the demo's items, each with one officer per zone
 * (`<zone prefix>-<code>`): 发改 (备案), 自然资源 (用地、工程规划), 住建 (消防、施工许可,
 * and most committable items), 生态环境 (环评), 市场监管 (特种设备).
 */
export const DEMO_DEPARTMENTS = [
  { code: 'fgj', department: '发展和改革局' },
  { code: 'zrj', department: '自然资源和规划局' },
  { code: 'zjj', department: '住房和城乡建设局' },
  { code: 'hbj', department: '生态环境局' },
  { code: 'scj', department: '市场监督管理局' },
] as const;

interface Person {
  id: string;
  name: string;
  mobile?: string;
}

const staff = (z: DemoZone, people: { officer: string; departments: string[]; lead: Person; agents: Person[]; manager: string }): DemoUser[] => [
  { sub: `${z.prefix}-officer`, username: `${z.prefix}-officer`, name: people.officer, role: 'zone-officer', zones: [z.code], title: `${z.name} 审批专员（综合窗口）`, email: `${z.prefix}-officer@zone.example.cn` },
  ...DEMO_DEPARTMENTS.map(
    (d, i): DemoUser => ({
      sub: `${z.prefix}-${d.code}`,
      username: `${z.prefix}-${d.code}`,
      name: people.departments[i],
      role: 'department-officer',
      zones: [z.code],
      department: d.department,
      title: `${z.name} ${d.department}审批人员`,
      email: `${z.prefix}-${d.code}@zone.example.cn`,
    }),
  ),
  { sub: people.lead.id, username: people.lead.id, name: people.lead.name, role: 'agency-supervisor', zones: [z.code], title: `${z.name} 代办专班负责人`, ...(people.lead.mobile ? { mobile: people.lead.mobile } : {}) },
  ...people.agents.map((a): DemoUser => ({ sub: a.id, username: a.id, name: a.name, role: 'agency-agent', zones: [z.code], title: `${z.name} 代办员`, ...(a.mobile ? { mobile: a.mobile } : {}) })),
  { sub: `${z.prefix}-manager`, username: `${z.prefix}-manager`, name: people.manager, role: 'zone-manager', zones: [z.code], title: `${z.name} 管委会主任（只读）` },
];

const [SX, CZ] = DEMO_ZONES;

export interface DemoEnterprise extends DemoUser {
  zoneCode: string;
  enterpriseName: string;
  industryCode: string;
}

const enterprise = (n: number, z: DemoZone, enterpriseName: string, contact: string, industryCode: string): DemoEnterprise => ({
  sub: `ent-${z.prefix}-${n}`,
  username: `ent-${z.prefix}-${n}`,
  name: contact,
  role: 'enterprise',
  zones: [],
  creditCode: creditCodeFrom(`91${z.division}MA0DEM${z.prefix === 'sx' ? '1' : '2'}0${n}`),
  mobile: `138${z.prefix === 'sx' ? '1' : '2'}000000${n}`,
  email: `ent-${z.prefix}-${n}@enterprise.example.cn`,
  title: `${enterpriseName} 项目联系人`,
  zoneCode: z.code,
  enterpriseName,
  industryCode,
});

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  enterprise(1, SX, '山西晋阳新材料有限公司', '张伟', 'C3021'),
  enterprise(2, SX, '山西汾河智能装备有限公司', '李娜', 'C3499'),
  enterprise(3, SX, '太原龙城电子科技有限公司', '王强', 'C3981'),
  enterprise(4, SX, '山西清源生物医药有限公司', '刘洋', 'C2720'),
  enterprise(1, CZ, '长治上党轴承有限公司', '陈静', 'C3451'),
  enterprise(2, CZ, '长治漳泽光电有限公司', '杨帆', 'C3976'),
  enterprise(3, CZ, '长治太行新能源有限公司', '赵磊', 'C3841'),
  enterprise(4, CZ, '潞安精细化工有限公司', '周敏', 'C2614'),
];

export const DEMO_USERS: DemoUser[] = [
  { sub: 'admin', username: 'admin', name: '系统管理员', role: 'admin', zones: [], title: '系统管理员（全部权限）', email: 'admin@zone.example.cn' },
  { sub: 'province-manager', username: 'province-manager', name: '赵敏', role: 'province-manager', zones: [], title: '省级主管部门（全省只读）' },
  // 示范区's 代办专班 is configuration data of the agency service (its first migration).
  ...staff(SX, {
    officer: '王芳',
    departments: ['孙立', '周岚', '吴刚', '郑洁', '冯越'],
    lead: { id: 'agent-liuyang', name: '刘阳', mobile: '13511110001' },
    agents: [
      { id: 'agent-zhangmin', name: '张敏', mobile: '13511110002' },
      { id: 'agent-wanglei', name: '王磊', mobile: '13511110003' },
      { id: 'agent-zhaojing', name: '赵静', mobile: '13511110004' },
    ],
    manager: '高建国',
  }),
  ...staff(CZ, {
    officer: '李明',
    departments: ['钱程', '许静', '何伟', '吕萍', '施展'],
    lead: { id: 'agent-hanxue', name: '韩雪', mobile: '13522220001' },
    agents: [
      { id: 'agent-fengtao', name: '冯涛', mobile: '13522220002' },
      { id: 'agent-caoying', name: '曹颖', mobile: '13522220003' },
    ],
    manager: '邓华',
  }),
  ...DEMO_ENTERPRISES,
];

export function demoUser(id: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.sub === id);
  if (!user) throw new Error(`no demo user ${id}; one of: ${DEMO_USERS.map((u) => u.sub).join(', ')}`);
  return user;
}

/** The principal a token carries (no demo-only fields). */
export function principalOf(user: DemoUser): Principal {
  const { sub, name, role, zones, creditCode, department, email } = user;
  return { sub, name, role, zones, ...(creditCode ? { creditCode } : {}), ...(department ? { department } : {}), ...(email ? { email } : {}) };
}

/**
 * A person as the identity provider's realm holds it (Keycloak's user
 * representation): the attributes its token mappers turn into claims.
 */
export function realmUserOf(user: DemoUser): Record<string, unknown> {
  const attributes: Record<string, string[]> = {};
  if (user.zones.length) attributes['zones'] = user.zones;
  if (user.creditCode) attributes['credit_code'] = [user.creditCode];
  if (user.department) attributes['department'] = [user.department];
  if (user.mobile) attributes['mobile'] = [user.mobile];
  return {
    id: user.sub,
    username: user.username,
    enabled: true,
    firstName: user.name,
    ...(user.email ? { email: user.email, emailVerified: true } : {}),
    attributes,
    realmRoles: [user.role],
    credentials: [{ type: 'password', value: user.password ?? DEMO_PASSWORD, temporary: false }],
  };
}

/** deploy/keycloak/demo-users.json: the demo people for the realm (Keycloak's `<realm>-users-0.json` import shape). */
export const demoRealmUsers = () => ({ realm: '${DEVZONE_REALM}', users: DEMO_USERS.map(realmUserOf) });

/** A zone's people: its officer, its department officers, its 代办专班 lead and agents, its manager. */
export const zoneUsers = (zoneCode: string) => {
  const z = DEMO_ZONES.find((x) => x.code === zoneCode);
  if (!z) throw new Error(`no demo zone ${zoneCode}`);
  const of = (role: DemoUser['role']) => DEMO_USERS.filter((u) => u.role === role && u.zones.includes(zoneCode));
  const departments = of('department-officer');
  /** The officer who decides a department's items in this zone. */
  const departmentOfficer = (department: string): DemoUser => {
    const found = departments.find((u) => u.department === department);
    if (!found) throw new Error(`no demo officer for ${department} in ${zoneCode}`);
    return found;
  };
  return { zone: z, officer: of('zone-officer')[0], departmentOfficer, lead: of('agency-supervisor')[0], agents: of('agency-agent'), manager: of('zone-manager')[0] };
};
