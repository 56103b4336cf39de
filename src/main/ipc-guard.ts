/**
 * What one IPC call goes through before it reaches the core, as a pure function: the sender
 * check, then `dispatch` (contract lookup, zod parse of the input as `unknown`, typed errors).
 * ipc.ts registers it for every method of the contract; tests drive it with a plain object in
 * place of Electron's event.
 */
import type { ApiResponse } from '../shared/errors'
import { dispatch, type Handlers } from './core/dispatch'
import { isAppUrl } from './security-policy'

/** The parts of Electron's `event.senderFrame` (a WebFrameMain) the check reads. */
export interface SenderFrameLike {
  url: string
  /** Set for a subframe (an iframe); only the top frame may call. */
  parent: unknown
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  senderFrame?: SenderFrameLike | null
}

/** Why a call must be refused, or null when it comes from the app's own top-level page. */
export function senderRefusal(event: InvokeEventLike, rendererIndexUrl: string): string | null {
  const frame = event.senderFrame
  if (!frame) return 'the calling frame is gone'
  if (frame.parent) return 'calls from subframes are refused'
  if (typeof frame.url !== 'string' || !isAppUrl(frame.url, rendererIndexUrl)) return `the caller is not the Capwatch page (${String(frame.url).slice(0, 200)})`
  return null
}

/** One IPC call from start to typed answer: never throws, whatever the event and input hold. */
export async function handleInvoke(
  handlers: Handlers,
  name: string,
  event: InvokeEventLike,
  input: unknown,
  rendererIndexUrl: string,
  log: (line: string) => void
): Promise<ApiResponse<unknown>> {
  let refusal: string | null
  try {
    refusal = senderRefusal(event, rendererIndexUrl)
  } catch {
    // A frame object that throws on access (destroyed mid-call) is treated as gone.
    refusal = 'the calling frame could not be inspected'
  }
  if (refusal) {
    log(`ipc: refused ${name}: ${refusal}`)
    return { ok: false, error: { code: 'invalid_input', message: 'Call refused: not from the Capwatch window' } }
  }
  return dispatch(handlers, name, input, log)
}
