/**
 * The bridge between the page and the main process. It exposes exactly the contract's methods
 * (one function per method, each bound to its own channel) and one menu subscription. No
 * ipcRenderer, no generic invoke(channel), no Node: the page can only make the calls we declared.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ApiBridge } from '../shared/api'
import { METHOD_NAMES } from '../shared/methods'
import { MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../shared/menu'
import type { CapwatchBridge } from '../shared/bridge'

const api = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])
) as ApiBridge

const bridge = {
  api,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    // The IPC event object stays here: the page only ever sees the command name.
    const wrapped = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand)
    }
    ipcRenderer.on(MENU_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, wrapped)
    }
  }
} satisfies CapwatchBridge

contextBridge.exposeInMainWorld('capwatch', bridge)
