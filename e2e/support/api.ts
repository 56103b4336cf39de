/**
 * Calls to the browser host's API from a test, with the run's token: to check what the UI shows
 * against what the core holds (never to set up what the story is about).
 */
import type { APIRequestContext } from '@playwright/test'
import type { MethodInput, MethodName, MethodResult } from '../../src/shared/api'
import type { Host } from './host'

export async function callApi<M extends MethodName>(request: APIRequestContext, host: Host, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const res = await request.post(`${host.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    data: input ?? {}
  })
  const body = (await res.json()) as { ok: true; value: MethodResult<M> } | { ok: false; error: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`)
  return body.value
}
