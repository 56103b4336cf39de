/**
 * The workbench shell: sidebar navigation, the current screen, the recovery banner when the store
 * needed repair, toasts, and the desktop menu's commands routed to the screen that handles them.
 */
import { startTransition, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore, type SetStateAction } from 'react'
import type { AppInfo } from '../../shared/api'
import type { MenuCommand } from '../../shared/menu'
import { accessRefused, api, platform, subscribeAccessRefused } from './api/client'
import { AccessRefused } from './app/AccessRefused'
import { NavigationContext, type Navigation, type NavigationTarget, type ScreenId } from './app/navigation'
import { CompaniesProvider } from './app/companies'
import { RecoveryBanner } from './app/RecoveryBanner'
import { takeRestartMessage } from './app/restart-after-restore'
import { Sidebar } from './app/Sidebar'
import { sendCommand } from './app/commands'
import { ToastBar, ToastProvider, useToast } from './components/Toast'
import { errorText } from './components/error-text'
import { preloadScreens, SCREENS } from './screens/registry'
import { afterFirstContent } from './app/first-content'
import { reportActivity, whenQuiet } from './app/analyst-activity'

const SHOW: Partial<Record<MenuCommand, ScreenId>> = {
  'show-events': 'events',
  'show-companies': 'companies',
  'show-charts': 'charts',
  'show-impact': 'impact'
}

/**
 * How long the analyst pauses (no scroll, key or click) before the other screens' code is
 * fetched: short enough to be done before a first click elsewhere, long enough to stay out of a
 * scroll through the table.
 */
const PRELOAD_QUIET_MS = 400

/** How often the core hears that the analyst is at work: under its 200 ms wait for a lull. */
const ACTIVITY_REPORT_MS = 100

/** Commands handled by a screen: open it first, then deliver. */
const ROUTED: Partial<Record<MenuCommand, ScreenId>> = { 'add-event': 'events', export: 'events', 'focus-search': 'events', import: 'data' }

export function App() {
  if (useSyncExternalStore(subscribeAccessRefused, accessRefused)) return <AccessRefused />
  return (
    <ToastProvider>
      <CompaniesProvider>
        <Shell />
      </CompaniesProvider>
    </ToastProvider>
  )
}

function Shell() {
  const [current, setShown] = useState<NavigationTarget>({ screen: 'events' })
  // Moving to another screen is a transition: a screen whose code is still loading leaves the
  // current one on view until it can be shown, instead of a "Loading…" flash (whose reveal React
  // also holds back for its fallback throttle, 300 ms).
  const setCurrent = useCallback((next: SetStateAction<NavigationTarget>) => startTransition(() => setShown(next)), [])
  const [info, setInfo] = useState<AppInfo | null>(null)
  const toast = useToast()
  const nav = useMemo<Navigation>(() => ({ current, go: setCurrent }), [current, setCurrent])
  const Screen = SCREENS.find((s) => s.id === current.screen)?.component ?? SCREENS[0].component

  useEffect(() => {
    const restarted = takeRestartMessage()
    if (restarted) toast({ message: restarted })
  }, [toast])

  useEffect(() => {
    api['app:info']({}).then(setInfo, (e: unknown) => console.error('app: could not read app info:', e))
    // Once the first screen shows its rows and the analyst pauses, fetch the market screens' code
    // so opening them is instant (see app/first-content and app/analyst-activity).
    let idle = 0
    let cancelQuiet = () => {}
    const cancel = afterFirstContent(() => {
      cancelQuiet = whenQuiet(() => {
        idle = window.requestIdleCallback(preloadScreens, { timeout: 3000 })
      }, PRELOAD_QUIET_MS)
    }, 5000)
    return () => {
      cancel()
      cancelQuiet()
      window.cancelIdleCallback(idle)
    }
  }, [])

  // While the analyst scrolls or types, the core's background work waits (see analyst-activity).
  // A hint only: one that fails changes nothing, so it is not reported.
  useEffect(() => reportActivity(() => void api['app:active']({}).catch(() => {}), ACTIVITY_REPORT_MS), [])

  useEffect(
    () =>
      platform.onMenuCommand((c) => {
        const show = SHOW[c]
        if (show) return setCurrent({ screen: show })
        const routed = ROUTED[c]
        if (routed) {
          setCurrent((cur) => (cur.screen === routed ? cur : { screen: routed }))
          return sendCommand(c)
        }
        if (c === 'backup') {
          api['backup:create']({}).then(
            (b) => toast({ message: `Backup saved (${b.id})` }),
            (e: unknown) => toast({ message: `Backup failed: ${errorText(e)}`, tone: 'error' })
          )
        }
      }),
    [toast, setCurrent]
  )

  return (
    <NavigationContext.Provider value={nav}>
      <div className="shell">
        <Sidebar info={info} />
        <main className="main">
          {info && info.problems.length > 0 && <RecoveryBanner info={info} />}
          <Suspense fallback={<p className="screen-loading muted">Loading…</p>}>
            <Screen />
          </Suspense>
          <ToastBar />
        </main>
      </div>
    </NavigationContext.Provider>
  )
}
