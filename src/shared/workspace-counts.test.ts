/** The words the banner, the Backups dialog and the CLI use for what a backup holds. */
import { describe, expect, it } from 'vitest'
import { countsInWords, differencesInWords } from './workspace-counts'

const backup = { events: 55, notes: 120, companies: 30, priceSeries: 12 }

describe('what a backup holds, in words', () => {
  it('names every count, singular where there is one', () => {
    expect(countsInWords(backup)).toBe('55 events, 120 notes, 30 companies, 12 price series')
    expect(countsInWords({ events: 1, notes: 1, companies: 1, priceSeries: 1 })).toBe('1 event, 1 note, 1 company, 1 price series')
    expect(countsInWords({ ...backup, notes: 1200 }, (n) => n.toLocaleString('en'))).toBe('55 events, 1,200 notes, 30 companies, 12 price series')
  })

  it('says what a restore would bring back and what it would undo, against the workspace now', () => {
    // The meta was lost: the companies and the series index are missing now.
    expect(differencesInWords(backup, { ...backup, companies: 0, priceSeries: 0 })).toBe('30 more companies and 12 more price series')
    // Work done since the backup: restoring would undo it.
    expect(differencesInWords(backup, { ...backup, events: 58, notes: 121 })).toBe('3 fewer events and 1 fewer note')
    expect(differencesInWords(backup, { ...backup, events: 54, notes: 100, companies: 29 })).toBe('1 more event, 20 more notes and 1 more company')
    expect(differencesInWords(backup, backup)).toBe('')
  })
})
