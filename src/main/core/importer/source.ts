/**
 * Turning an import source into text. A path is read only when the adapter allows it (the CLI: the
 * user typed it; the desktop: the user picked it in the native dialog; the browser host: never,
 * the page uploads the file's text), so a page can't make the host read arbitrary local files.
 */
import { basename } from 'node:path'
import type { ImportSource } from '../../../shared/market'
import { ApiError } from '../../../shared/errors'
import { isAscii, isUtf8 } from 'node:buffer'
import { decodeBytes, encodingLabel, sniff, type DecodedText } from '../../../shared/encoding'
import type { AdapterHooks } from '../handlers'
import { HEAD_CHARS } from './detect'
import { openRegularFile, readWhole } from '../store/regular-file'

/**
 * The largest source file read: 500 MiB. V8 strings stop near 512 M characters, so a bigger file
 * could not be held as text at all; a 1,000,000-row price CSV is 50-70 MB. The limit also stops
 * a path to an endless source (/dev/zero, a pipe: refused by openRegularFile) or one that keeps
 * growing from being read until memory runs out.
 */
export const MAX_BYTES = 500 * 1024 * 1024

export interface SourceText {
  name: string
  text: string
  encoding: string
  /** Size of the whole file (bytes for a path, characters for text). */
  size: number
  /** True when `text` is only the head of the file. */
  partial: boolean
}

/** The source's text; `headOnly` reads just enough of a path to inspect it. */
export async function readSource(source: ImportSource, hooks: AdapterHooks, headOnly = false): Promise<SourceText> {
  if (source.kind === 'text') {
    // The page decoded the file itself; a BOM it left in is not part of the header's first name.
    const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text
    return { name: source.name, text, encoding: 'utf-8', size: text.length, partial: false }
  }
  if (source.kind === 'upload') return readUpload(source, hooks, headOnly)
  const path = source.path
  const name = basename(path)
  if (!hooks.allowPath(path)) {
    throw new ApiError(
      'unavailable',
      hooks.name === 'browser'
        ? `${name}: this page cannot read files by path; choose the file with the file picker so its contents are uploaded`
        : `${name}: only a file picked in the open dialog can be imported`,
      { file: name }
    )
  }
  const file = await openRegularFile(path, name, MAX_BYTES).catch((e: unknown) => {
    throw ioError(e, name)
  })
  // Everything below reads from the handle that was checked, so the path cannot be swapped for a
  // pipe or a device in between.
  try {
    // UTF-16 takes two bytes per character, so twice the characters' worth of bytes is always enough.
    const headBytes = HEAD_CHARS * 2
    if (headOnly && file.size > headBytes) {
      const buf = Buffer.alloc(headBytes)
      const { bytesRead } = await file.fh.read(buf, 0, headBytes, 0)
      const d = decodeBytes(buf.subarray(0, bytesRead), { partial: true })
      return { name, text: d.text, encoding: encodingLabel(d), size: file.size, partial: true }
    }
    const bytes = await readWhole(file, name).catch((e: unknown) => {
      throw ioError(e, name)
    })
    const d = decodeFile(bytes)
    return { name, text: d.text, encoding: encodingLabel(d), size: file.size, partial: false }
  } finally {
    await file.fh.close()
  }
}

/** Bytes the browser uploaded to the host: decoded here, like a file's, whatever their encoding. */
function readUpload(source: { id: string; name: string }, hooks: AdapterHooks, headOnly: boolean): SourceText {
  const upload = hooks.readUpload?.(source.id)
  if (!upload) {
    throw new ApiError('not_found', `${source.name}: the uploaded file is no longer here (uploads are kept briefly); choose it again`, {
      file: source.name
    })
  }
  const bytes = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength)
  const headBytes = HEAD_CHARS * 2
  if (headOnly && bytes.length > headBytes) {
    const d = decodeBytes(bytes.subarray(0, headBytes), { partial: true })
    return { name: source.name, text: d.text, encoding: encodingLabel(d), size: bytes.length, partial: true }
  }
  const d = decodeFile(bytes)
  return { name: source.name, text: d.text, encoding: encodingLabel(d), size: bytes.length, partial: false }
}

/**
 * decodeBytes, with Node's native checks first: validating and converting a 60 MB ASCII or UTF-8
 * file this way takes a fraction of TextDecoder's time, and the result is the same text.
 */
function decodeFile(bytes: Buffer): DecodedText {
  const { encoding, bom, start } = sniff(bytes)
  if (encoding === 'utf-8') {
    const body = bytes.subarray(start)
    if (isAscii(body)) return { text: body.toString('latin1'), encoding, bom }
    if (isUtf8(body)) return { text: body.toString('utf8'), encoding, bom }
  }
  return decodeBytes(bytes)
}

function ioError(e: unknown, name: string): ApiError {
  if (e instanceof ApiError) return e
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new ApiError('invalid_input', `${name}: no such file`, { file: name })
  if (code === 'EACCES' || code === 'EPERM') return new ApiError('invalid_input', `${name}: permission denied`, { file: name })
  if (code === 'EISDIR') return new ApiError('invalid_input', `${name} is a folder, not a file`, { file: name })
  return new ApiError('io', `${name}: could not read (${e instanceof Error ? e.message : String(e)})`, { file: name })
}
