/**
 * ECharts, registered piece by piece: only the bar, line and graph charts and the components they
 * use are bundled (the full build would add several hundred kB).
 */
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GraphChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption, ECharts } from 'echarts/core';

/** Browser tests run under WebDriver: charts are drawn at once so screenshots are stable. */
export const chartAnimation = typeof navigator === 'undefined' || !navigator.webdriver;
