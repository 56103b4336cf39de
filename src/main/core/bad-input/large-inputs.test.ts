/**
 * Inputs too big to commit, generated here: a 50 MB line without a break, a megabyte of random
 * bytes, thousands of columns, a 100,000-character cell. None may hang or crash the core, each
 * refusal says where, and what can be imported is imported. The 50 MB text is built once.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportMapping } from '../../../shared/market'
import { SOURCE_KINDS, expectRefused, expectResponsive, fixtureSource, openBench, snapshotOf, stored } from './corpus-kit'

const MAPPING: ImportMapping = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'FIXT' }
const MB = 1024 * 1024

/** 50 MB of `2021-03-01,10.00,` repeated: CSV-looking, but one line. */
let line50: string
beforeAll(() => {
  const unit = '2021-03-01,10.00,'
  line50 = unit.repeat(Math.ceil((50 * MB) / unit.length)).slice(0, 50 * MB)
})

/** Deterministic noise (xorshift32), so a failure can be replayed byte for byte. */
function noise(bytes: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(bytes)
  let x = seed
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** The longest stretch the event loop went without turning, from now until `stop()`. */
function stallMeter(): { stop(): number } {
  let last = performance.now()
  let worst = 0
  const tick = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last)
    last = now
  }, 5)
  return {
    stop() {
      clearInterval(tick)
      return Math.max(worst, performance.now() - last)
    }
  }
}

describe('a 50 MB line', () => {
  for (const kind of SOURCE_KINDS) {
    it(`with no line break at all is refused at line 1, by ${kind}`, async () => {
      const bench = await openBench()
      const source = await fixtureSource(bench, kind, 'one-line.csv', line50)
      const want = { file: 'one-line.csv', line: 1, field: '(row)', message: 'one-line.csv: line 1 has no line break within the first 256 KB of the file' }
      await expectRefused(bench, () => bench.call('import:inspect', { source }), want)
      await expectRefused(bench, () => bench.call('import:preview', { source, mapping: MAPPING }), want)
    })

    it(`under a header, as the only row, is refused at its own line (not as "no data rows"), by ${kind}`, async () => {
      const bench = await openBench()
      // A date, then 50 MB of digits: the first data row runs past everything inspect reads.
      const source = await fixtureSource(bench, kind, 'long-first-row.csv', `Date,Close\n2021-03-01,${'9'.repeat(50 * MB)}`)
      const want = { file: 'long-first-row.csv', line: 2, field: '(row)', message: 'long-first-row.csv: line 2 has no line break within the first 256 KB of the file' }
      await expectRefused(bench, () => bench.call('import:inspect', { source }), want)
      await expectRefused(bench, () => bench.call('import:preview', { source, mapping: MAPPING }), want)
    })

    it(`opening a quote that runs to the end is refused at its line and field, by ${kind}`, async () => {
      const bench = await openBench()
      const source = await fixtureSource(bench, kind, 'open-quote.csv', `Date,Close\n2021-03-01,"${line50}`)
      await expectRefused(bench, () => bench.call('import:preview', { source, mapping: MAPPING }), {
        file: 'open-quote.csv',
        line: 2,
        field: 'field 2',
        message: 'open-quote.csv: line 2: a quote opened in field 2 is not closed within the first 256 KB of the file'
      })
    })
  }

  it('after good rows is one rejected row; the good rows import, and the core answers while it reads', async () => {
    const bench = await openBench()
    const source = await fixtureSource(bench, 'text', 'long-row.csv', `Date,Close\n2021-03-01,10.00\n2021-03-02,10.50\n${line50}\n2021-03-03,11.25\n`)
    const before = await snapshotOf(bench)
    const stall = stallMeter()
    const running = bench.call('import:preview', { source, mapping: MAPPING })
    // Asked while the dry run reads the 50 MB, answered (see expectResponsive for the bound).
    await expectResponsive(bench)
    const dry = await running
    // Counting the line's 3 million fields held the loop ~0.8 s here; it now stops at 10,000 past
    // the header's width (~50 ms). The bound only catches a relapse into seconds-long stalls.
    expect(stall.stop()).toBeLessThan(1000)
    expect(dry.rejected).toEqual([{ line: 4, field: '(row)', reason: 'wrong column count: more than 10003 fields, the header has 2' }])
    expect(dry.totals).toMatchObject({ rows: 4, new: 3, rejected: 1 })
    expect(await snapshotOf(bench)).toEqual(before)
    await bench.call('import:commit', { previewId: dry.previewId, skipRejected: true })
    expect(await stored(bench, 'FIXT')).toEqual([['2021-03-01', 10], ['2021-03-02', 10.5], ['2021-03-03', 11.25]])
  })
})

