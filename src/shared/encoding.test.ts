/**
 * A file saved by any common tool decodes to the text its author saw, and says how it was read.
 */
import { describe, expect, it } from 'vitest'
import { decodeBytes } from './encoding'

const TEXT = 'Date,Clôture €\n2020-01-02,93.5\n'
// Written by hand (this folder is pure TypeScript: no Buffer): two bytes per UTF-16 code unit.
const utf16 = (s: string, bigEndian = false): Uint8Array => {
  const out = new Uint8Array(s.length * 2)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8
  }
  return out
}
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const cp1252 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0)))

describe('decoding a file', () => {
  it('UTF-8 with and without BOM', () => {
    expect(decodeBytes(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', bom: false })
    expect(decodeBytes(utf8('\uFEFF' + TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', bom: true })
  })

  it('UTF-16 by its BOM, and without one by its zero bytes', () => {
    expect(decodeBytes(utf16('\uFEFF' + TEXT))).toEqual({ text: TEXT, encoding: 'utf-16le', bom: true })
    expect(decodeBytes(utf16('\uFEFF' + TEXT, true))).toEqual({ text: TEXT, encoding: 'utf-16be', bom: true })
    expect(decodeBytes(utf16(TEXT))).toEqual({ text: TEXT, encoding: 'utf-16le', bom: false })
    expect(decodeBytes(utf16(TEXT, true))).toEqual({ text: TEXT, encoding: 'utf-16be', bom: false })
  })

  it('bytes that are not UTF-8 are Windows-1252, € and all', () => {
    expect(decodeBytes(cp1252(TEXT))).toEqual({ text: TEXT, encoding: 'windows-1252', bom: false })
    expect(decodeBytes(Uint8Array.from([0x93, 0x41, 0x94, 0x96])).text).toBe('\u201cA\u201d\u2013')
  })

  it('the head of a file cut inside a character still reads as UTF-8', () => {
    const bytes = utf8('Date,Schluß')
    expect(decodeBytes(bytes.subarray(0, bytes.length - 1), { partial: true })).toEqual({ text: 'Date,Schlu', encoding: 'utf-8', bom: false })
  })

  it('binary data keeps its zero bytes, for the caller to refuse', () => {
    const d = decodeBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x10, 0x00, 0x22]))
    expect(d.text).toContain('\u0000')
  })
})
