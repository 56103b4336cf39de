/**
 * Calls to the browser host's API from a test, with the run's token: to check what the UI shows
 * against what the core holds (never to set up what the story is about).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import type { MethodInput, MethodName, MethodResult } from '../../src/shared/api'
import { PRICES, type Host } from './host'

export async function callApi<M extends MethodName>(request: APIRequestContext, host: Host, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const res = await request.post(`${host.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    data: input ?? {}
  })
  const body = (await res.json()) as { ok: true; value: MethodResult<M> } | { ok: false; error: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`)
  return body.value
}

/**
 * Setup for stories that start with prices in the workspace (the import wizard has its own story,
 * market.spec.ts): each ticker's real file imported by its Date and Close columns, and, where a
 * count is given, one share row from its first day.
 */
export async function importPrices(request: APIRequestContext, host: Host, shares: Record<string, number | null>): Promise<void> {
  for (const [ticker, count] of Object.entries(shares)) {
    const source = { kind: 'text' as const, name: `${ticker}.csv`, text: await readFile(join(PRICES, `${ticker}.csv`), 'utf8') }
    const preview = await callApi(request, host, 'import:preview', { source, mapping: { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker } })
    await callApi(request, host, 'import:commit', { previewId: preview.previewId })
    if (count === null) continue
    const first = preview.tickers[0].first!
    await callApi(request, host, 'shares:set', { ticker, rows: [{ date: first, shares: count, source: 'approximate ADS count (e2e test input)' }] })
  }
}
