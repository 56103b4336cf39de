/**
 * The one error shape that crosses every boundary (IPC, HTTP, CLI). A caller can always tell a
 * bad request from a missing record from a broken disk, and show where the problem is.
 */
export type ApiErrorCode =
  | 'invalid_input' // the request did not match the contract's schema, or broke a domain rule
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'locked' // another process holds the data directory
  | 'unavailable' // the method exists but not on this adapter (e.g. a native dialog in the browser)
  | 'io' // the disk refused a read or a write
  | 'corrupt' // a file on disk failed to parse or validate
  | 'internal'

export interface ApiIssue {
  /** Where: a field path such as `title` or `sources.0`, or a CSV column name. */
  path: string
  message: string
  /** 1-based line of an input file, when the issue comes from one. */
  line?: number
}

export interface ApiErrorBody {
  code: ApiErrorCode
  message: string
  issues?: ApiIssue[]
  /** The file the problem is in, when there is one. */
  file?: string
}

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly issues?: ApiIssue[]
  readonly file?: string
  constructor(code: ApiErrorCode, message: string, extra: { issues?: ApiIssue[]; file?: string } = {}) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.issues = extra.issues
    this.file = extra.file
  }
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message }
    if (this.issues?.length) body.issues = this.issues
    if (this.file) body.file = this.file
    return body
  }
  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, { issues: body.issues, file: body.file })
  }
}

/** What every adapter sends back: a value, or an error body. Never a thrown stack trace. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }
