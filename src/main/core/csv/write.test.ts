/**
 * The CSV an analyst opens in Excel or reads with a script: RFC 4180 quoting, both dialects,
 * Chinese text, the optional BOM, and formula cells neutralised while numbers stay numbers.
 */
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { BOM, cell, csvText, numberText, textCell, writeCsv as writeBytes, type CsvValue } from './write'

/** The written file as text (the writer's bytes decoded; a BOM stays a char). */
const writeCsv = (...args: Parameters<typeof writeBytes>): string => csvText(writeBytes(...args))

const comma = { bom: false, delimiter: ',' } as const
const semicolon = { bom: false, delimiter: ';' } as const

/** Parse as a strict reader would: every cell a string, no type guessing. */
function parse(csv: string, delimiter: ',' | ';' = ','): string[][] {
  const res = Papa.parse<string[]>(csv.startsWith(BOM) ? csv.slice(1) : csv, { delimiter, newline: '\r\n', skipEmptyLines: false })
  expect(res.errors).toEqual([])
  // The file ends with CRLF, which Papa reports as one last empty row.
  expect(res.data.at(-1)).toEqual([''])
  return res.data.slice(0, -1)
}

describe('quoting (RFC 4180)', () => {
  it('leaves plain cells bare and separates records with CRLF', () => {
    expect(writeCsv(['a', 'b'], [['x', 'y z']], comma)).toBe('a,b\r\nx,y z\r\n')
  })

  it('quotes a cell holding the delimiter, a quote or a line break, and doubles quotes', () => {
    expect(textCell('a,b', ',')).toBe('"a,b"')
    expect(textCell('say "hi"', ',')).toBe('"say ""hi"""')
    expect(textCell('line 1\nline 2', ',')).toBe('"line 1\nline 2"')
    expect(textCell('line 1\r\nline 2', ',')).toBe('"line 1\r\nline 2"')
    expect(textCell('old mac\rline', ',')).toBe('"old mac\rline"')
  })

  it('quotes a cell with a leading or trailing space so readers do not trim it', () => {
    expect(textCell(' padded', ',')).toBe('" padded"')
    expect(textCell('padded ', ',')).toBe('"padded "')
  })

  it('with ; as delimiter, quotes semicolons and leaves commas (and decimal commas) alone', () => {
    expect(textCell('a;b', ';')).toBe('"a;b"')
    expect(textCell('a,b', ';')).toBe('a,b')
    const csv = writeCsv(['name', 'note'], [['Alibaba, Inc.', 'fine; 18.2 bn yuan']], semicolon)
    expect(csv).toBe('name;note\r\nAlibaba, Inc.;"fine; 18.2 bn yuan"\r\n')
    expect(parse(csv, ';')).toEqual([
      ['name', 'note'],
      ['Alibaba, Inc.', 'fine; 18.2 bn yuan']
    ])
  })

  it('writes empty, null and undefined cells as empty fields', () => {
    expect(writeCsv(['a', 'b', 'c'], [['', null, undefined]], comma)).toBe('a,b,c\r\n,,\r\n')
  })
})

describe('Chinese text and the BOM', () => {
  it('keeps Chinese text as UTF-8 characters, unescaped', () => {
    const csv = writeCsv(['company'], [['腾讯控股'], ['阿里巴巴集团']], comma)
    expect(csv).toBe('company\r\n腾讯控股\r\n阿里巴巴集团\r\n')
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv)
  })

  it('starts with a BOM only when asked, so Excel reads the Chinese text as UTF-8', () => {
    const withBom = writeCsv(['公司'], [['腾讯']], { bom: true, delimiter: ',' })
    const without = writeCsv(['公司'], [['腾讯']], comma)
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(withBom.slice(1)).toBe(without)
    expect(without.charCodeAt(0)).not.toBe(0xfeff)
  })
})

