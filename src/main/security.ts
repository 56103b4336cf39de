/**
 * Every Electron guard in one place, applied once at start (Electron's security checklist;
 * Actual Budget's security.ts). Each guard is here because a page we did not write must never get
 * a foothold: the renderer shows analysts' own text, which may contain links. The rules themselves
 * are pure functions in security-policy.ts.
 */
import { app, session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from './csp'
import { isAllowedRequestUrl, isAppUrl, secureWebPreferences } from './security-policy'

export { isAppUrl, secureWebPreferences }

export function applySecurity(rendererIndexUrl: string): void {
  const ses = session.defaultSession

  // No camera, microphone, notifications, geolocation, HID/USB/serial devices…: the workbench needs none.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)

  // The CSP as a header as well as the page's meta tag, so it also covers anything loaded later.
  ses.webRequest.onHeadersReceived((details, callback) => {
    // electronegativity-ok(CSP_GLOBAL_CHECK): the tool cannot read an imported constant; the policy is csp.ts's, the same as index.html's meta tag, which it parses (security-static.test.ts keeps the two equal).
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })

  // Offline and private: the app never talks to the network, and loads no file outside its own
  // renderer folder (`script-src 'self'` on a file: page would otherwise cover every local file).
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, rendererIndexUrl) })
  })

  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererIndexUrl))
}

function guardContents(contents: WebContents, rendererIndexUrl: string): void {
  // Navigation away from the app (a dropped file, a link in a note) is refused, in any frame.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault()
  })
  // No new windows. Links are never handed to the OS to open: a note's URL is untrusted text.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // The app has no <webview>; one injected into the page must not attach.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
