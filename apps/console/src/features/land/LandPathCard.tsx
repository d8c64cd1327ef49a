import { Button, Card, Descriptions, Divider, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ContractView, LandPathView, LandProjectView } from '../../views';
import { tid, yuan } from '../../shared/format';
import { LAND_PATH_ZH } from '../../shared/names';
import { LeaseForm } from './LeaseForm';
import { PATH_COLOR, roleName } from './paths';

/** The secured path and its document: 标准地 or grant contract, 不动产权证, lease, or no new land (a lease may replace it when the land view lists 'lease': `mayLease`). */
export function LandPathCard({
  mayLease,
  project,
  path: p,
  contract,
  plot,
}: {
  mayLease: boolean;
  project: LandProjectView;
  path: LandPathView;
  contract: ContractView | null;
  plot: { code: string; location: string; areaMu: number } | null;
}) {
  const [leasing, setLeasing] = useState(false);
  const item = (key: string, label: string, children: ReactNode) => ({ key, label, children });
  const area = (mu: number | null | undefined) => (typeof mu === 'number' ? `${mu} 亩` : '—');
  const doc: { key: string; label: string; children: ReactNode }[] = [];
  switch (p.path) {
    case 'standard-land':
      doc.push(item('ref', '出让合同编号', p.reference), item('plot', '地块', plot ? `${plot.code}（${plot.location}）` : (p.location ?? '—')), item('area', '面积', area(plot?.areaMu ?? p.areaMu)));
      break;
    case 'grant':
      doc.push(
        item('ref', '出让合同编号', p.reference),
        item('price', '出让价款', contract ? yuan(contract.landPriceFen) : '—'),
        item('area', '出让面积', area(p.areaMu)),
        item('loc', '土地坐落', p.location ?? '—'),
        ...(contract
          ? [
              item('start', '约定开工', contract.agreedStart),
              item('completion', '约定竣工', contract.agreedCompletion),
              item('production', '约定投产', contract.agreedProduction ?? '—'),
            ]
          : []),
      );
      break;
    case 'own-land':
      doc.push(item('ref', '不动产权证号', p.reference), item('area', '用地面积', area(p.areaMu)), item('loc', '土地坐落', p.location ?? '—'));
      break;
    case 'lease':
      doc.push(
        item('ref', '租赁合同编号', p.reference),
        item('landlord', '出租方', p.lease?.landlord ?? '—'),
        item('premises', '租赁场所', p.lease?.premises ?? p.location ?? '—'),
        item('floor', '租赁建筑面积', p.lease ? `${p.lease.floorAreaM2.toLocaleString('zh-CN')} m²` : '—'),
        item('period', '租赁期限', p.lease ? `${p.lease.leaseFrom} 至 ${p.lease.leaseTo}` : '—'),
        item('kind', '厂房类型', p.lease ? (p.lease.standardFactory ? '标准厂房' : '其他厂房') : '—'),
      );
      break;
    default:
      doc.push(item('ref', '说明', `${p.reference}（项目签约时用地需求为 0 亩）`));
  }
  return (
    <Card
      title="项目用地方式"
      {...tid('land-path')}
      extra={
        mayLease &&
        !leasing && (
          <Button onClick={() => setLeasing(true)} {...tid('lease-instead')}>
            改为租赁厂房
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          item(
            'path',
            '用地方式',
            <Tag color={PATH_COLOR[p.path] ?? 'default'} {...tid('land-path-kind')}>
              {LAND_PATH_ZH[p.path] ?? '其他'}
            </Tag>,
          ),
          item('on', '落实日期', p.securedOn),
          item('by', '登记', p.recordedBy ? `${roleName(p.recordedBy.role)}登记` : '签约时自动登记'),
          ...doc,
        ]}
      />
      {leasing && mayLease && (
        <>
          <Divider titlePlacement="start" plain>
            登记租赁厂房
          </Divider>
          <LeaseForm project={project} />
          <Button type="link" onClick={() => setLeasing(false)}>
            取消
          </Button>
        </>
      )}
    </Card>
  );
}
