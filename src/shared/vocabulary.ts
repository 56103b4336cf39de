/**
 * The workbench's vocabulary: the pick-lists and names both sides use (event categories and
 * authorities, what an imported value is, date formats, the Impact table's columns). Plain
 * constants, no schema library: the page and the preload import these, and loading zod there
 * would cost every start the construction of schemas only the core runs (domain.ts and
 * market.ts build their schemas from these lists).
 */

/** Pick-list of event categories; ids are stable, labels are what the analyst reads. */
export const CATEGORIES = [
  ['antitrust', 'Antitrust'],
  ['data_security', 'Data security'],
  ['fintech', 'Fintech'],
  ['education', 'Education'],
  ['content', 'Content'],
  ['listing', 'Listing'],
  ['tax', 'Tax'],
  ['platform_access', 'Platform access'],
  ['digital_currency', 'Digital currency'],
  ['gaming', 'Gaming'],
  ['labour', 'Labour'],
  ['other', 'Other']
] as const
export type Category = (typeof CATEGORIES)[number][0]
export const categoryLabel = (c: string): string => CATEGORIES.find((x) => x[0] === c)?.[1] ?? c

/** Pick-list of authorities (Chinese regulators and bodies, plus foreign ones that matter here). */
export const AUTHORITIES = [
  'SAMR',
  'CAC',
  'PBOC',
  'CSRC',
  'CBIRC',
  'State Council',
  'NPC',
  'MoE',
  'NPPA',
  'MIIT',
  'NDRC',
  'SAT',
  'MPS',
  'Politburo',
  'SEC',
  'Company',
  'Exchange',
  'Other'
] as const
export type Authority = (typeof AUTHORITIES)[number]

export const VALUE_KINDS = ['close', 'adj_close', 'market_cap'] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

/** The date formats the importer reads (ISO, day-first, month-first, year-first with slashes, dotted). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY/MM/DD', 'DD.MM.YYYY'] as const

export const IMPACT_SORT_COLUMNS = ['event', 'date', 'company', 'window', 'day0', 'period', 'mcap', 'mcap_change', 'mcap_return', 'benchmark', 'abnormal_return', 'car', 't_stat', 'note'] as const
export const IMPACT_FILTER_COLUMNS = ['event', 'date', 'company', 'benchmark', 'note'] as const
export type ImpactSortColumn = (typeof IMPACT_SORT_COLUMNS)[number]
export type ImpactFilterColumn = (typeof IMPACT_FILTER_COLUMNS)[number]

/** A window as "a:b": how the Impact screen names one, and how the host keys its rows by it. */
export const windowKey = (a: number, b: number): string => `${a}:${b}`
