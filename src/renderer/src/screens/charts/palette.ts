/** Colours: 20 distinguishable series colours, and one per event category for the markers. */
export const SERIES_COLORS = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f',
  '#393b79', '#ad494a', '#637939', '#e6550d', '#7b4173', '#3182bd', '#31a354', '#843c39', '#de9ed6', '#636363'
]

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]

const CATEGORY_COLORS: Record<string, string> = {
  antitrust: '#c0392b',
  data_security: '#8e44ad',
  fintech: '#d35400',
  education: '#16a085',
  content: '#2c3e50',
  listing: '#2980b9',
  tax: '#7f8c8d',
  platform_access: '#27ae60',
  digital_currency: '#b7950b',
  gaming: '#e84393',
  labour: '#6d4c41',
  other: '#95a5a6'
}

export const categoryColor = (c: string): string => CATEGORY_COLORS[c] ?? '#95a5a6'
