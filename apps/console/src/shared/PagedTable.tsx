import { Table, type TableProps } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ParamsOf, PathOf, Service } from '../client';
import { ErrorAlert } from './errors';
import { usePhone } from './page';
import { useRead, type ItemOf } from './query';

/** A table's own scroller (antd: .ant-table-content, or .ant-table-body under a fixed header). */
const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * A table wider than its place scrolls inside itself, not the page (a phone's 390 px). A scroller
 * that does scroll is reachable by the keyboard and named (WCAG 2.1.1; axe scrollable-region-focusable);
 * one that fits is left out of the Tab order.
 */
export function ScrollingTables({ label = '表格（可左右滑动查看）', children }: { label?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => {
        if (el.scrollWidth > el.clientWidth + 1) {
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', label);
        } else if (el.getAttribute('role') === 'region') {
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      });
    };
    mark();
    const resized = new ResizeObserver(mark);
    resized.observe(root);
    const changed = new MutationObserver(mark);
    changed.observe(root, { childList: true, subtree: true });
    return () => (resized.disconnect(), changed.disconnect());
  }, [label]);
  return <div ref={ref}>{children}</div>;
}

/**
 * How a table scrolls sideways: on a phone each column keeps its content's width and the table scrolls
 * inside itself (no column squeezed to a character); on a wider screen the table fits its place as
 * before and scrolls only if it cannot.
 */
export function useTableScroll(): { x: true | 'max-content' } {
  return { x: usePhone() ? 'max-content' : true };
}

/** A table over a list endpoint ({ items, total, page, pageSize }): each page is asked of the service (and cached by its parameters). */
export function PagedTable<S extends Service, P extends PathOf<S>>({ service, path, params, ...props }: { service: S; path: P; params?: ParamsOf<S, P> } & TableProps<ItemOf<S, P> & object>) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const scroll = useTableScroll();
  const phone = usePhone();
  const asked = params as { path?: object; query?: object } | undefined;
  const { data, error, isFetching } = useRead(service, path, { ...asked, query: { ...asked?.query, page, pageSize } } as ParamsOf<S, P>, { keepPrevious: true });
  const answer = data as { items: (ItemOf<S, P> & object)[]; total: number } | undefined;
  return (
    <>
      <ErrorAlert error={error} />
      <ScrollingTables>
        <Table<ItemOf<S, P> & object>
          rowKey="id"
          loading={isFetching}
          dataSource={answer?.items ?? []}
          locale={{ emptyText: '暂无数据' }}
          scroll={scroll}
          pagination={{ current: page, pageSize, total: answer?.total ?? 0, showTotal: (t) => `共 ${t} 条`, ...(phone ? { size: 'small', showSizeChanger: false, showLessItems: true } : {}), onChange: (p, s) => (setPage(p), setPageSize(s)) }}
          {...props}
        />
      </ScrollingTables>
    </>
  );
}
