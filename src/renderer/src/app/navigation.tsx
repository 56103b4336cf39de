/**
 * Which screen is shown, and the one way for a screen to send the analyst elsewhere
 * (a chart's event marker opens that event on the Events screen).
 */
import { createContext, useContext } from 'react'

export type ScreenId = 'events' | 'companies' | 'charts' | 'impact' | 'data'

export interface NavigationTarget {
  screen: ScreenId
  /** Event to select when opening the Events screen. */
  eventId?: string
  /** Companies to preselect on the Charts screen. */
  companyIds?: string[]
}

export interface Navigation {
  current: NavigationTarget
  go(target: NavigationTarget): void
}

export const NavigationContext = createContext<Navigation>({ current: { screen: 'events' }, go: () => {} })

export function useNavigation(): Navigation {
  return useContext(NavigationContext)
}
