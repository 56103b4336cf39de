import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** A short random id with a readable prefix (`ev-…`, `nt-…`): 50 bits, no look-alike letters. */
export function newId(prefix: string): string {
  const bytes = randomBytes(10)
  let s = ''
  for (let i = 0; i < 10; i++) s += ALPHABET[bytes[i] & 31]
  return `${prefix}-${s}`
}

/** A company id from its name: `Tencent Music` -> `tencent-music`, made unique by the caller. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  return s || 'company'
}
