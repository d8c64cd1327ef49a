import { Alert, Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { LandAction, LandProjectView } from '../../views';
import { tid } from '../../shared/format';
import { GrantForm, OwnLandForm } from './GrantOwnLandForms';
import { LeaseForm } from './LeaseForm';
import type { OfficerPath } from './usePathForm';

const PATH_CHOICES: { value: OfficerPath; action: LandAction; label: string }[] = [
  { value: 'grant', action: 'land-grant', label: '招拍挂出让' },
  { value: 'own-land', action: 'own-land', label: '自有用地' },
  { value: 'lease', action: 'lease', label: '租赁厂房' },
];

/**
 * 落实用地 of a project not on 标准地: the path, then its document. A path may be chosen (and its
 * form is shown) exactly when the land view's `actions` list it ('land-grant', 'own-land', 'lease');
 * when none is listed, the card only says that the land is pending.
 */
export function SecureLandCard({ actions, project }: { actions: readonly LandAction[]; project: LandProjectView }) {
  const offered = PATH_CHOICES.filter((c) => actions.includes(c.action)).map((c) => c.value);
  const [chosen, setChosen] = useState<OfficerPath>();
  const path = chosen && offered.includes(chosen) ? chosen : offered[0];
  if (!path)
    return (
      <Card title="落实用地" {...tid('secure-land')}>
        <Alert type="info" showIcon title="项目未申请标准地，用地尚未落实，由开发区审批专员登记用地方式。" />
      </Card>
    );
  // Only a lease is offered: the project was signed without a land need (domain/land-paths.ts).
  const leaseOnly = offered.length === 1 && path === 'lease';
  return (
    <Card title="落实用地" {...tid('secure-land')}>
      <Typography.Paragraph type="secondary">
        项目未申请标准地，无需匹配地块。请选择落实用地的方式并登记相应文件{leaseOnly ? '（项目无新增用地需求，只能登记租赁厂房）' : ''}。
      </Typography.Paragraph>
      <Radio.Group value={path} onChange={(e) => setChosen(e.target.value as OfficerPath)} optionType="button" buttonStyle="solid" style={{ marginBottom: 16 }} {...tid('land-path-choice')}>
        {PATH_CHOICES.map((c) => (
          <Radio.Button key={c.value} value={c.value} disabled={!offered.includes(c.value)}>
            <span {...tid(`path-${c.value}`)}>{c.label}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {path === 'grant' && <GrantForm key="grant" project={project} />}
      {path === 'own-land' && <OwnLandForm key="own-land" project={project} />}
      {path === 'lease' && <LeaseForm key="lease" project={project} />}
    </Card>
  );
}
