/**
 * memory.impact: the host's resident memory with the large workspace's whole Impact table
 * computed and shown. A plain HTTP client stands in for the Impact screen and asks impact:view
 * what the screen asks (useImpactView.ts): the first page, again every 400 ms while the host
 * reports progress, then a sort by a figure and by a text column, and pages scrolled to.
 * A browser would add nothing here: the figure is the host's, and the page's requests are these.
 */
import { cp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { result, type BenchResult } from '../measure'
import type { CaseContext } from './index'
import { host, rssMb } from './ui'

const RUNS = 2
/** What the screen asks for at a time (useImpactView.ts: PAGE_ROWS, RANKING_ROWS, POLL_MS). */
const PAGE_ROWS = 400
const RANKING_ROWS = 500
const POLL_MS = 400

interface ViewAnswer {
  progress: { done: number; total: number } | null
  all: number
  total: number
  rows: unknown[]
}

export interface ImpactHostRun {
  /** Resident memory (VmRSS) with the table computed, sorted and paged, and its peak (VmHWM). */
  rss: number
  peak: number
  /** Rows of the whole table. */
  rows: number
  /** From the first ask to the first page of rows (the computation, polled as the screen does). */
  computeMs: number
  /** Each sort asked, to its first page. */
  sorts: { sort: string; ms: number }[]
  /** The slowest page fetched while scrolling a sorted view. */
  pageMs: number
}

/** The screen's request for one page of the view. */
function viewRequest(offset: number, sort: { id: string; desc: boolean }[]): Record<string, unknown> {
  return { filters: {}, sort, offset, limit: PAGE_ROWS, ranking: { order: 'change', offset: 0, limit: RANKING_ROWS } }
}

/** Start a host on `dataDir`, show its Impact table as the screen would, and measure it. */
export async function impactHostRun(root: string, dataDir: string): Promise<ImpactHostRun> {
  const h = await host(root, dataDir)
  try {
    const url = new URL(h.url)
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!
    const view = async (input: Record<string, unknown>): Promise<ViewAnswer> => {
      const res = await fetch(new URL('/api/impact:view', url.origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input)
      })
      const body = (await res.json()) as { ok: boolean; value?: ViewAnswer; error?: { message: string } }
      if (!body.ok) throw new Error(`impact:view: ${body.error?.message}`)
      return body.value!
    }
    /** Ask until the rows come, as the screen polls while the host computes; ms to the answer. */
    const shown = async (input: Record<string, unknown>): Promise<[number, ViewAnswer]> => {
      const t0 = performance.now()
      for (;;) {
        const v = await view(input)
        if (!v.progress) return [performance.now() - t0, v]
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      }
    }
    const [computeMs, first] = await shown(viewRequest(0, []))
    if (first.all === 0 || first.rows.length === 0) throw new Error('memory.impact: the Impact table came back empty')
    const sorts: ImpactHostRun['sorts'] = []
    let pageMs = 0
    for (const sort of [[{ id: 'mcap_change', desc: false }], [{ id: 'event', desc: true }]]) {
      const [ms, v] = await shown(viewRequest(0, sort))
      sorts.push({ sort: `${sort[0].id}${sort[0].desc ? ' desc' : ''}`, ms })
      // A few screens down, then the far end (a fling of the scroll bar).
      for (const offset of [PAGE_ROWS, 2 * PAGE_ROWS, 3 * PAGE_ROWS, Math.max(0, v.total - PAGE_ROWS)]) {
        pageMs = Math.max(pageMs, (await shown(viewRequest(offset, sort)))[0])
      }
    }
    // As the analyst reads the table: the host idle for a moment, as memory.main waits.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const rss = await rssMb(h.pid)
    const status = await readFile(`/proc/${h.pid}/status`, 'utf8')
    const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024
    return { rss, peak, rows: first.all, computeMs, sorts, pageMs }
  } finally {
    await h.stop()
  }
}

export async function impactMemory(ctx: CaseContext): Promise<BenchResult> {
  const dir = join(ctx.work, 'impact-large')
  const runs: ImpactHostRun[] = []
  for (let i = 0; i < RUNS; i++) {
    // A fresh copy and host each run: nothing computed or cached from the run before.
    await rm(dir, { recursive: true, force: true })
    await cp(ctx.source, dir, { recursive: true })
    runs.push(await impactHostRun(ctx.root, dir))
  }
  const rss = Math.max(...runs.map((r) => r.rss))
  const worst = runs.find((r) => r.rss === rss)!
  const ms = (x: number) => `${Math.round(x)} ms`
  return result({
    id: 'memory.impact',
    what: `resident memory of the host, large workspace's Impact table computed, sorted and paged (${worst.rows} rows; largest of ${RUNS} runs: ${runs.map((r) => Math.round(r.rss)).join(', ')} MB)`,
    value: rss,
    unit: 'MB',
    baseline: 'target',
    baseline_value: 600,
    target: '<= 600 MB',
    met: rss <= 600,
    note: `that run: peak ${Math.round(worst.peak)} MB; table computed in ${ms(worst.computeMs)}; sorted by ${worst.sorts.map((s) => `${s.sort} in ${ms(s.ms)}`).join(', ')}; slowest page ${ms(worst.pageMs)}`
  })
}
