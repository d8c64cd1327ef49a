import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme: antd's default colours, darkened where text drawn
 * in them would fall below the 4.5:1 contrast of WCAG 2.1 AA (1.4.3) on white,
 * on the layout grey (#f5f5f5) or on the light tint of a tag or alert.
 * theme.spec.ts computes every pair from the tokens antd derives.
 *
 * - secondary / description / placeholder text: rgba(0,0,0,.45) (3.35:1) → .57 (5.13:1 on white, 5.01:1 on the grey)
 * - links and the primary colour: #1677ff (4.10:1) → #0958d9 (6.16:1; white on it 6.16:1)
 * - success #52c41a (2.27:1) → #237804 (5.59:1), warning #faad14 (1.90:1) → #8c5a00 (5.87:1), error #ff4d4f (3.27:1) → #cf1322 (5.57:1)
 * - preset tag colours whose text (palette 7 on palette 1) is below 4.5:1: one shade darker (palette 8; gold palette 9)
 * Hover states go darker, not lighter, so that they stay readable too.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorPrimaryHover: '#003eb3',
    colorSuccess: '#237804',
    colorWarning: '#8c5a00',
    colorError: '#cf1322',
    // The light tints stay antd's: a darker seed would grey them.
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessBorderHover: '#95de64',
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorWarningBorderHover: '#ffd666',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextTertiary: 'rgba(0, 0, 0, 0.57)',
    colorTextDescription: 'rgba(0, 0, 0, 0.57)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
    // Tag text of the preset colours (palette 7 on palette 1).
    cyan7: '#006d75',
    green7: '#237804',
    orange7: '#ad4e00',
    gold7: '#874d00',
    yellow7: '#876800',
    lime7: '#3f6600',
    volcano7: '#ad2102',
    magenta7: '#9e1068',
    pink7: '#9e1068',
  },
};

/** Colours for counts and figures drawn in white or on white outside the tokens (badges, statistics): each ≥ 4.5:1. */
export const READABLE = { red: '#cf1322', orange: '#ad4e00', grey: '#595959', blue: '#0958d9', cyan: '#006d75', green: '#237804' } as const;
