import { useEffect, useRef } from 'react';
import { FONT_FAMILY } from '../theme';
import { chartAnimation, echarts, type ECharts, type EChartsCoreOption } from './echarts';

export interface EChartProps {
  readonly option: EChartsCoreOption;
  readonly height: number;
  /** A text alternative of the whole chart (its data in words), read by screen readers. */
  readonly label: string;
  readonly testId?: string;
}

/** A chart drawn on a canvas, exposed to assistive technology as one image with a text label. */
export function EChart({ option, height, label, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: chartAnimation, textStyle: { fontFamily: FONT_FAMILY }, ...option }, true);
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
