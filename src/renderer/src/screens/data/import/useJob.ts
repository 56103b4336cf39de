/**
 * Run a long core call (dry run, commit) under a job id and poll its progress while it runs, so
 * the wizard can draw a progress bar. The call itself is one request; progress is read beside it
 * (jobs:progress), so the page never blocks on the import.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api/client'
import type { JobProgress } from '../../../../../shared/market'

const POLL_MS = 150

export interface JobState {
  /** What the running call is doing, as the user should read it ("Checking rows"). */
  label: string
  progress: JobProgress | null
}

export function useJob(): {
  job: JobState | null
  run: <T>(label: string, call: (jobId: string) => Promise<T>) => Promise<T>
} {
  const [job, setJob] = useState<JobState | null>(null)
  const alive = useRef(true)
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  const run = useCallback(async <T>(label: string, call: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = crypto.randomUUID()
    let running = true
    setJob({ label, progress: null })
    const poll = async () => {
      while (running && alive.current) {
        await new Promise((r) => setTimeout(r, POLL_MS))
        if (!running) break
        try {
          const progress = await api['jobs:progress']({ jobId })
          if (running && alive.current && progress) setJob({ label, progress })
        } catch {
          // Progress is a courtesy: a failed poll must not fail the import itself.
        }
      }
    }
    void poll()
    try {
      return await call(jobId)
    } finally {
      running = false
      if (alive.current) setJob(null)
    }
  }, [])

  return { job, run }
}
