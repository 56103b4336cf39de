/**
 * An error as the analyst should read it: the message, and where the problem is (file, line,
 * field) when the core said so. Unknown errors still show their message, never a blank panel.
 */
import { ApiError } from '../../../../../shared/errors'

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

export function ErrorNote({ error, title }: { error: unknown; title?: string }) {
  if (error == null) return null
  const issues = error instanceof ApiError ? (error.issues ?? []) : []
  const file = error instanceof ApiError ? error.file : undefined
  const unavailable = error instanceof ApiError && error.code === 'unavailable'
  return (
    <div className={`md-error${unavailable ? ' md-error-soft' : ''}`} role="alert">
      <strong>{title ?? (unavailable ? 'Not available' : 'Error')}:</strong> {errorText(error)}
      {file && <div className="md-error-file">File: {file}</div>}
      {issues.length > 0 && (
        <ul>
          {issues.slice(0, 20).map((i, k) => (
            <li key={k}>
              {i.line != null && <>line {i.line}, </>}
              {i.path && <code>{i.path}</code>}
              {i.path && ': '}
              {i.message}
            </li>
          ))}
          {issues.length > 20 && <li>… and {issues.length - 20} more</li>}
        </ul>
      )}
    </div>
  )
}
