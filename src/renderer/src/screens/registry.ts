/** The screens of the workbench, in navigation order. Each screen folder owns its component. */
import type { ComponentType } from 'react'
import type { ScreenId } from '../app/navigation'
import { EventsScreen } from './events/EventsScreen'
import { CompaniesScreen } from './companies/CompaniesScreen'
import { ChartsScreen } from './charts/ChartsScreen'
import { ImpactScreen } from './impact/ImpactScreen'
import { DataScreen } from './data/DataScreen'

export interface ScreenEntry {
  id: ScreenId
  label: string
  component: ComponentType
}

export const SCREENS: ScreenEntry[] = [
  { id: 'events', label: 'Events', component: EventsScreen },
  { id: 'companies', label: 'Companies', component: CompaniesScreen },
  { id: 'charts', label: 'Charts', component: ChartsScreen },
  { id: 'impact', label: 'Impact', component: ImpactScreen },
  { id: 'data', label: 'Market data', component: DataScreen }
]
