/**
 * Progress of long-running imports, polled by the wizard's progress bar (`jobs:progress`). The
 * caller names the job (a random id it made), so it can poll from the moment it sends the
 * request. Finished jobs stay readable for a while so a last poll still sees "done".
 */
import type { JobProgress } from '../../../shared/market'

const KEEP = 50

export class Jobs {
  private readonly jobs = new Map<string, JobProgress>()

  /** Progress reporter for one job; a no-op when the caller gave no job id. */
  track(jobId: string | undefined): JobTracker {
    if (!jobId) return NO_JOB
    const job: JobProgress = { jobId, phase: 'starting', done: 0, total: 0 }
    this.jobs.delete(jobId)
    this.jobs.set(jobId, job)
    // Maps iterate in insertion order: the first key is the oldest job.
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value as string)
    return {
      phase(phase, total = 0) {
        job.phase = phase
        job.done = 0
        job.total = total
      },
      progress(done, total) {
        job.done = done
        if (total !== undefined) job.total = total
      },
      finish(error) {
        job.phase = error ? 'failed' : 'done'
        if (error) job.message = error
        else job.done = job.total
      }
    }
  }

  get(jobId: string): JobProgress | null {
    const job = this.jobs.get(jobId)
    return job ? { ...job } : null
  }
}

export interface JobTracker {
  phase(phase: string, total?: number): void
  progress(done: number, total?: number): void
  finish(error?: string): void
}

const NO_JOB: JobTracker = { phase() {}, progress() {}, finish() {} }
