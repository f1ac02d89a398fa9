import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/useT';
import { FONT_FAMILY, FONT_FAMILY_EN } from '../theme';
import { chartAnimation, echarts, type ECharts, type EChartsCoreOption } from './echarts';

export interface EChartProps {
  readonly option: EChartsCoreOption;
  readonly height: number;
  /** A text alternative of the whole chart (its data in words), read by screen readers. */
  readonly label: string;
  readonly testId?: string;
  /** Called with ECharts' event parameters when a data item (a bar, a node) is clicked. */
  readonly onItemClick?: (params: { readonly dataType?: string; readonly data?: unknown }) => void;
}

/** A chart drawn on a canvas, exposed to assistive technology as one image with a text label. */
export function EChart({ option, height, label, testId, onItemClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const onClick = useRef(onItemClick);
  const { lang } = useI18n();

  useEffect(() => {
    onClick.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => onClick.current?.(params as { dataType?: string; data?: unknown }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const fontFamily = lang === 'zh' ? FONT_FAMILY : FONT_FAMILY_EN;
    chart.current?.setOption({ animation: chartAnimation, textStyle: { fontFamily }, ...option }, true);
  }, [option, lang]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
