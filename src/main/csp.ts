/**
 * The renderer's Content-Security-Policy, the same in the desktop app (header on every response)
 * and the browser host. Scripts only from the app itself; no remote connections at all; inline
 * styles allowed because the chart library sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')
