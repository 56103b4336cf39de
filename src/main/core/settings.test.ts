/**
 * Workspace settings: the reporting currency and impact windows the analysis uses, and the
 * table layout the renderer saves one key at a time.
 */
import { describe, expect, it } from 'vitest'
import { openWorkspace } from './test-workspace'

describe('settings', () => {
  it('starts with USD and the default impact windows', async () => {
    const ws = await openWorkspace()
    expect(await ws.api('settings:get', {})).toMatchObject({
      reportingCurrency: 'USD',
      windows: [
        { a: -1, b: 1 },
        { a: 0, b: 5 },
        { a: -5, b: 20 }
      ],
      ui: {}
    })
  })

  it('merges layout keys saved one at a time instead of replacing them, and keeps them', async () => {
    const ws = await openWorkspace()
    await ws.api('settings:update', { patch: { ui: { 'events.columnOrder': ['date', 'title'] } } })
    await ws.api('settings:update', { patch: { ui: { 'events.columnWidths': { title: 320 } } } })
    const s = await ws.api('settings:update', { patch: { ui: { 'events.columnOrder': ['title', 'date'] } } })
    expect(s.ui).toEqual({ 'events.columnOrder': ['title', 'date'], 'events.columnWidths': { title: 320 } })
    expect(s.windows).toHaveLength(3) // untouched by a layout update
    expect((await (await ws.reopen()).api('settings:get', {})).ui).toEqual(s.ui)
  })

  it('refuses layout state grown past its cap, also when it grows a key at a time', async () => {
    const ws = await openWorkspace()
    const big = 'x'.repeat(100 * 1024)
    await ws.api('settings:update', { patch: { ui: { a: big } } })
    await ws.api('settings:update', { patch: { ui: { b: big } } })
    await expect(ws.api('settings:update', { patch: { ui: { c: big } } })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'ui' }] })
    expect(Object.keys((await ws.api('settings:get', {})).ui)).toEqual(['a', 'b'])
  })

  it('updates windows and currency, leaving the rest as it was', async () => {
    const ws = await openWorkspace()
    await ws.api('settings:update', { patch: { ui: { keep: true } } })
    const s = await ws.api('settings:update', { patch: { windows: [{ a: -2, b: 2 }], reportingCurrency: 'HKD' } })
    expect(s).toMatchObject({ windows: [{ a: -2, b: 2 }], reportingCurrency: 'HKD', ui: { keep: true } })
    expect(await (await ws.reopen()).api('settings:get', {})).toEqual(s)
  })

  it('refuses invalid windows, naming the problem, and changes nothing', async () => {
    const ws = await openWorkspace()
    const before = await ws.api('settings:get', {})
    await expect(ws.api('settings:update', { patch: { windows: [{ a: 5, b: -1 }] } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('window start must not be after its end')
    })
    await expect(ws.api('settings:update', { patch: { windows: [] } })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('windows') })
    await expect(ws.api('settings:update', { patch: { windows: [{ a: 0.5, b: 2 }] } })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(ws.api('settings:update', { patch: { reportingCurrency: 'dollars' } })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await ws.api('settings:get', {})).toEqual(before)
    expect(await (await ws.reopen()).api('settings:get', {})).toEqual(before)
  })
})
