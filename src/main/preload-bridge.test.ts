/**
 * What the preload hands the page (checklist item 20). The preload runs here against a recorder
 * standing in for Electron's contextBridge and ipcRenderer, so the test sees exactly what would
 * be exposed: one `capwatch` object with the contract's methods and the menu subscription.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../shared/api'
import { MENU_CHANNEL } from '../shared/menu'

const recorder = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, ((...args: unknown[]) => void)[]>()
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorder.exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      recorder.invoked.push(args)
      return Promise.resolve({ ok: true, value: null })
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => recorder.listeners.set(channel, [...(recorder.listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
      recorder.listeners.set(channel, (recorder.listeners.get(channel) ?? []).filter((f) => f !== fn))
  }
}))

interface Bridge {
  api: Record<string, (...args: unknown[]) => Promise<unknown>>
  onMenuCommand(listener: (command: unknown) => void): () => void
}
let bridge: Bridge

beforeAll(async () => {
  await import('../preload/index')
  bridge = recorder.exposed.get('capwatch') as Bridge
})

describe('the preload bridge', () => {
  it('exposes one object, `capwatch`, with the contract’s methods and onMenuCommand, nothing else', () => {
    expect([...recorder.exposed.keys()]).toEqual(['capwatch'])
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenuCommand'])
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort())
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function')
    for (const leak of ['ipcRenderer', 'invoke', 'send', 'on', 'require', 'process']) {
      expect(leak in bridge, leak).toBe(false)
      expect(leak in bridge.api, leak).toBe(false)
    }
  })

  it('binds each method to its own channel: the page cannot pick the channel', async () => {
    recorder.invoked.length = 0
    for (const name of METHOD_NAMES) await bridge.api[name]({ probe: name }, 'menu:command', 'extra')
    expect(recorder.invoked).toEqual(METHOD_NAMES.map((name) => [name, { probe: name }]))
  })

  it('passes menu commands to the page without the IPC event, and only known commands', () => {
    const got: unknown[] = []
    const unsubscribe = bridge.onMenuCommand((c) => got.push(c))
    const [listener] = recorder.listeners.get(MENU_CHANNEL)!
    const fakeEvent = { sender: { send: () => {} }, ports: [] }
    listener(fakeEvent, 'add-event')
    listener(fakeEvent, 'rm -rf')
    listener(fakeEvent, { toString: () => 'export' })
    listener(fakeEvent, 'export')
    expect(got).toEqual(['add-event', 'export'])
    unsubscribe()
    expect(recorder.listeners.get(MENU_CHANNEL)).toEqual([])
  })
})
