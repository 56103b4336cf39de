/** A failure the analyst must see, with what to do next (retry or dismiss). */
import { errorText } from './error-text'

interface Props {
  error: unknown
  /** What was being attempted, e.g. "Could not load events". */
  title?: string
  onRetry?: () => void
  onDismiss?: () => void
}

export function ErrorBanner({ error, title, onRetry, onDismiss }: Props) {
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        {title && <strong>{title}: </strong>}
        {errorText(error)}
      </div>
      <div className="banner-actions">
        {onRetry && (
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Retry
          </button>
        )}
        {onDismiss && (
          <button type="button" className="btn btn-small btn-ghost" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        )}
      </div>
    </div>
  )
}
