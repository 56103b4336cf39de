/**
 * The record scanner reads CSV the way PapaParse does (used here as the reference), including the
 * corners its fast path hands to the slow one, and it reports the line each record starts on.
 */
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { CsvScanner } from './scanner'

function scan(text: string, delimiter = ','): { fields: string[]; line: number }[] {
  const sc = new CsvScanner(text, delimiter.charCodeAt(0), 50, 'test.csv')
  const out: { fields: string[]; line: number }[] = []
  while (sc.next()) out.push({ fields: sc.fields(), line: sc.rowLine })
  return out
}

const CASES: [name: string, text: string, delimiter?: string][] = [
  ['plain rows without a final newline', 'a,b,c\n1,2,3\n4,5,6'],
  ['CRLF line ends', 'a,b\r\n1,2\r\n3,4\r\n'],
  ['old Mac CR line ends', 'a,b\r1,2\r3,4'],
  ['quoted delimiters, doubled quotes, quoted line breaks', 'a,b\n"1,5","say ""hi"""\n"multi\nline",x\n7,8'],
  ['empty fields and a trailing delimiter', 'a,b,c,\n,,,\n1,,3,'],
  ['a quote inside an unquoted field', 'a,b\n5"x,6\n'],
  ['semicolons with decimal commas', 'Date;Close\n2020-01-02;93,5\n2020-01-03;"1.234,5"', ';'],
  ['tabs', 'Date\tClose\n2020-01-02\t93.5', '\t'],
  ['pipes and CRLF inside quotes', 'a|b\r\n"x\r\ny"|2\r\n', '|']
]

describe('scanning records', () => {
  for (const [name, text, delimiter = ','] of CASES) {
    it(`${name}: same fields as PapaParse`, () => {
      const papa = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data
      expect(scan(text, delimiter).map((r) => r.fields)).toEqual(papa)
    })
  }

  it('skips blank lines and still numbers every line of the file', () => {
    const rows = scan('h1,h2\n\n1,2\r\n\r\n"a\nb",3\n\n4,5\n')
    expect(rows.map((r) => r.line)).toEqual([1, 3, 5, 8])
  })

  it('a quote never closed is an error naming its line and field', () => {
    expect(() => scan('a,b\n1,2\n3,"4\n5,6\n')).toThrow('test.csv: line 3: a quote opened in field 2 is never closed')
  })

  it('text after a closing quote marks the record malformed', () => {
    const sc = new CsvScanner('a,b\n"1"x,2\n3,4\n', 44, 5, 't')
    sc.next()
    sc.next()
    expect(sc.malformed).toBe(true)
    sc.next()
    expect(sc.malformed).toBe(false)
    expect(sc.fields()).toEqual(['3', '4'])
  })
})
