/**
 * The screens of the workbench, in navigation order. Each screen folder owns its component.
 * The market screens (and their chart library) load on first use, so the events table, the
 * screen an analyst opens first, starts without them; they are fetched in the background once
 * the first screen is up (see preloadScreens).
 */
import { createElement, lazy, useState, type ComponentType } from 'react'
import type { ScreenId } from '../app/navigation'
import { EventsScreen } from './events/EventsScreen'
import { CompaniesScreen } from './companies/CompaniesScreen'

/**
 * A screen whose code loads on demand. Once loaded (by the preload or an earlier visit) it renders
 * at once: a React.lazy component suspends on its first render even when its code is already
 * here, and React then holds the revealed screen back for its fallback throttle (300 ms).
 */
function onDemand(load: () => Promise<ComponentType>): { component: ComponentType; preload: () => Promise<unknown> } {
  let loaded: ComponentType | null = null
  let loading: Promise<{ default: ComponentType }> | null = null
  const fetch = () =>
    (loading ??= load().then((c) => {
      loaded = c
      return { default: c }
    }))
  const Lazy = lazy(fetch)
  function OnDemandScreen() {
    // Fixed for the life of this mount, so the screen is never remounted when its code arrives.
    const [Screen] = useState<ComponentType>(() => loaded ?? Lazy)
    return createElement(Screen)
  }
  return { component: OnDemandScreen, preload: fetch }
}

const charts = onDemand(() => import('./charts/ChartsScreen').then((m) => m.ChartsScreen))
const impact = onDemand(() => import('./impact/ImpactScreen').then((m) => m.ImpactScreen))
const data = onDemand(() => import('./data/DataScreen').then((m) => m.DataScreen))

export interface ScreenEntry {
  id: ScreenId
  label: string
  component: ComponentType
}

export const SCREENS: ScreenEntry[] = [
  { id: 'events', label: 'Events', component: EventsScreen },
  { id: 'companies', label: 'Companies', component: CompaniesScreen },
  { id: 'charts', label: 'Charts', component: charts.component },
  { id: 'impact', label: 'Impact', component: impact.component },
  { id: 'data', label: 'Market data', component: data.component }
]

/** Fetch the lazily loaded screens while the analyst reads the first one. */
export function preloadScreens(): void {
  for (const s of [charts, impact, data]) void s.preload()
}
