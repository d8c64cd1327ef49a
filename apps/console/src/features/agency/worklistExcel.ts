import type { ExcelColumn } from '../../shared/excel';
import type { ProjectView, TaskView, WorklistView } from '../../views';
import { deadlineLabel } from './tasks';

export type WorklistSection = keyof Pick<WorklistView, 'overdue' | 'dueToday' | 'waitingOnEnterprise' | 'upcoming'>;
/** The worklist's sections, most urgent first. */
export const SECTIONS: { key: WorklistSection; label: string; short: string; empty: string }[] = [
  { key: 'overdue', label: '已超期', short: '超期', empty: '没有超期事项' },
  { key: 'dueToday', label: '今日到期', short: '今日', empty: '今日没有到期事项' },
  { key: 'waitingOnEnterprise', label: '等待企业', short: '待企业', empty: '没有等待企业的事项' },
  { key: 'upcoming', label: '其他待办', short: '其他', empty: '没有其他待办事项' },
];

/** One exported row: a task and the section (分类) it stands in. */
export interface WorklistRow {
  section: string;
  task: TaskView;
}

/** Every task of the worklist as answered (that is, as filtered), section by section. */
export const worklistRows = (worklist: WorklistView | undefined): WorklistRow[] => SECTIONS.flatMap((s) => (worklist?.[s.key] ?? []).map((task) => ({ section: s.label, task })));

/** The export's columns (zh headers); project names and codes from project-intake, as the page shows them. */
export function worklistColumns(projects: Map<string, ProjectView>): ExcelColumn<WorklistRow>[] {
  return [
    { header: '分类', cell: (r) => r.section, width: 10 },
    { header: '事项', cell: (r) => r.task.title, width: 30 },
    { header: '项目名称', cell: (r) => projects.get(r.task.projectId)?.name ?? '', width: 30 },
    { header: '项目代码', cell: (r) => projects.get(r.task.projectId)?.code ?? '', width: 26 },
    { header: '部门', cell: (r) => r.task.department, width: 18 },
    { header: '状态', cell: (r) => r.task.statusName, width: 10 },
    { header: '到期日', cell: (r) => r.task.dueOn, width: 12 },
    { header: '预警', cell: (r) => deadlineLabel(r.task), width: 22 },
    { header: '阻碍', cell: (r) => r.task.blocker ?? '', width: 30 },
  ];
}
