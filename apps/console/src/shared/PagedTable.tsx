import { Table, type TableProps } from 'antd';
import { useState } from 'react';
import type { Service } from '../api';
import type { Page } from '../views';
import { ErrorAlert } from './errors';
import { useApi, type Params } from './query';

/** A table over a list endpoint ({ items, total, page, pageSize }): each page is asked of the service (and cached by its parameters). */
export function PagedTable<T extends object>({ service, path, params, ...props }: { service: Service; path: string; params?: Params } & TableProps<T>) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { data, error, isFetching } = useApi<Page<T>>(service, path, { ...params, page, pageSize }, { keepPrevious: true });
  return (
    <>
      <ErrorAlert error={error} />
      <Table<T>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无数据' }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        {...props}
      />
    </>
  );
}
