/** "Are you sure?" for the few actions that cannot be undone. */
import { useState, type ReactNode } from 'react'
import { Dialog } from './Dialog'
import { errorText } from './error-text'

interface Props {
  title: string
  children: ReactNode
  confirmLabel: string
  /** Runs the action; a rejection is shown in the dialog and keeps it open. */
  onConfirm: () => Promise<void>
  onClose: () => void
  danger?: boolean
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      onClose()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={run}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </Dialog>
  )
}
