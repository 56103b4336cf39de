/**
 * Small builders and a temp data directory for the store and backup tests. Records are built by
 * hand (not from the starter) so each test states the data it relies on.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Company, Note, PolicyEvent } from '../../../../shared/domain'

export const STAMP = '2026-01-01T00:00:00.000Z'

export function event(id: string, fields: Partial<PolicyEvent> = {}): PolicyEvent {
  return {
    id,
    date: '2021-04-10',
    datePrecision: 'day',
    title: `Event ${id}`,
    summary: '',
    category: 'antitrust',
    authority: 'SAMR',
    companies: [],
    tags: [],
    sources: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields
  }
}

export function note(id: string, eventId: string, text: string): Note {
  return { id, eventId, text, createdAt: STAMP, updatedAt: STAMP }
}

export function company(id: string, fields: Partial<Company> = {}): Company {
  return {
    id,
    name: `Company ${id}`,
    nameZh: '',
    sector: '',
    listings: [],
    benchmark: '',
    notes: '',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields
  }
}

/** A fresh temp directory per test; `cleanup` removes all of them. */
export function tempDirs(prefix = 'capwatch-store-'): { make: () => Promise<string>; cleanup: () => Promise<void> } {
  const made: string[] = []
  return {
    make: async () => {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      made.push(dir)
      return dir
    },
    cleanup: async () => {
      await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
    }
  }
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
