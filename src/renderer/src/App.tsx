/** The workbench shell: navigation between screens. */
import { useEffect, useMemo, useState } from 'react'
import { NavigationContext, type Navigation, type NavigationTarget } from './app/navigation'
import { SCREENS } from './screens/registry'

export function App() {
  const [current, setCurrent] = useState<NavigationTarget>({ screen: 'events' })
  const nav = useMemo<Navigation>(() => ({ current, go: setCurrent }), [current])
  const Screen = SCREENS.find((s) => s.id === current.screen)?.component ?? SCREENS[0].component
  useEffect(() => {
    document.body.dataset.ready = 'true'
  }, [])
  return (
    <NavigationContext.Provider value={nav}>
      <nav aria-label="Screens">
        {SCREENS.map((s) => (
          <button key={s.id} aria-current={s.id === current.screen ? 'page' : undefined} onClick={() => setCurrent({ screen: s.id })}>
            {s.label}
          </button>
        ))}
      </nav>
      <main>
        <Screen />
      </main>
    </NavigationContext.Provider>
  )
}
