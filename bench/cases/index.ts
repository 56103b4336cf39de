/** Measurements beyond the store and query ones (import, export, impact, UI, memory). */
import type { Core } from '../../src/main/core/core'
import type { BenchResult } from '../measure'

export interface CaseContext {
  core: Core
  /** A writable copy of the large workspace (the core above has it open). */
  scratch: string
  /** The pristine large workspace. */
  source: string
  root: string
  work: string
}

export interface BenchCase {
  id: string
  run(ctx: CaseContext): Promise<BenchResult | BenchResult[]>
}

import { import1m, exportEvents } from './io'
import { impactAll } from './impact'
import { impactMemory } from './impact-memory'
import { uiCases } from './ui'

export const extraCases: BenchCase[] = [
  { id: 'export.events', run: ({ core }) => exportEvents(core) },
  { id: 'impact.all', run: ({ core }) => impactAll(core) },
  { id: 'import.1m', run: ({ core }) => import1m(core) },
  ...uiCases,
  { id: 'memory.impact', run: impactMemory }
]
