/**
 * Every Electron security guard in one place, applied once at start (Electron's security
 * checklist; Actual Budget's security.ts). Each guard is here because a page we did not write
 * must never get a foothold: the renderer shows analysts' own text, which may contain links.
 */
import { app, session, type WebContents, type WebPreferences } from 'electron'
import { CONTENT_SECURITY_POLICY } from './csp'

/** The only webPreferences a Capwatch window is ever created with. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true, // the page cannot reach the preload's scope or Electron internals
    sandbox: true, // the renderer is an ordinary sandboxed Chromium process
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false
  }
}

/** True for a URL of the app's own renderer (loaded from disk). */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const u = new URL(url)
    const app_ = new URL(rendererIndexUrl)
    return u.protocol === 'file:' && u.pathname === app_.pathname
  } catch {
    return false
  }
}

export function applySecurity(rendererIndexUrl: string): void {
  const ses = session.defaultSession

  // No camera, microphone, notifications, geolocation… the workbench needs none.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)

  // The CSP as a header as well as the page's meta tag, so it also covers anything loaded later.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })

  // Offline and private: the app never talks to the network; refuse anything that is not a local file.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:')
    callback({ cancel: !ok })
  })

  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererIndexUrl))
}

function guardContents(contents: WebContents, rendererIndexUrl: string): void {
  // Navigation away from the app (a dropped file, a link in a note) is refused.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererIndexUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, rendererIndexUrl)) event.preventDefault()
  })
  // No new windows. Links are never handed to shell.openExternal: a note's URL is untrusted text.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
