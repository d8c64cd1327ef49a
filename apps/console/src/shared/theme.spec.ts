import { describe, expect, it } from '@jest/globals';
import { theme } from 'antd';
import { READABLE, THEME } from './theme';

/** sRGB channels (0–255) and alpha of `#rgb`, `#rrggbb` or `rgb(a)(…)`. */
function parse(color: string): [number, number, number, number] {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((x) => x + x).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1) as [number, number, number, number];
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color.trim());
  if (!rgb) throw new Error(`not a colour: ${color}`);
  const [r, g, b, a = 1] = rgb[1].split(',').map(Number);
  return [r, g, b, a];
}

/** The colour seen when `fg` (maybe translucent) is drawn over the opaque `bg`. */
const over = (fg: string, bg: string) => {
  const f = parse(fg);
  const b = parse(bg);
  return [0, 1, 2].map((i) => f[i] * f[3] + b[i] * (1 - f[3]));
};
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2.1 contrast ratio of text `fg` on background `bg`. */
const contrast = (fg: string, bg: string) => {
  const [hi, lo] = [luminance(over(fg, bg)), luminance(over(bg, '#ffffff'))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** At least 4.5:1, or a message naming the pair and its ratio. */
const readable = (fg: string, bg: string, what: string) => {
  const ratio = contrast(fg, bg);
  expect(ratio >= 4.5 ? 'at least 4.5:1' : `${what} (${fg} on ${bg}): ${ratio.toFixed(2)}:1`).toBe('at least 4.5:1');
};

describe('the console’s colours (WCAG 2.1 AA, 1.4.3: text at least 4.5:1)', () => {
  const t = theme.getDesignToken(THEME) as unknown as Record<string, string>;
  const white = t.colorBgContainer;
  const grey = t.colorBgLayout;
  const fillAlter = `rgb(${over(t.colorFillAlter, white).map(Math.round).join(',')})`; // table headers, description labels

  it('matches the contrast its tests were written for', () => {
    expect(contrast('rgba(0,0,0,0.45)', '#ffffff')).toBeCloseTo(3.35, 1); // antd's default secondary text
    expect(contrast('#1677ff', '#ffffff')).toBeCloseTo(4.1, 1); // antd's default link
  });

  it.each(['colorText', 'colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextPlaceholder', 'colorTextLabel', 'colorLink', 'colorLinkHover', 'colorPrimary', 'colorSuccess', 'colorSuccessText', 'colorWarning', 'colorWarningText', 'colorError', 'colorErrorText', 'colorInfoText'])(
    '%s on white, on the layout grey and on table headers',
    (token) => {
      for (const bg of [white, grey, fillAlter]) readable(t[token], bg, token);
    },
  );

  it.each(['colorPrimary', 'colorPrimaryHover', 'colorPrimaryActive', 'colorError', 'colorSuccess', 'colorWarning'])('white text on %s (primary and danger buttons, badges, the selected menu item)', (token) => {
    readable(t.colorTextLightSolid, t[token], `white on ${token}`);
  });

  it.each(['Success', 'Warning', 'Error', 'Info'])('a %s tag: its colour on its tint', (status) => {
    readable(t[`color${status}`], t[`color${status}Bg`], `${status} tag`);
  });

  it.each(['blue', 'purple', 'cyan', 'green', 'magenta', 'pink', 'red', 'orange', 'yellow', 'volcano', 'geekblue', 'lime', 'gold'])('a %s tag: palette 7 on palette 1', (color) => {
    readable(t[`${color}7`], t[`${color}1`], `${color} tag`);
  });

  it.each(Object.entries(READABLE))('the %s of counts and figures, on white and under white text', (name, color) => {
    readable(color, white, name);
  });
});
