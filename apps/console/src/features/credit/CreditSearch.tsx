import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { components } from '../../../openapi/commitment-approval';
import type { CreditRecordView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { useDraft } from '../../shared/filters';
import { allItems, ExcelButton, type ExcelColumn } from '../../shared/excel';
import { chinaToday, tid } from '../../shared/format';
import { useApi } from '../../shared/query';
import { zhText } from '../../zh';
import { SEVERITY } from './credit';

type CreditRecordState = components['schemas']['CreditRecordState'];

/** The records' states (GET /credit-records?status=). */
export const RECORD_STATES: { value: CreditRecordState; label: string }[] = [
  { value: 'unrectified', label: '未整改' },
  { value: 'unrepaired', label: '未修复（含未整改）' },
  { value: 'repaired', label: '已修复' },
];

export interface CreditSearchFilters {
  q?: string;
  zone?: string;
  status?: CreditRecordState;
}

const stateText = (r: CreditRecordView) => (r.repairedOn ? `${r.repairedOn} 已修复` : r.rectifiedOn ? `${r.rectifiedOn} 已整改，未修复` : '未整改');

const EXCEL_COLUMNS: ExcelColumn<CreditRecordView>[] = [
  { header: '企业名称', cell: (r) => r.enterpriseName, width: 30 },
  { header: '统一社会信用代码', cell: (r) => r.creditCode, width: 22 },
  { header: '等级', cell: (r) => SEVERITY[r.severity]?.[0] ?? r.severity, width: 8 },
  { header: '失信事由', cell: (r) => zhText(r.reason), width: 40 },
  { header: '记录日期', cell: (r) => r.recordedOn, width: 12 },
  { header: '整改期限', cell: (r) => r.rectifyBy, width: 12 },
  { header: '整改日期', cell: (r) => r.rectifiedOn, width: 12 },
  { header: '修复日期', cell: (r) => r.repairedOn, width: 12 },
  { header: '可修复日期', cell: (r) => r.repairableFrom, width: 12 },
  { header: '状态', cell: stateText, width: 20 },
];

/**
 * 信用记录查询 (officers, managers): the records the person may see, by part of the enterprise's name or credit code,
 * zone and state, a page at a time from the service; the enterprise's name opens its credit (`?creditCode=`).
 */
export function CreditSearch({
  filters,
  setFilter,
  zones,
  onEnterprise,
}: {
  filters: CreditSearchFilters;
  setFilter: (key: keyof CreditSearchFilters, value: string | undefined) => void;
  zones: { code: string; name: string }[];
  onEnterprise: (creditCode: string) => void;
}) {
  const [text, setText] = useDraft(filters.q);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const change = (key: keyof CreditSearchFilters, value: string | undefined) => (setFilter(key, value), setPage(1));
  const query = { q: filters.q, zone: filters.zone, status: filters.status };
  const { data, error, isFetching } = useApi('commitment-approval', '/credit-records', { query: { ...query, page, pageSize } }, { keepPrevious: true });

  const columns: TableColumnsType<CreditRecordView> = [
    {
      title: '企业',
      key: 'enterprise',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Button type="link" style={{ padding: 0, height: 'auto' }} {...tid(`credit-enterprise-${r.creditCode}`)} onClick={() => onEnterprise(r.creditCode)}>
            {r.enterpriseName}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.creditCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '等级', dataIndex: 'severity', width: 80, render: (s: string) => <Tag color={SEVERITY[s]?.[1] ?? 'default'}>{SEVERITY[s]?.[0] ?? s}</Tag> },
    { title: '失信事由', dataIndex: 'reason', render: (r: string) => zhText(r) },
    { title: '记录日期', dataIndex: 'recordedOn', width: 110 },
    { title: '状态', key: 'state', width: 170, render: (_, r) => <Tag color={r.repairedOn ? 'success' : r.rectifiedOn ? 'processing' : 'warning'}>{stateText(r)}</Tag> },
  ];

  return (
    <Card title="查询信用记录" data-testid="credit-search-card">
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center" style={{ flex: '1 1 auto' }}>
          <Input.Search
            data-testid="credit-search"
            aria-label="按企业名称或统一社会信用代码搜索"
            allowClear
            enterButton="搜索"
            maxLength={100}
            placeholder="企业名称或信用代码（可输入一部分）"
            style={{ width: 360, maxWidth: '100%' }}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) change('q', undefined);
            }}
            onSearch={(v) => change('q', v)}
          />
          {zones.length > 1 && (
            <Select
              data-testid="credit-zone"
              aria-label="按开发区筛选"
              allowClear
              placeholder="全部开发区"
              style={{ width: 220 }}
              value={filters.zone}
              options={zones.map((z) => ({ value: z.code, label: z.name }))}
              onChange={(v?: string) => change('zone', v)}
            />
          )}
          <Select data-testid="credit-status" aria-label="按整改、修复情况筛选" allowClear placeholder="全部记录" style={{ width: 190 }} value={filters.status} options={RECORD_STATES} onChange={(v?: string) => change('status', v)} />
        </Flex>
        <ExcelButton<CreditRecordView>
          testId="credit-export"
          filename={`信用记录-${chinaToday()}`}
          title={`信用记录（${[filters.q && `搜索“${filters.q}”`, filters.zone && zones.find((z) => z.code === filters.zone)?.name, filters.status && RECORD_STATES.find((s) => s.value === filters.status)?.label].filter(Boolean).join('，') || '全部'}）· 导出于 ${new Date().toLocaleString('zh-CN', { hour12: false })}`}
          columns={EXCEL_COLUMNS}
          rows={async () => (await allItems('commitment-approval', '/credit-records', { query })).items}
        />
      </Flex>
      <ErrorAlert error={error} />
      <Table<CreditRecordView>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filters.q ? `没有找到“${filters.q}”的信用记录` : '暂无异常信用记录' }}
        onRow={(r) => tid(`credit-result-${r.id}`)}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => (setPage(s !== pageSize ? 1 : p), setPageSize(s)) }}
      />
    </Card>
  );
}
