/**
 * The screens of the workbench, in navigation order. Each screen folder owns its component.
 * The market screens (and their chart library) load on first use, so the events table, the
 * screen an analyst opens first, starts without them; they are fetched in the background once
 * the first screen is up (see preloadScreens).
 */
import { lazy, type ComponentType } from 'react'
import type { ScreenId } from '../app/navigation'
import { EventsScreen } from './events/EventsScreen'
import { CompaniesScreen } from './companies/CompaniesScreen'

const loadCharts = () => import('./charts/ChartsScreen').then((m) => ({ default: m.ChartsScreen }))
const loadImpact = () => import('./impact/ImpactScreen').then((m) => ({ default: m.ImpactScreen }))
const loadData = () => import('./data/DataScreen').then((m) => ({ default: m.DataScreen }))

export interface ScreenEntry {
  id: ScreenId
  label: string
  component: ComponentType
}

export const SCREENS: ScreenEntry[] = [
  { id: 'events', label: 'Events', component: EventsScreen },
  { id: 'companies', label: 'Companies', component: CompaniesScreen },
  { id: 'charts', label: 'Charts', component: lazy(loadCharts) },
  { id: 'impact', label: 'Impact', component: lazy(loadImpact) },
  { id: 'data', label: 'Market data', component: lazy(loadData) }
]

/** Fetch the lazily loaded screens while the analyst reads the first one. */
export function preloadScreens(): void {
  for (const load of [loadCharts, loadImpact, loadData]) void load()
}
