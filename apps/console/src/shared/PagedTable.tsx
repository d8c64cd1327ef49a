import { Table, type TableProps } from 'antd';
import { useState } from 'react';
import type { ParamsOf, PathOf, Service } from '../client';
import { ErrorAlert } from './errors';
import { useRead, type ItemOf } from './query';

/** A table over a list endpoint ({ items, total, page, pageSize }): each page is asked of the service (and cached by its parameters). */
export function PagedTable<S extends Service, P extends PathOf<S>>({ service, path, params, ...props }: { service: S; path: P; params?: ParamsOf<S, P> } & TableProps<ItemOf<S, P> & object>) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const asked = params as { path?: object; query?: object } | undefined;
  const { data, error, isFetching } = useRead(service, path, { ...asked, query: { ...asked?.query, page, pageSize } } as ParamsOf<S, P>, { keepPrevious: true });
  const answer = data as { items: (ItemOf<S, P> & object)[]; total: number } | undefined;
  return (
    <>
      <ErrorAlert error={error} />
      <Table<ItemOf<S, P> & object>
        rowKey="id"
        loading={isFetching}
        dataSource={answer?.items ?? []}
        locale={{ emptyText: '暂无数据' }}
        pagination={{ current: page, pageSize, total: answer?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        {...props}
      />
    </>
  );
}
