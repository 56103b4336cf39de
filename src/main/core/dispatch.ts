/**
 * The single entry every adapter uses: check the method name against the contract, parse the
 * input as `unknown` with its zod schema, run the handler, and turn any failure into a typed
 * error body. A bad call never crashes the process and never reaches a handler.
 */
import { contract, type MethodName, type MethodParsed, type MethodResult } from '../../shared/api'
import { ApiError, type ApiResponse } from '../../shared/errors'

export type Handlers = {
  [M in MethodName]: (input: MethodParsed<M>) => Promise<MethodResult<M>> | MethodResult<M>
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  log: (line: string) => void = (l) => console.error(l)
): Promise<ApiResponse<unknown>> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(name).slice(0, 100)}` } }
  }
  const parsed = contract[name].input.safeParse(input)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }))
    return {
      ok: false,
      error: { code: 'invalid_input', message: `${name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues }
    }
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toBody() }
    log(`core/dispatch: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${e instanceof Error ? e.message : String(e)}` } }
  }
}

/** Call a method and unwrap its result, throwing ApiError (for the CLI and tests). */
export async function call<M extends MethodName>(handlers: Handlers, name: M, input: unknown): Promise<MethodResult<M>> {
  const res = await dispatch(handlers, name, input)
  if (!res.ok) throw ApiError.fromBody(res.error)
  return res.value as MethodResult<M>
}
