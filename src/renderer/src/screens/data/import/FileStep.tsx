/**
 * Step 1 of the import wizard: choose a file, or drop one. On the desktop the native dialog picks
 * a path the main process reads; in the browser the page reads the file and uploads its text.
 */
import { useState, type DragEvent } from 'react'
import { fileToPicked, platform, type PickedFile } from '../../../api/client'

const ACCEPT = '.csv,.txt,.tsv'

export function FileStep({ onPicked, disabled }: { onPicked: (file: PickedFile) => void; disabled: boolean }) {
  const [over, setOver] = useState(false)

  const takeFile = async (file: File | undefined) => {
    if (file) onPicked(await fileToPicked(file))
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    if (!disabled) void takeFile(e.dataTransfer.files[0])
  }

  return (
    <div
      className={`md-drop${over ? ' md-drop-over' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>Drop a CSV of daily prices here (Yahoo Finance exports and similar), or</p>
      {platform.kind === 'desktop' ? (
        <button
          type="button"
          className="btn"
          disabled={disabled}
          onClick={async () => {
            const picked = await platform.pickFile(ACCEPT)
            if (picked) onPicked(picked)
          }}
        >
          Choose a price file…
        </button>
      ) : (
        <label className={`btn btn-primary${disabled ? ' md-disabled' : ''}`}>
          Choose a price file…
          <input
            className="md-visually-hidden"
            type="file"
            accept={ACCEPT}
            disabled={disabled}
            onChange={(e) => {
              const file = e.target.files?.[0]
              // Reset so picking the same file again (a re-import) fires change again.
              e.target.value = ''
              void takeFile(file)
            }}
          />
        </label>
      )}
      <p className="md-hint">Columns are matched by their header names; you confirm the mapping and see a dry run before anything is written.</p>
    </div>
  )
}