describe('binary garbage', () => {
  for (const kind of SOURCE_KINDS) {
    it(`a megabyte of random bytes is not a text file, by ${kind}`, async () => {
      const bench = await openBench()
      const source = await fixtureSource(bench, kind, 'noise.csv', noise(MB))
      const e = await expectRefused(bench, () => bench.call('import:preview', { source, mapping: MAPPING }), {
        file: 'noise.csv',
        field: '(file)',
        message: /^noise\.csv is not a text file \(binary data on line \d+\); export it as CSV$/
      })
      // The line it names is the one in the message.
      expect(e.message).toContain(`line ${e.issues?.[0].line}`)
    })
  }
})

describe('extremely many columns', () => {
  it('5,000 columns with Close at column 4,321: every column name is kept, and the file imports', async () => {
    const bench = await openBench()
    const width = 5000
    const header = Array.from({ length: width }, (_, i) => (i === 0 ? 'Date' : i === 4320 ? 'Close' : `c${i + 1}`))
    const row = (date: string, close: string) => Array.from({ length: width }, (_, i) => (i === 0 ? date : i === 4320 ? close : '1')).join(',')
    const text = [header.join(','), row('2021-03-02', '10.50'), row('2021-03-01', '10.00')].join('\n')
    for (const kind of SOURCE_KINDS) {
      const source = await fixtureSource(bench, kind, 'wide.csv', text)
      const ins = await bench.call('import:inspect', { source })
      expect(ins.header).toHaveLength(width)
      expect(ins.suggested).toMatchObject({ dateColumn: 'Date', valueColumn: 'Close' })
      const dry = await bench.call('import:preview', { source, mapping: MAPPING })
      expect(dry.rejected).toEqual([])
      if (kind === 'path') await bench.call('import:commit', { previewId: dry.previewId })
      else expect(dry.totals).toMatchObject({ unchanged: 2, new: 0 })
    }
    expect(await stored(bench, 'FIXT')).toEqual([['2021-03-01', 10], ['2021-03-02', 10.5]])
  })

  it('a row of 5,000 fields under a 2-column header is one rejected row', async () => {
    const bench = await openBench()
    const text = `Date,Close\n2021-03-01,10.00\n${'1,'.repeat(4999)}1\n2021-03-02,10.50\n`
    const dry = await bench.call('import:preview', { source: await fixtureSource(bench, 'path', 'wide-row.csv', text), mapping: MAPPING })
    expect(dry.rejected).toEqual([{ line: 3, field: '(row)', reason: 'wrong column count: 5000 fields, the header has 2' }])
    expect(dry.totals).toMatchObject({ new: 2, rejected: 1 })
  })
})

describe('a 100,000-character cell', () => {
  const big = 'x'.repeat(100_000)

  it('in a column nobody maps: the file imports', async () => {
    const bench = await openBench()
    const text = `Date,Close,Comment\n2021-03-01,10.00,${big}\n2021-03-02,10.50,"${big}"\n`
    const dry = await bench.call('import:preview', { source: await fixtureSource(bench, 'text', 'comment.csv', text), mapping: MAPPING })
    expect(dry.rejected).toEqual([])
    await bench.call('import:commit', { previewId: dry.previewId })
    expect(await stored(bench, 'FIXT')).toEqual([['2021-03-01', 10], ['2021-03-02', 10.5]])
  })

  it('as a value, a date or a ticker: that row is rejected, with the cell cut short in the reason', async () => {
    const bench = await openBench()
    const cut = `"${'x'.repeat(37)}..."`
    const single = `Date,Close\n2021-03-01,10.00\n2021-03-02,${big}\n${big},10.50\n2021-03-03,"${'9'.repeat(100_000)}"\n`
    const dry = await bench.call('import:preview', { source: await fixtureSource(bench, 'path', 'big-cells.csv', single), mapping: MAPPING })
    expect(dry.rejected).toEqual([
      { line: 3, field: 'Close', reason: `non-numeric value: ${cut}` },
      { line: 4, field: 'Date', reason: `not a date: ${cut} (expected YYYY-MM-DD)` },
      // A hundred thousand nines overflow to Infinity: not a price.
      { line: 5, field: 'Close', reason: `non-numeric value: "${'9'.repeat(37)}..."` }
    ])

    const multi = `Date,Ticker,Close\n2021-03-01,FIXT,10.00\n2021-03-01,${big},10.50\n`
    const source = await fixtureSource(bench, 'text', 'big-ticker.csv', multi)
    const dry2 = await bench.call('import:preview', { source, mapping: { ...MAPPING, ticker: undefined, tickerColumn: 'Ticker' } })
    expect(dry2.rejected).toEqual([{ line: 3, field: 'Ticker', reason: `invalid ticker: ${cut} (Too big: expected string to have <=32 characters)` }])
    await expectResponsive(bench)
  })
})
