import { useEffect, useRef, type CSSProperties } from 'react';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerParts, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { READABLE } from './theme';

// Only what the console draws (bars and lines, axes, legend, tooltip, aria) and the SVG renderer: a small bundle.
registerParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Series colours: each readable on white (≥ 4.5:1, shared/theme READABLE), told apart by hue and by the legend. */
export const CHART_COLOURS = [READABLE.blue, READABLE.orange, READABLE.green, READABLE.cyan, READABLE.red, READABLE.grey];

/**
 * An ECharts chart (SVG): initialised on mount, given each new option, resized
 * with its box, disposed on unmount. The box is an image for assistive
 * technology (role="img") named by `label`, a Chinese sentence saying what the
 * chart shows (ECharts' aria module keeps it as the description); the numbers
 * themselves are also in the page's tables or cards.
 */
export function Chart({ option, label, testId, height = 320, style }: { option: ChartOption; label: string; testId: string; height?: number; style?: CSSProperties }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const dom = box.current;
    if (!dom) return;
    const instance = init(dom, null, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(dom);
    const onPrint = () => instance.resize();
    window.addEventListener('beforeprint', onPrint);
    return () => {
      window.removeEventListener('beforeprint', onPrint);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        color: CHART_COLOURS,
        textStyle: { color: 'rgba(0, 0, 0, 0.88)' },
        aria: { enabled: true, label: { enabled: true, description: label } },
        animation: false,
        ...option,
      },
      { notMerge: true },
    );
  }, [option, label]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
