import { CHECK_STAGE_NAMES_ZH, STAGE_NAMES_ZH } from '@devzone/contracts/names';
import { Alert, Table, Tag, type FormInstance, type TableProps } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, type Json } from './api';

const nameIn = (names: Record<string, string>) => (code: string) => names[code] ?? code;
/** 签约, 审批中 … as the services name the stages. */
export const stageName = nameIn(STAGE_NAMES_ZH);
/** 竣工验收 / 达产复核. */
export const checkStageName = nameIn(CHECK_STAGE_NAMES_ZH);
const STAGE_COLOR: Record<string, string> = { APPROVING: 'processing', READY_TO_START: 'cyan', UNDER_CONSTRUCTION: 'blue', COMPLETED: 'geekblue', IN_PRODUCTION: 'green', FULL_PRODUCTION: 'success', SUSPENDED: 'warning', TERMINATED: 'default' };

/** Dates as the services write them (YYYY-MM-DD). */
export const ymd = (d: { format: (f: string) => string } | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** A time stamp in the reader's local time. */
export const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
/** '—' for nothing. */
export const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

export const StageTag = ({ stage }: { stage: string }) => <Tag color={STAGE_COLOR[stage] ?? 'default'}>{stageName(stage)}</Tag>;

const CASE_STATUS_COLOR: Record<string, string> = {
  OPENED: 'default',
  NOTIFIED: 'blue',
  COMMITTED: 'processing',
  IN_PUBLICITY: 'purple',
  DECIDING: 'gold',
  GRANTED: 'green',
  ACCEPTANCE_REQUESTED: 'cyan',
  RECTIFYING: 'red',
  ACCEPTED: 'success',
  REVOKED: 'default',
};
const ITEM_STATUS_COLOR: Record<string, string> = {
  PENDING: 'default',
  APPLIED: 'geekblue',
  ACCEPTED: 'processing',
  PAUSED: 'orange',
  COMMITTED: 'cyan',
  CORRECTIONS_REQUESTED: 'warning',
  REVOKED: 'magenta',
  GRANTED: 'success',
  GRANTED_PENDING_DOCUMENTS: 'lime',
  REJECTED: 'error',
};
/** A 承诺制 case's status as the service names it, coloured by what it means. */
export const CaseStatusTag = ({ status, name, testId }: { status: string; name: string; testId?: string }) => (
  <Tag color={CASE_STATUS_COLOR[status] ?? 'default'} data-testid={testId}>
    {name}
  </Tag>
);
/** An approval item's status, likewise. */
export const ItemStatusTag = ({ status, name }: { status: string; name: string }) => <Tag color={ITEM_STATUS_COLOR[status] ?? 'default'}>{name}</Tag>;

/** Red / amber / green of a deadline. */
export const RagTag = ({ rag, label }: { rag?: string; label?: string }) => {
  const colors: Record<string, [string, string]> = { red: ['red', '已超期'], amber: ['orange', '临近'], green: ['green', '正常'] };
  const [color, text] = colors[rag ?? ''] ?? ['default', '—'];
  return <Tag color={color}>{label ?? text}</Tag>;
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return '登录已失效，请重新登录';
    if (error.status === 403) return `无权进行此操作：${error.message}`;
    if (error.status === 404) return `未找到：${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export const ErrorAlert = ({ error }: { error: unknown }) => (error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null);

/** Loads once and on `reload()`; `data` stays until the next load finishes. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const run = useCallback(() => {
    setLoading(true);
    setError(undefined);
    load()
      .then(setData)
      .catch(setError)
      .finally(() => setLoading(false));
  }, deps);
  useEffect(run, [run]);
  return { data, error, loading, reload: run };
}

export interface Zone {
  code: string;
  name: string;
}
let zonesOnce: Promise<Zone[]> | undefined;

/** The development zones (GET /zones, asked once per page load) and their names. */
export function useZones() {
  const load = useLoad(
    () =>
      (zonesOnce ??= api<Zone[]>('project-intake', '/zones').catch((e: unknown) => {
        zonesOnce = undefined;
        throw e;
      })),
    [],
  );
  const zones = load.data ?? [];
  return { zones, loading: load.loading, error: load.error, zoneName: (code: string) => zones.find((z) => z.code === code)?.name ?? code };
}

/** A table over a paged API answer ({items, total, page, pageSize}): the page is asked of the service. */
export function PagedTable<T extends Json>({ fetchPage, deps = [], ...props }: { fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>; deps?: unknown[] } & TableProps<T>) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { data, error, loading } = useLoad(() => fetchPage(page, pageSize), [page, pageSize, ...deps]);
  return (
    <>
      <ErrorAlert error={error} />
      <Table<T>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无数据' }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        {...props}
      />
    </>
  );
}

/** `agreement.committedIndicators[0].value` → ['agreement', 'committedIndicators', 0, 'value']. */
const fieldPath = (field: string): (string | number)[] =>
  field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * A 400's reasons on the form's fields (`committedDates.start` → ['committedDates', 'start'], list items by index).
 * `rename` maps a service field to the form's (e.g. the price in fen → the form's 元 field).
 * Returns the reasons no field of the form could show (empty when all were placed), or
 * null when the error is not a 400 with issues.
 */
export function placeIssues(form: FormInstance, error: unknown, rename?: (field: string) => string | undefined): string[] | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.issues.length) return null;
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const grouped = new Map<string, string[]>();
  const leftover: string[] = [];
  for (const issue of error.issues) {
    const field = rename?.(issue.field) ?? issue.field;
    if (!registered.has(JSON.stringify(fieldPath(field)))) {
      leftover.push(issue.reason);
      continue;
    }
    grouped.set(field, [...(grouped.get(field) ?? []), issue.reason]);
  }
  form.setFields([...grouped].map(([field, reasons]) => ({ name: fieldPath(field), errors: [...new Set(reasons)] })));
  return leftover;
}

/**
 * A form's request: `saving` while it runs; a refusal told where it belongs — the
 * service's 400 reasons on the form's fields, the rest (409s and the like) to
 * `onProblem` (default: kept in `problem` for the form to show). Resolves true when sent.
 */
export function useSend(form: FormInstance, onProblem?: (text: string) => void) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const tell = onProblem ?? setProblem;
  const send = async (request: () => Promise<unknown>): Promise<boolean> => {
    setSaving(true);
    setProblem(undefined);
    try {
      await request();
      return true;
    } catch (e) {
      const left = placeIssues(form, e);
      if (left === null) tell(errorText(e));
      else if (left.length) tell(left.join('；'));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, problem, send };
}
