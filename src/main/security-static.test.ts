/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), checked over the
 * sources, no Electron binary needed: each test starts with the numbers of the checklist items it
 * holds the code to. The sources are parsed with TypeScript, so a check follows the code's
 * structure, not its formatting. Items 11-12 (<webview> options) do not apply: the app has no
 * webview and refuses to attach one; item 19 (fuses) belongs to packaging, which this repo has not.
 */
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { CONTENT_SECURITY_POLICY } from './csp'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const texts = new Map<string, string>()
const read = (rel: string): string => {
  if (!texts.has(rel)) texts.set(rel, readFileSync(join(ROOT, rel), 'utf8'))
  return texts.get(rel)!
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`
    if (e.isDirectory()) return sourceFiles(rel)
    return /\.(ts|tsx|mjs|js|cjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [rel] : []
  })
}
/** The app's code as shipped (tests excluded: they name the forbidden things on purpose). */
const MAIN = sourceFiles('src/main')
const ALL = [...MAIN, ...sourceFiles('src/preload'), ...sourceFiles('src/renderer'), ...sourceFiles('src/shared')]

const parsed = new Map<string, ts.SourceFile>()
function parse(rel: string): ts.SourceFile {
  if (!parsed.has(rel)) parsed.set(rel, ts.createSourceFile(rel, read(rel), ts.ScriptTarget.Latest, true, rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS))
  return parsed.get(rel)!
}
function nodes(file: ts.SourceFile, pred: (n: ts.Node) => boolean): ts.Node[] {
  const out: ts.Node[] = []
  const walk = (n: ts.Node) => {
    if (pred(n)) out.push(n)
    n.forEachChild(walk)
  }
  walk(file)
  return out
}
/** Calls like `ipcMain.handle(…)`: receiver and method names. */
const isCall = (n: ts.Node, receiver: string | null, method: string): n is ts.CallExpression =>
  ts.isCallExpression(n) &&
  ts.isPropertyAccessExpression(n.expression) &&
  n.expression.name.text === method &&
  (receiver === null || n.expression.expression.getText() === receiver)
const where = (n: ts.Node) => `${n.getSourceFile().fileName}:${n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1}`

/** Property assignments `key: value` anywhere in a file, as [key, value text]. */
function properties(rel: string): [string, string, ts.Node][] {
  return nodes(parse(rel), ts.isPropertyAssignment).map((n) => {
    const p = n as ts.PropertyAssignment
    return [p.name.getText().replace(/['"]/g, ''), p.initializer.getText(), p]
  })
}

describe('Electron security checklist, over the sources', () => {
  it('2-4: every window is created with secureWebPreferences: context isolation, sandbox, no Node', () => {
    const windows = MAIN.flatMap((rel) =>
      nodes(parse(rel), (n) => ts.isNewExpression(n) && /^(BrowserWindow|BrowserView|WebContentsView)$/.test(n.expression.getText()))
    )
    expect(windows.length, 'the app opens at least one window').toBeGreaterThan(0)
    for (const w of windows) {
      const prefs = nodes(w.getSourceFile(), (n) => ts.isPropertyAssignment(n) && n.name.getText() === 'webPreferences' && n.pos >= w.pos && n.end <= w.end)
      expect(prefs.map((p) => (p as ts.PropertyAssignment).initializer.getText()), where(w)).toEqual([expect.stringMatching(/^secureWebPreferences\(/)])
    }
    const prefs = Object.fromEntries(properties('src/main/security-policy.ts').map(([k, v]) => [k, v]))
    expect(prefs).toMatchObject({
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      webviewTag: 'false'
    })
  })

  it('2-4, 6, 8-10: nothing anywhere turns a protection off', () => {
    const unsafe: Record<string, RegExp> = {
      contextIsolation: /^false$/,
      sandbox: /^false$/,
      nodeIntegration: /^true$/,
      nodeIntegrationInWorker: /^true$/,
      nodeIntegrationInSubFrames: /^true$/,
      webSecurity: /^false$/,
      allowRunningInsecureContent: /^true$/,
      experimentalFeatures: /^true$/,
      webviewTag: /^true$/,
      enableBlinkFeatures: /./
    }
    const found = ALL.flatMap((rel) => properties(rel).filter(([k, v]) => unsafe[k]?.test(v)).map(([k, v, n]) => `${where(n)} ${k}: ${v}`))
    expect(found).toEqual([])
    expect(ALL.filter((rel) => /appendSwitch\(\s*['"](disable-web-security|no-sandbox|ignore-certificate-errors)/.test(read(rel)))).toEqual([])
  })

  it('7: a CSP is in index.html and sent as a header, the same policy, with no remote or inline script', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('src/renderer/index.html'))
    expect(meta, 'index.html carries a CSP meta tag').not.toBeNull()
    const directives = (csp: string) => csp.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean).sort()
    // frame-ancestors has no effect in a meta tag, so only the header carries it.
    expect(directives(meta![1])).toEqual(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')))
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'none'(;|$)/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )script-src 'self'(;|$)/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )connect-src 'self'(;|$)/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )object-src 'none'(;|$)/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(read('src/main/security.ts')).toMatch(/onHeadersReceived\([\s\S]*'Content-Security-Policy': \[CONTENT_SECURITY_POLICY\]/)
    expect(read('src/main/host/server.ts')).toMatch(/setHeader\('Content-Security-Policy', CONTENT_SECURITY_POLICY\)/)
  })

  it('5: permission requests and checks are denied', () => {
    const file = parse('src/main/security.ts')
    const request = nodes(file, (n) => isCall(n, null, 'setPermissionRequestHandler'))
    expect(request.map((n) => (n as ts.CallExpression).arguments[0].getText())).toEqual(['(_wc, _permission, callback) => callback(false)'])
    const check = nodes(file, (n) => isCall(n, null, 'setPermissionCheckHandler'))
    expect(check.map((n) => (n as ts.CallExpression).arguments[0].getText())).toEqual(['() => false'])
    const devices = nodes(file, (n) => isCall(n, null, 'setDevicePermissionHandler'))
    expect(devices.map((n) => (n as ts.CallExpression).arguments[0].getText())).toEqual(['() => false'])
  })

  it('12-14: navigation and new windows are denied, webviews never attach', () => {
    const src = read('src/main/security.ts')
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(src, event).toMatch(new RegExp(`on\\('${event}', \\(event\\) => \\{\\s*if \\(!isAppUrl\\(event\\.url, rendererIndexUrl\\)\\) event\\.preventDefault\\(\\)`))
    }
    expect(src).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/)
    expect(src).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/)
    // …applied to every web contents, before the window exists.
    expect(src).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => guardContents\(contents, rendererIndexUrl\)\)/)
    const index = read('src/main/index.ts')
    expect(index.indexOf('applySecurity(rendererIndexUrl)')).toBeGreaterThan(0)
    expect(index.indexOf('applySecurity(rendererIndexUrl)')).toBeLessThan(index.indexOf('mainWindow = createWindow()'))
    const others = ALL.flatMap((rel) => nodes(parse(rel), (n) => isCall(n, null, 'setWindowOpenHandler')).map(where))
    expect(others).toEqual([expect.stringMatching(/^src\/main\/security\.ts:/)])
  })

  it('15: no shell.openExternal (nor any shell use) anywhere', () => {
    const hits = ALL.filter((rel) => /openExternal|openPath\(/.test(read(rel)))
    expect(hits).toEqual([])
    const shellImports = ALL.flatMap((rel) =>
      nodes(parse(rel), (n) => ts.isImportSpecifier(n) && n.name.text === 'shell' && n.parent.parent.parent.getText().includes("'electron'")).map(where)
    )
    expect(shellImports).toEqual([])
  })

  it('17: every IPC handler goes through the sender check', () => {
    const ipcUses = ALL.flatMap((rel) => nodes(parse(rel), (n) => ts.isPropertyAccessExpression(n) && n.expression.getText() === 'ipcMain').map(where))
    expect(ipcUses.every((w) => w.startsWith('src/main/ipc.ts:')), ipcUses.join(', ')).toBe(true)
    const ipc = parse('src/main/ipc.ts')
    const registrations = nodes(ipc, (n) => ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText() === 'ipcMain')
    const kinds = registrations.map((n) => ((n as ts.CallExpression).expression as ts.PropertyAccessExpression).name.text)
    expect(kinds.filter((k) => k !== 'removeHandler')).toEqual(['handle'])
    const handle = registrations.find((n) => isCall(n, 'ipcMain', 'handle')) as ts.CallExpression
    expect(handle.arguments[1].getText()).toMatch(/^\(event, input: unknown\) => handleInvoke\(handlers, name, event, input, rendererIndexUrl, log\)$/)
    expect(read('src/main/ipc-guard.ts')).toMatch(/refusal = senderRefusal\(event, rendererIndexUrl\)[\s\S]*if \(refusal\) \{[\s\S]*return \{ ok: false[\s\S]*return dispatch\(/)
  })

  it('20: the preload exposes one bridge, built from the contract, never ipcRenderer or a generic invoke', () => {
    const preload = parse('src/preload/index.ts')
    const exposures = nodes(preload, (n) => isCall(n, 'contextBridge', 'exposeInMainWorld'))
    expect(exposures.map((n) => (n as ts.CallExpression).arguments.map((a) => a.getText()))).toEqual([["'capwatch'", 'bridge']])
    const invokes = nodes(preload, (n) => isCall(n, 'ipcRenderer', 'invoke')) as ts.CallExpression[]
    // The channel is always the method's own name from METHOD_NAMES, closed over, never an argument.
    expect(invokes.map((c) => c.getText())).toEqual(['ipcRenderer.invoke(name, input)'])
    expect(invokes[0].parent.getText()).toBe('(input: unknown) => ipcRenderer.invoke(name, input)')
    expect(read('src/preload/index.ts')).toMatch(/METHOD_NAMES\.map\(\(name\) => \[name, \(input: unknown\) => ipcRenderer\.invoke\(name, input\)\]\)/)
    // ipcRenderer appears only as a callee, never as a value handed to the page.
    const bareUses = nodes(preload, (n) => ts.isIdentifier(n) && n.text === 'ipcRenderer' && !ts.isPropertyAccessExpression(n.parent) && !ts.isImportSpecifier(n.parent))
    expect(bareUses.map(where)).toEqual([])
  })

  it('the sandboxed preload is bundled as one CommonJS file, and that is the file the window loads', () => {
    expect(read('electron.vite.config.ts')).toMatch(/preload:[\s\S]*format: 'cjs', entryFileNames: '\[name\]\.cjs'/)
    expect(read('src/main/index.ts')).toMatch(/preloadPath = join\(here, '\.\.', 'preload', 'index\.cjs'\)/)
  })

  it('1, 18: the app loads its own page from disk, nothing remote, and no file outside its folder', () => {
    const loads = ALL.flatMap((rel) => nodes(parse(rel), (n) => isCall(n, null, 'loadURL')).map(where))
    expect(loads).toEqual([])
    expect(read('src/main/index.ts')).toMatch(/win\.loadFile\(rendererIndex\)/)
    expect(read('src/main/security.ts')).toMatch(/onBeforeRequest\([\s\S]*cancel: !isAllowedRequestUrl\(details\.url, rendererIndexUrl\)/)
    expect(ALL.filter((rel) => /@electron\/remote|enableRemoteModule/.test(read(rel)))).toEqual([])
  })

  it('16: Electron is current (>= 45) and pinned to an exact version, the one installed', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
    const pinned = pkg.devDependencies?.electron ?? pkg.dependencies?.electron
    expect(pinned, 'electron is a dependency').toBeDefined()
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Number(pinned!.split('.')[0])).toBeGreaterThanOrEqual(45)
    expect(JSON.parse(read('node_modules/electron/package.json')).version).toBe(pinned)
  })

  it('the renderer reaches neither Electron nor Node', () => {
    const renderer = ALL.filter((rel) => rel.startsWith('src/renderer/'))
    const bad = renderer.flatMap((rel) =>
      nodes(parse(rel), (n) => ts.isImportDeclaration(n) && /^['"](electron|node:.*|fs|child_process)['"]$/.test(n.moduleSpecifier.getText())).map(where)
    )
    expect(bad).toEqual([])
    expect(renderer.filter((rel) => /\brequire\(/.test(read(rel)))).toEqual([])
  })
})
