/**
 * The import wizard: file -> inspect -> mapping (with the first rows) -> dry run -> commit.
 * Nothing is written before the user presses Import, and the commit is all or nothing (the
 * core applies the dry run it computed, identified by its previewId).
 */
import { useState } from 'react'
import { api, platform, type PickedFile } from '../../../api/client'
import { useCommands } from '../../../app/commands'
import type { ImportDryRun, ImportInspection, ImportResult } from '../../../../../shared/market'
import { ErrorNote } from '../shared/ErrorNote'
import { count } from '../shared/format'
import { plural } from '../../../components/format'
import { FileStep } from './FileStep'
import { MappingStep } from './MappingStep'
import { DryRunStep, TickerCounts } from './DryRunStep'
import { draftFromInspection, mappingProblems, toMapping, type MappingDraft } from './mapping'
import { useJob } from './useJob'
import { ProgressBar } from './ProgressBar'

type Step = 'file' | 'mapping' | 'dryrun' | 'done'
const STEPS: { id: Step; label: string }[] = [
  { id: 'file', label: 'File' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'dryrun', label: 'Dry run' },
  { id: 'done', label: 'Imported' }
]

/** Inspection needs only the head of a file: send at most this much of a text source. */
const INSPECT_BYTES = 1 << 20

/**
 * Inspect a picked file. A text source is cut to its first megabyte (at a line end): serialising
 * and uploading a whole 1M-row file just to read its header would freeze the page for nothing.
 * The row estimate is scaled back up to the whole file.
 */
async function inspectHead(picked: PickedFile): Promise<ImportInspection> {
  const src = picked.source
  if (src.kind !== 'text' || src.text.length <= INSPECT_BYTES) return api['import:inspect']({ source: src })
  const head = src.text.slice(0, src.text.lastIndexOf('\n', INSPECT_BYTES) + 1 || INSPECT_BYTES)
  const ins = await api['import:inspect']({ source: { ...src, text: head } })
  return { ...ins, approxRows: Math.round((ins.approxRows * src.text.length) / head.length) }
}

export function ImportWizard({ onImported }: { onImported: () => void }) {
  const [step, setStep] = useState<Step>('file')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [inspection, setInspection] = useState<ImportInspection | null>(null)
  const [draft, setDraft] = useState<MappingDraft | null>(null)
  const [dryRun, setDryRun] = useState<ImportDryRun | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const { job, run } = useJob()
  const busy = job !== null

  const reset = () => {
    setStep('file')
    setFile(null)
    setInspection(null)
    setDraft(null)
    setDryRun(null)
    setResult(null)
    setError(null)
  }

  const inspect = async (picked: PickedFile) => {
    reset()
    setFile(picked)
    try {
      const ins = await run('Reading the file', () => inspectHead(picked))
      setInspection(ins)
      setDraft(draftFromInspection(ins))
      setStep('mapping')
    } catch (e) {
      setError(e)
    }
  }

  const preview = async () => {
    if (!file || !draft) return
    setError(null)
    try {
      const dr = await run('Checking every row (dry run)', (jobId) =>
        api['import:preview']({ source: file.source, mapping: toMapping(draft), jobId })
      )
      setDryRun(dr)
      setStep('dryrun')
    } catch (e) {
      setError(e)
    }
  }

  const commit = async () => {
    if (!dryRun) return
    setError(null)
    try {
      const res = await run('Importing', (jobId) => api['import:commit']({ previewId: dryRun.previewId, skipRejected: dryRun.totals.rejected > 0, jobId }))
      setResult(res)
      setStep('done')
      onImported()
    } catch (e) {
      setError(e)
    }
  }

  // The desktop menu's "Import prices…" lands here: open the native dialog straight away.
  useCommands(['import'], () => {
    if (busy) return
    void platform.pickFile().then((picked) => picked && inspect(picked), setError)
  })

  const problems = inspection && draft ? mappingProblems(draft, inspection.header) : []
  const stepIndex = STEPS.findIndex((s) => s.id === step)

  return (
    <section className="md-card md-wizard" aria-label="Import prices">
      <header className="md-card-head">
        <h3>Import prices</h3>
        <ol className="md-steps" aria-label="Import steps">
          {STEPS.map((s, i) => (
            <li key={s.id} aria-current={s.id === step ? 'step' : undefined} className={i < stepIndex ? 'md-step-done' : undefined}>
              {s.label}
            </li>
          ))}
        </ol>
      </header>

      {file && step !== 'file' && (
        <p className="md-file">
          File: <strong>{file.name}</strong> ({count(file.bytes)} bytes){' '}
          <button type="button" className="btn btn-link" onClick={reset} disabled={busy}>
            Choose another file
          </button>
        </p>
      )}

      {step === 'file' && <FileStep onPicked={inspect} disabled={busy} />}

      {step === 'mapping' && inspection && draft && (
        <>
          <MappingStep inspection={inspection} draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
          {problems.length > 0 && (
            <ul className="md-problems" aria-label="Mapping problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="md-actions">
            <button type="button" className="btn btn-primary" disabled={busy || problems.length > 0} onClick={preview}>
              Dry run
            </button>
          </div>
        </>
      )}

      {step === 'dryrun' && dryRun && (
        <>
          <DryRunStep dryRun={dryRun} />
          <div className="md-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => setStep('mapping')}>
              Back to mapping
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || dryRun.totals.new + dryRun.totals.replaced === 0} onClick={commit}>
              Import {plural(dryRun.totals.new + dryRun.totals.replaced, 'row')}
              {dryRun.totals.rejected > 0 && `, skip ${count(dryRun.totals.rejected)} rejected`}
            </button>
            {dryRun.totals.rejected > 0 && (
              <span className="md-hint">
                The {count(dryRun.totals.rejected)} rejected {dryRun.totals.rejected === 1 ? 'row is' : 'rows are'} left out; everything else is written in one step, or nothing is.
              </span>
            )}
          </div>
        </>
      )}

      {step === 'done' && result && (
        <div className="md-done" role="status">
          <p>
            Imported {count(result.totals.new)} new and {count(result.totals.replaced)} replaced rows
            {result.totals.unchanged ? `; ${count(result.totals.unchanged)} were already there` : ''}.
            {result.totals.rejected > 0 && ` ${count(result.totals.rejected)} rejected ${result.totals.rejected === 1 ? 'row was' : 'rows were'} left out.`}
            {result.createdCompanies.length > 0 && <> Created companies: {result.createdCompanies.join(', ')} (rename them on the Companies screen).</>}
          </p>
          <TickerCounts tickers={result.tickers} done />
          {/* Prices alone draw no market cap: the next step is easy to miss. */}
          <p className="md-hint">A market cap is close × shares outstanding: for a ticker without a share schedule, set one in the Share schedule card below.</p>
          <div className="md-actions">
            <button type="button" className="btn" onClick={reset}>
              Import another file
            </button>
          </div>
        </div>
      )}

      {job && <ProgressBar job={job} />}
      <ErrorNote error={error} title="Import failed" />
    </section>
  )
}
