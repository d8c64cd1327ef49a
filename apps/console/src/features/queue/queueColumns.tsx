import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { QueueEntryView } from '../../views';
import type { ExcelColumn } from '../../shared/excel';
import { ItemStatusTag, RagTag } from '../../shared/tags';

/** 剩余 / 超期 working days, as the officer reads it. */
export function daysLeftText(rag: string | undefined, workingDaysLeft: number | undefined): string {
  if (workingDaysLeft === undefined) return '';
  if (rag === 'red') return `已超期 ${Math.max(1, -workingDaysLeft)} 个工作日`;
  if (workingDaysLeft === 0) return '今日到期';
  return `剩余 ${workingDaysLeft} 个工作日`;
}

function ragCell(e: QueueEntryView) {
  const open = e.pauses.find((p) => p.to === null);
  if (e.clock === 'paused') return <Tag color="orange">暂停计时{open ? ` · ${open.reasonName}` : ''}</Tag>;
  if (e.clock === 'awaiting-acceptance' && !e.acceptanceDueOn) return <Tag>待前置事项办结后受理</Tag>;
  if (e.clock === 'awaiting-acceptance')
    return (
      <Space size={4}>
        <RagTag rag={e.rag} label="待受理" />
        <Typography.Text type="secondary">{e.acceptanceDueOn} 前受理</Typography.Text>
      </Space>
    );
  return (
    <Space size={4}>
      <RagTag rag={e.rag} />
      <Typography.Text type={e.rag === 'red' ? 'danger' : e.rag === 'amber' ? 'warning' : 'secondary'}>{daysLeftText(e.rag, e.workingDaysLeft)}</Typography.Text>
    </Space>
  );
}

/** The queue's table: project (a link to the case), enterprise, item, department, procedure, status, due dates, red/amber/green. */
export function queueColumns(zoneName?: (code: string) => string): TableColumnsType<QueueEntryView> {
  const columns: TableColumnsType<QueueEntryView> = [
    {
      title: '项目',
      key: 'project',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${e.caseId}`} onClick={(ev) => ev.stopPropagation()}>
            {e.projectName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.projectCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '企业', dataIndex: 'enterpriseName' },
    {
      title: '事项',
      key: 'item',
      render: (_, e) => (
        <span>
          <Typography.Text type="secondary">{e.itemCode}</Typography.Text> {e.itemName}
        </span>
      ),
    },
    { title: '部门', dataIndex: 'department' },
    { title: '办理方式', dataIndex: 'procedureName', width: 100, render: (name: string, e) => <Tag color={e.procedure === 'ordinary' ? 'purple' : 'default'}>{name}</Tag> },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, e) => (
        <Space orientation="vertical" size={0}>
          <ItemStatusTag status={e.status} name={name} />
          {e.blockedBy.length > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              待前置：{e.blockedBy.map((b) => b.itemCode).join('、')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '办结日（承诺 / 法定）', key: 'due', width: 130, render: (_, e) => (e.promisedDueOn ? `${e.promisedDueOn} / ${e.legalDueOn ?? '—'}` : '受理后计时') },
    { title: '预警', key: 'rag', width: 200, render: (_, e) => ragCell(e) },
  ];
  if (zoneName) columns.splice(2, 0, { title: '开发区', dataIndex: 'zoneCode', render: (code: string) => zoneName(code) });
  return columns;
}

const RAG_ZH: Record<string, string> = { red: '已超期', amber: '临近到期', green: '正常' };

/** 导出 Excel: one row per item of the filtered queue, as the table reads. */
export const QUEUE_EXCEL_COLUMNS: ExcelColumn<QueueEntryView>[] = [
  { header: '项目代码', cell: (e) => e.projectCode, width: 26 },
  { header: '项目名称', cell: (e) => e.projectName, width: 30 },
  { header: '企业', cell: (e) => e.enterpriseName, width: 28 },
  { header: '事项代码', cell: (e) => e.itemCode, width: 10 },
  { header: '事项', cell: (e) => e.itemName, width: 28 },
  { header: '部门', cell: (e) => e.department, width: 18 },
  { header: '程序', cell: (e) => e.procedureName, width: 16 },
  { header: '状态', cell: (e) => (e.blockedBy.length ? `${e.statusName}（待前置：${e.blockedBy.map((b) => b.itemCode).join('、')}）` : e.statusName), width: 20 },
  { header: '到期日', cell: (e) => e.dueOn ?? (e.clock === 'paused' ? '暂停计时' : '—'), width: 12 },
  { header: '承诺办结日', cell: (e) => e.promisedDueOn, width: 12 },
  { header: '法定办结日', cell: (e) => e.legalDueOn, width: 12 },
  { header: '剩余工作日', cell: (e) => e.workingDaysLeft, width: 10 },
  { header: '预警', cell: (e) => (e.rag ? RAG_ZH[e.rag] : e.clock === 'paused' ? '暂停计时' : ''), width: 10 },
];
