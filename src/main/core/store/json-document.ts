/**
 * A lowdb adapter for one JSON document: reads parse and validate (a bad file is reported with
 * its name, line and field, never half-loaded); writes are atomic and fsync'd (lowdb's own
 * JSONFile/steno renames but does not fsync).
 */
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { ApiError } from '../../../shared/errors'
import { atomicWrite, readTextIfExists } from './files'

export class CorruptFileError extends ApiError {
  constructor(file: string, detail: string) {
    super('corrupt', `${file}: ${detail}`, { file })
  }
}

export class JsonDocument<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    readonly path: string,
    readonly label: string,
    readonly schema: S
  ) {}

  async read(): Promise<z.output<S> | null> {
    const text = await readTextIfExists(this.path)
    if (text === null) return null
    return parseDocument(text, this.label, this.schema)
  }

  async write(data: z.output<S>): Promise<void> {
    await atomicWrite(this.path, serialize(data))
  }
}

export function serialize(data: unknown): string {
  return JSON.stringify(data)
}

/**
 * Parse and validate a document. `quick`, when given, is a cheaper check that is at least as
 * strict as the schema: a document it accepts skips zod (see shard-check.ts).
 */
export function parseDocument<S extends z.ZodType>(text: string, label: string, schema: S, quick?: (raw: unknown) => boolean): z.output<S> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new CorruptFileError(label, `not valid JSON (${describeJsonError(text, e)})`)
  }
  if (quick?.(raw)) return raw as z.output<S>
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CorruptFileError(label, `field ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  return parsed.data
}

/** "line 3, column 14: Unexpected token" from V8's JSON.parse message. */
function describeJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const pos = /position (\d+)/.exec(message)
  if (text.trim() === '') return 'the file is empty'
  if (!pos) return /end of JSON/i.test(message) ? 'the file ends early: truncated' : message.split('\n')[0]
  const at = Number(pos[1])
  let line = 1
  let col = 1
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      col = 1
    } else col++
  }
  return `line ${line}, column ${col}: ${message.replace(/\s*in JSON at position \d+.*$/s, '').split('\n')[0]}`
}