describe('formula neutralisation (OWASP)', () => {
  const triggers = ['=', '+', '-', '@', '\t', '\r']

  it.each(triggers.map((t) => [JSON.stringify(t), t]))('prefixes a text cell starting with %s with a quote, and quotes it', (_, t) => {
    const value = `${t}SUM(A1:A2)`
    const out = textCell(value, ',')
    expect(out).toBe(`"'${value}"`)
    // A reader gets the text back with the single-quote prefix: never a live formula.
    const [[back]] = parse(`${out}\r\n`)
    expect(back).toBe(`'${value}`)
  })

  it('escapes quotes inside a neutralised cell', () => {
    const value = '=HYPERLINK("http://x.invalid","click")'
    expect(textCell(value, ',')).toBe(`"'=HYPERLINK(""http://x.invalid"",""click"")"`)
  })

  it('leaves a trigger character that is not first alone', () => {
    expect(textCell('a=b', ',')).toBe('a=b')
    expect(textCell('2021-07-24', ',')).toBe('2021-07-24')
  })

  it('writes numbers, including negative ones, as numbers and never prefixes them', () => {
    expect(cell(-0.0523, ',')).toBe('-0.0523')
    expect(cell(-18_200_000_000, ',')).toBe('-18200000000')
    expect(cell(42, ',')).toBe('42')
    expect(cell(0, ',')).toBe('0')
    // The same text as a text cell is neutralised: only typed numbers are trusted.
    expect(cell('-0.0523', ',')).toBe(`"'-0.0523"`)
  })

  it('writes no exponent notation and loses no digits', () => {
    expect(numberText(1e21)).toBe('1000000000000000000000')
    expect(numberText(1.5e22)).toBe('15000000000000000000000')
    expect(numberText(1e-7)).toBe('0.0000001')
    expect(numberText(-1.234e-9)).toBe('-0.000000001234')
    expect(numberText(2.5e-25)).toBe('0.00000000000000000000000025')
    for (const n of [1e21, 1.5e22, 1e-7, -1.234e-9, 2.5e-25, -7.0001e-12]) expect(Number(numberText(n))).toBe(n)
  })

  it('writes non-finite numbers as empty cells and booleans as words', () => {
    expect(cell(Number.NaN, ',')).toBe('')
    expect(cell(Number.POSITIVE_INFINITY, ',')).toBe('')
    expect(cell(true, ',')).toBe('true')
    expect(cell(false, ',')).toBe('false')
  })
})

describe('round trip through a strict reader', () => {
  const hostile: CsvValue[][] = [
    ['plain', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nlines', ' lead', 'trail ', '腾讯 "音乐", 娱乐', ''],
    ['=1+1', '+86 10', '-5', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y"), "quoted" 腾讯', ';', '"'],
    [1.5, -2, 0, 1e21, -1e-7, 'x', null, undefined, true]
  ]
  const header = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']

  /** What a reader should get back: text as written (neutralised text with its quote prefix). */
  function expected(v: CsvValue): string {
    if (v === null || v === undefined) return ''
    if (typeof v === 'number') return numberText(v)
    if (typeof v === 'boolean') return String(v)
    return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  }

  it.each([
    ['comma', ','],
    ['semicolon', ';']
  ] as const)('gives the same cells back with the %s dialect, BOM or not', (_, delimiter) => {
    for (const bom of [false, true]) {
      const csv = writeCsv(header, hostile, { bom, delimiter })
      expect(csv.startsWith(BOM)).toBe(bom)
      expect(parse(csv, delimiter)).toEqual([header, ...hostile.map((r) => r.map(expected))])
    }
  })

  it('gives the same cells back for many rows of long multi-line text, written in several parts', () => {
    const rows: string[][] = []
    for (let i = 0; i < 3000; i++) rows.push([`row ${i}`, `${i % 7 === 0 ? '=' : ''}note ${i} 📈\n${'长文本 "q", '.repeat(20)}`])
    const parts = writeBytes(['id', 'text'], rows, comma)
    expect(parts.length).toBeGreaterThan(1)
    expect(parse(csvText(parts))).toEqual([['id', 'text'], ...rows.map((r) => r.map((v) => expected(v)))])
  })

  it('writes a cell longer than a part whole, its characters never split between parts', () => {
    const huge = `${'日本 📈 '.repeat(300_000)}end`
    const parts = writeBytes(['a', 'b'], [['before', huge], ['after', 'x']], { bom: true, delimiter: ',' })
    expect(parse(csvText(parts))).toEqual([['a', 'b'], ['before', huge], ['after', 'x']])
    // Every part is valid UTF-8 on its own: no character is cut at a part's end.
    for (const p of parts) expect(Buffer.from(p).toString('utf8')).not.toContain('\uFFFD')
  })
})

