import { Alert, Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { LandProjectView } from '../../views';
import { tid } from '../../shared/format';
import { GrantForm, OwnLandForm } from './GrantOwnLandForms';
import { LeaseForm } from './LeaseForm';
import type { OfficerPath } from './usePathForm';

const PATH_CHOICES: { value: OfficerPath; label: string }[] = [
  { value: 'grant', label: '招拍挂出让' },
  { value: 'own-land', label: '自有用地' },
  { value: 'lease', label: '租赁厂房' },
];

/** 落实用地 of a project not on 标准地: the path, then its document. Officers (`mayAct`) record it; others see that it is pending. */
export function SecureLandCard({ mayAct, project }: { mayAct: boolean; project: LandProjectView }) {
  const noNewLand = !(project.landAreaMu > 0);
  const [path, setPath] = useState<OfficerPath>(noNewLand ? 'lease' : 'grant');
  if (!mayAct)
    return (
      <Card title="落实用地" {...tid('secure-land')}>
        <Alert type="info" showIcon title="项目未申请标准地，用地尚未落实，由开发区审批专员登记用地方式。" />
      </Card>
    );
  return (
    <Card title="落实用地" {...tid('secure-land')}>
      <Typography.Paragraph type="secondary">
        项目未申请标准地，无需匹配地块。请选择落实用地的方式并登记相应文件{noNewLand ? '（项目无新增用地需求，只能登记租赁厂房）' : ''}。
      </Typography.Paragraph>
      <Radio.Group value={path} onChange={(e) => setPath(e.target.value as OfficerPath)} optionType="button" buttonStyle="solid" style={{ marginBottom: 16 }} {...tid('land-path-choice')}>
        {PATH_CHOICES.map((c) => (
          <Radio.Button key={c.value} value={c.value} disabled={noNewLand && c.value !== 'lease'}>
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
