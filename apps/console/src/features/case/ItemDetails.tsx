import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { CaseItemView, CaseRecordEntryView } from '../../views';
import { dash } from '../../shared/format';

/** Documents, 容缺, the decision notes and the 审查意见 recorded on one item. */
export function ItemDetails({ item, record }: { item: CaseItemView; record: CaseRecordEntryView[] }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <List
        size="small"
        header={<Typography.Text strong>申请材料</Typography.Text>}
        dataSource={item.documents}
        locale={{ emptyText: '无须提交材料' }}
        pagination={item.documents.length > 5 ? { pageSize: 5, size: 'small' } : false}
        renderItem={(d) => (
          <List.Item>
            <Space>
              <Typography.Text type="secondary">{d.code}</Typography.Text>
              {d.name}
              {d.tolerable && <Tag color="blue">可容缺</Tag>}
              {item.missingDocuments?.some((m) => m.code === d.code) && <Tag color={item.suppliedOn ? 'green' : 'orange'}>{item.suppliedOn ? `已于 ${item.suppliedOn} 补交` : `容缺，限 ${item.supplyBy ?? '—'} 前补交`}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'prerequisites', label: '前置事项', children: item.prerequisites.length ? item.prerequisites.join('、') : '无' },
          { key: 'applied', label: '申请日期', children: dash(item.appliedOn) },
          { key: 'accepted', label: '受理日期', children: item.acceptedOn ? `${item.acceptedOn}${item.deemedAccepted ? '（逾期未处理，依法视为受理）' : ''}` : '—' },
          { key: 'legal', label: '法定办结日', children: item.legalDueOn ? `${item.legalDueOn}（${item.legalLimitDays} 个工作日）` : `受理后 ${item.legalLimitDays} 个工作日` },
          { key: 'paused', label: '暂停计时', children: item.pauses.length ? `${item.pauses.length} 次，共 ${item.pausedWorkingDays} 个工作日` : '无' },
          { key: 'decided', label: '决定日期', children: dash(item.decidedOn) },
        ]}
      />
      {item.note && (
        <Alert type={item.status === 'REJECTED' ? 'error' : 'warning'} showIcon title={item.status === 'REJECTED' ? `不予许可理由：${item.note}` : `补正要求：${item.note}`} />
      )}
      {item.revokedOn && <Alert type="error" showIcon title={`${item.revokedOn} 因虚假承诺撤销：${item.revocationReason ?? ''}`} />}
      {record.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>审查意见</Typography.Text>}
          dataSource={record}
          data-testid={`item-opinions-${item.itemCode}`}
          renderItem={(e) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  <Tag>{e.actName}</Tag>
                  {e.opinion}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName}（{e.actorRoleName}） · {e.on}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
