/** How any failure reads to the analyst: the core's own message, never a stack trace. */
import { ApiError } from '../../../shared/errors'

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}

/** True for the core's "this feature is not built/available here" answer. */
export function isUnavailable(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'unavailable'
}
