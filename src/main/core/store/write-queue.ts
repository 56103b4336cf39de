/**
 * Group commit. Every `commit()` joins the open batch; one batch is written at a time, and the
 * edits that arrive while it is being written form the next one. So a burst of edits costs one
 * transaction per batch, not one per edit, and each caller's promise resolves only once the batch
 * holding its edit is on disk.
 *
 * `exclusive(fn)` pauses writing (edits keep queueing in memory) while fn reads or replaces the
 * files: backups read a consistent snapshot, a restore swaps the files and reloads.
 */
import type { ApiError } from '../../../shared/errors'

interface Batch {
  promise: Promise<void>
  resolve: () => void
  reject: (e: unknown) => void
}

export interface BatchWriter {
  /** Write what is dirty now (the dirty set is taken synchronously, before the first await). */
  write(): Promise<void>
  /**
   * The write failed: make memory match the disk again (synchronously, so no edit slips in
   * between) and return the error to give every caller whose edit was dropped.
   */
  recover(e: unknown): ApiError
}

export class WriteQueue {
  private batch: Batch | null = null
  private running: Promise<void> | null = null
  private writing: Promise<void> | null = null
  private gate: Promise<void> | null = null
  /** Batches written since open (diagnostics; the group-commit test counts them). */
  written = 0

  constructor(private readonly writer: BatchWriter) {}

  commit(): Promise<void> {
    if (!this.batch) this.batch = newBatch()
    const { promise } = this.batch
    if (!this.running) this.running = this.drain()
    return promise
  }

  private async drain(): Promise<void> {
    // Let the edits of the same tick (a burst of requests) join this batch.
    await Promise.resolve()
    while (this.batch) {
      if (this.gate) {
        await this.gate
        continue
      }
      const batch = this.batch
      this.batch = null
      try {
        this.writing = this.writer.write()
        await this.writing
        this.written++
        batch.resolve()
      } catch (e) {
        // Recovery reloads the touched files, which also drops edits queued since this batch
        // began: their batch fails too, so no edit is acknowledged that memory no longer holds.
        let error: unknown = e
        try {
          error = this.writer.recover(e)
        } catch {
          // recovery itself failed: the callers still hear about the write's own error
        }
        batch.reject(error)
        this.rejectPending(error)
      } finally {
        this.writing = null
      }
    }
    this.running = null
  }

  /** Run fn with no write in flight and none starting; edits made meanwhile wait for the next batch. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.gate) await this.gate
    let open!: () => void
    this.gate = new Promise<void>((res) => (open = res))
    try {
      if (this.writing) await this.writing.catch(() => {})
      return await fn()
    } finally {
      this.gate = null
      open()
    }
  }

  /** Fail the edits waiting for the next batch (their changes were thrown away by a reload). */
  rejectPending(error: unknown): void {
    const pending = this.batch
    this.batch = null
    pending?.reject(error)
  }

  /** Resolves once nothing is being written, queued or paused. */
  async idle(): Promise<void> {
    while (this.running || this.gate) await (this.running ?? this.gate)
  }
}

function newBatch(): Batch {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
