/**
 * The rules behind the Electron guards, run as plain functions: which URL is the app's own page,
 * what the renderer may load, which IPC sender is answered, and the window settings themselves.
 */
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../shared/api'
import type { Handlers } from './core/dispatch'
import { handleInvoke, senderRefusal } from './ipc-guard'
import { isAllowedRequestUrl, isAppUrl, rendererDirUrl, secureWebPreferences } from './security-policy'

const APP = 'file:///opt/Capwatch/resources/app/out/renderer/index.html'

describe('secureWebPreferences', () => {
  it('turns on every isolation and turns off every way to Node', () => {
    expect(secureWebPreferences('/opt/Capwatch/out/preload/index.cjs')).toEqual({
      preload: '/opt/Capwatch/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false
    })
  })
})

describe('isAppUrl: only the renderer’s own index.html counts as the app', () => {
  it('accepts the page, with any query or fragment', () => {
    expect(isAppUrl(APP, APP)).toBe(true)
    expect(isAppUrl(`${APP}#/events`, APP)).toBe(true)
    expect(isAppUrl(`${APP}?x=1`, APP)).toBe(true)
  })

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['plain http on the same path', 'http://opt/Capwatch/resources/app/out/renderer/index.html'],
    ['another local file', 'file:///home/analyst/Downloads/evil.html'],
    ['a sibling file', 'file:///opt/Capwatch/resources/app/out/renderer/other.html'],
    ['the same path on a network share', 'file://fileserver/opt/Capwatch/resources/app/out/renderer/index.html'],
    ['a path that climbs back in', 'file:///tmp/../opt/Capwatch/resources/app/out/renderer/x/..%2findex.html'],
    ['an encoded slash', 'file:///opt/Capwatch/resources/app/out%2frenderer/index.html'],
    ['a data: page', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['an empty string', ''],
    ['not a URL', 'index.html']
  ])('refuses %s', (_why, url) => {
    expect(isAppUrl(url, APP)).toBe(false)
  })
})

describe('isAllowedRequestUrl: the renderer loads its own files and nothing else', () => {
  it('allows files inside the renderer folder, and data:/blob: the page made', () => {
    expect(rendererDirUrl(APP)).toBe('file:///opt/Capwatch/resources/app/out/renderer/')
    for (const url of [APP, 'file:///opt/Capwatch/resources/app/out/renderer/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:file:///1234-5678']) {
      expect(isAllowedRequestUrl(url, APP), url).toBe(true)
    }
  })

  it.each([
    'https://cdn.example/lib.js',
    'http://127.0.0.1:8080/api',
    'ws://127.0.0.1:9222/devtools',
    'file:///etc/passwd',
    'file:///opt/Capwatch/resources/app/out/renderer/../main/index.js',
    'file:///opt/Capwatch/resources/app/out/renderer/%2e%2e/main/index.js',
    'file:///opt/Capwatch/resources/app/out/renderer/assets/..%2f..%2fmain%2findex.js',
    'file:///opt/Capwatch/resources/app/out/renderer-evil/x.js',
    'file://fileserver/opt/Capwatch/resources/app/out/renderer/x.js',
    'ftp://example.com/x',
    'not a url'
  ])('refuses %s', (url) => {
    expect(isAllowedRequestUrl(url, APP)).toBe(false)
  })
})

describe('the IPC guard', () => {
  const handlers = Object.fromEntries(METHOD_NAMES.map((n) => [n, () => ({ reached: n })])) as unknown as Handlers
  const top = (url: string) => ({ senderFrame: { url, parent: null } })

  it('answers the app’s top frame through dispatch', async () => {
    expect(senderRefusal(top(APP), APP)).toBeNull()
    expect(await handleInvoke(handlers, 'app:info', top(APP), undefined, APP, () => {})).toEqual({ ok: true, value: { reached: 'app:info' } })
  })

  it('refuses subframes, foreign pages, gone frames and odd events, and logs why', async () => {
    const log: string[] = []
    const strangers: unknown[] = [
      { senderFrame: { url: APP, parent: { url: APP } } },
      top('https://evil.example/'),
      top('file:///home/analyst/evil.html'),
      { senderFrame: null },
      {},
      { senderFrame: { url: 42, parent: null } },
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed')
        }
      }
    ]
    for (const event of strangers) {
      const res = await handleInvoke(handlers, 'events:delete', event as never, { ids: ['x'] }, APP, (l) => log.push(l))
      expect(res).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Call refused: not from the Capwatch window' } })
    }
    expect(log).toHaveLength(strangers.length)
    expect(log.every((l) => l.startsWith('ipc: refused events:delete: '))).toBe(true)
  })
})
