import { Grid, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

export const APP_NAME = '开发区项目全生命周期服务平台';

/** The browser tab's title names the page (WCAG 2.4.2): "项目库 · 开发区项目全生命周期服务平台". */
export function usePageTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = page ? `${page} · ${APP_NAME}` : APP_NAME;
  }, [page]);
}

/**
 * The page's one h1 (WCAG 1.3.1, 2.4.6), placed as a card's title and drawn as the card title was
 * (its size and weight), and the tab's title. `title` is the page's name in the tab; `children`, when
 * given, what the heading shows.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <Typography.Title level={1} style={{ margin: 0, fontSize: 'inherit', lineHeight: 'inherit', fontWeight: 'inherit', display: 'inline' }}>
      {children ?? title}
    </Typography.Title>
  );
}

/**
 * Whether the screen is a phone's: narrower than antd's `md` breakpoint (768 px). Until the screen is
 * measured (the first render) it is not, so a desktop never flashes the phone's layout.
 */
export function usePhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
