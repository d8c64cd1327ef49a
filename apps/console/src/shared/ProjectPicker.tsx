import { Select, Spin } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import type { ProjectView } from '../views';
import { useRead } from './query';

/** How long the picker waits after the last key before it asks (one request per pause, not per key). */
const DEBOUNCE_MS = 250;
/** The projects shown for a search: the best few; a longer text narrows them. */
const SHOWN = 20;

/** A project as the picker shows it: its name, enterprise and code (never its internal id). */
export const projectLabel = (p: Pick<ProjectView, 'name' | 'code' | 'enterprise'>) => `${p.name}（${p.enterprise.name}，${p.code}）`;

/**
 * 选择项目: find a project by part of its name, its enterprise, its project code or credit code
 * (GET /projects?q=, the caller's projects only) and pick it. The form gets the project's id;
 * the user never types or sees one.
 */
export function ProjectPicker({
  value,
  onChange,
  placeholder = '输入项目名称、项目代码或企业名称查找',
  style,
  ariaLabel = '选择项目',
  testId = 'project-picker',
  disabled,
}: {
  value?: string | null;
  onChange?: (id: string | undefined, project: ProjectView | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<ProjectView>();
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim().slice(0, 100)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useRead('project-intake', '/projects', q ? { query: { q, pageSize: SHOWN } } : null, { keepPrevious: true });
  const items = q ? (found.data?.items ?? []) : [];
  const projects = chosen && !items.some((p) => p.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      disabled={disabled}
      value={value ?? undefined}
      placeholder={placeholder}
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      notFoundContent={found.isFetching ? <Spin size="small" /> : q ? '没有找到项目' : '输入名称、代码或企业名称'}
      options={projects.map((p) => ({ value: p.id, label: projectLabel(p) }))}
      optionRender={(option) => <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{option.label}</span>}
      onChange={(id) => {
        const project = projects.find((p) => p.id === id);
        setChosen(project);
        onChange?.(id, project);
      }}
    />
  );
}
