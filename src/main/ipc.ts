/**
 * IPC handlers, registered from the contract: one `ipcMain.handle` per method name (the channel),
 * each checking that the call comes from the app's own page before it reaches the core.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES } from '../shared/api'
import type { ApiResponse } from '../shared/errors'
import { dispatch, type Handlers } from './core/dispatch'
import { isAppUrl } from './security'

export function registerIpc(handlers: Handlers, rendererIndexUrl: string, log: (l: string) => void): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResponse<unknown>> => {
      // A frame we did not load (an iframe, a navigated page) gets nothing.
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isAppUrl(frameUrl, rendererIndexUrl) || event.senderFrame?.parent) {
        log(`ipc: refused ${name} from ${frameUrl || 'an unknown frame'}`)
        return { ok: false, error: { code: 'invalid_input', message: 'Call refused: not from the Capwatch window' } }
      }
      return dispatch(handlers, name, input, log)
    })
  }
  return () => METHOD_NAMES.forEach((name) => ipcMain.removeHandler(name))
}
