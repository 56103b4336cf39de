/**
 * IPC handlers, registered from the contract: one `ipcMain.handle` per method name (the channel),
 * each going through handleInvoke (ipc-guard.ts), which checks that the call comes from the app's
 * own top-level page before anything reaches the core.
 */
import { ipcMain } from 'electron'
import { METHOD_NAMES } from '../shared/api'
import type { Handlers } from './core/dispatch'
import { handleInvoke } from './ipc-guard'

export function registerIpc(handlers: Handlers, rendererIndexUrl: string, log: (l: string) => void): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(name, (event, input: unknown) => handleInvoke(handlers, name, event, input, rendererIndexUrl, log))
  }
  return () => METHOD_NAMES.forEach((name) => ipcMain.removeHandler(name))
}
