/**
 * Test helpers of the market tests: a fresh core in a temp directory, series put straight into the
 * store (the importer is tested on its own), and a small reader of the real price files in
 * ../shared/data/prices/ (Date and Close by header name), which are read by path, never copied.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dayFromIso } from '../../../shared/dates'
import type { CompanyInput, EventInput } from '../../../shared/domain'
import { Core } from '../core'
import { call } from '../dispatch'
import { cliHooks, createHandlers } from '../handlers'
import type { MethodName, MethodResult } from '../../../shared/api'

// The real files live beside the project: /work/shared/data/prices from src/main/core/market/.
export const PRICES_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data/prices')

export interface TestWorkspace {
  core: Core
  call<M extends MethodName>(name: M, input: unknown): Promise<MethodResult<M>>
  close(): Promise<void>
}

export async function openWorkspace(): Promise<TestWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'capwatch-market-'))
  const core = await Core.open({ dataDir: dir, adapter: 'test', starter: false, log: () => {} })
  const handlers = createHandlers(core, cliHooks)
  return {
    core,
    call: (name, input) => call(handlers, name, input),
    close: async () => {
      await core.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

type Points = [date: string, value: number][]

/** Put one ticker's series into the store, as an import would, and commit. */
export async function putSeries(
  core: Core,
  meta: { ticker: string; companyId?: string | null; currency?: string; benchmark?: boolean },
  parts: { close?: Points; adjClose?: Points; marketCap?: Points }
): Promise<void> {
  const part = (p: Points | undefined) => (p ? { days: p.map(([d]) => dayFromIso(d)), values: p.map(([, v]) => v) } : undefined)
  const all = [parts.close, parts.adjClose, parts.marketCap].filter((p): p is Points => !!p)
  const dates = all.flatMap((p) => p.map(([d]) => d)).sort()
  core.store.series.put(
    {
      ticker: meta.ticker,
      companyId: meta.companyId ?? null,
      currency: meta.currency ?? 'USD',
      benchmark: meta.benchmark ?? false,
      counts: { close: parts.close?.length, adj_close: parts.adjClose?.length, market_cap: parts.marketCap?.length },
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      source: 'test',
      importedAt: new Date().toISOString()
    },
    { ticker: meta.ticker, close: part(parts.close), adjClose: part(parts.adjClose), marketCap: part(parts.marketCap) }
  )
  await core.store.commit()
}

export async function addCompany(core: Core, id: string, fields: CompanyInput): Promise<void> {
  await core.companies.create(fields, id)
}

export async function addEvent(core: Core, fields: EventInput): Promise<string> {
  return (await core.events.create(fields)).id
}

/** Mon-Fri dates from `start` on, `count` of them (a test calendar; real files have holidays). */
export function weekdays(start: string, count: number): string[] {
  const out: string[] = []
  for (let d = dayFromIso(start); out.length < count; d++) {
    const wd = new Date(d * 86_400_000).getUTCDay()
    if (wd !== 0 && wd !== 6) out.push(new Date(d * 86_400_000).toISOString().slice(0, 10))
  }
  return out
}

export const zip = (dates: string[], values: number[]): Points => dates.map((d, i) => [d, values[i]])

/** Date and Close columns of a real price file, found by header name (column order differs). */
export async function readPriceFile(name: string): Promise<{ dates: string[]; close: number[] }> {
  const lines = (await readFile(join(PRICES_DIR, name), 'utf8')).split(/\r?\n/).filter((l) => l.trim())
  const header = lines[0].split(',')
  const di = header.indexOf('Date')
  const ci = header.indexOf('Close')
  if (di < 0 || ci < 0) throw new Error(`${name}: no Date or Close column in ${lines[0]}`)
  const dates: string[] = []
  const close: number[] = []
  for (const line of lines.slice(1)) {
    const cells = line.split(',')
    const v = Number(cells[ci])
    if (!Number.isFinite(v)) continue
    dates.push(cells[di].slice(0, 10))
    close.push(v)
  }
  return { dates, close }
}

/**
 * A market-model case with a known answer. Benchmark returns Rm = [1, -2, 3, 0, -1, 2] %, and the
 * company's R = 0.0005 + 1.5 Rm + e with residuals e = 0.001 x [1, -1, 0, 0, 1, -1]. Those residuals
 * sum to 0 and are orthogonal to Rm (1 + 2 + 0 + 0 - 1 - 2 = 0), so OLS recovers alpha = 0.0005 and
 * beta = 1.5 exactly, and sigma = sqrt(SSR / (n - 2)) = sqrt(4e-6 / 4) = 0.001.
 * Then three more days with Rm = 0.5 %, -1 %, 2 % and abnormal returns 0.002, 0.01, -0.004.
 * Prices compound those returns from 100 (company) and 200 (benchmark): 10 prices, 9 returns.
 */
export function constructedPrices(): { p: number[]; b: number[] } {
  const ALPHA = 0.0005
  const BETA = 1.5
  const RM = [0.01, -0.02, 0.03, 0, -0.01, 0.02, 0.005, -0.01, 0.02]
  const E = [0.001, -0.001, 0, 0, 0.001, -0.001, 0.002, 0.01, -0.004]
  const p = [100]
  const b = [200]
  RM.forEach((rm, i) => {
    b.push(b[i] * (1 + rm))
    p.push(p[i] * (1 + ALPHA + BETA * rm + E[i]))
  })
  return { p, b }
}
