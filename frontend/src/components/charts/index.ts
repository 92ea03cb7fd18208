export { BarChart, type BarChartProps, type ChartSeries } from "./BarChart";
export { LineChart, type LineChartProps } from "./LineChart";
