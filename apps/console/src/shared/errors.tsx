import { Alert, type FormInstance } from 'antd';
import type { CSSProperties } from 'react';
import { ApiError } from '../api';

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

/** A list of reasons (a refusal's, a form's). */
export const ReasonList = ({ reasons, testId }: { reasons: string[]; testId?: string }) => (
  <ul style={{ paddingLeft: 18, margin: 0 }} data-testid={testId}>
    {reasons.map((r) => (
      <li key={r}>{r}</li>
    ))}
  </ul>
);

/** A form's problems: one line, or under `title` as a list. */
export function Problems({ problems, title, testId, style }: { problems: string[]; title?: string; testId?: string; style?: CSSProperties }) {
  if (!problems.length) return null;
  return title ? (
    <Alert type="error" showIcon style={style ?? { marginBottom: 12 }} title={title} description={<ReasonList reasons={problems} />} data-testid={testId} />
  ) : (
    <Alert type="error" showIcon style={style ?? { marginBottom: 16 }} title={problems.join('；')} data-testid={testId} />
  );
}

/** The reasons inside a 409 message ("地块不能发布：A；B" → ['A', 'B']). */
export function refusalReasons(error: unknown): string[] {
  const text = errorText(error);
  const body = text.includes('：') ? text.slice(text.indexOf('：') + 1) : text;
  return body
    .split('；')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A 409's reasons, or null for any other error. */
export const conflictReasons = (error: unknown) => (error instanceof ApiError && error.status === 409 ? refusalReasons(error) : null);

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
