/** The left navigation: one entry per screen of the registry, plus where the data lives. */
import { useState } from 'react'
import type { AppInfo } from '../../../shared/api'
import { SCREENS } from '../screens/registry'
import { useNavigation } from './navigation'
import { BackupsDialog } from './BackupsDialog'

export function Sidebar({ info }: { info: AppInfo | null }) {
  const nav = useNavigation()
  const [backups, setBackups] = useState(false)
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Capwatch</span>
      </div>
      <nav aria-label="Screens" className="nav">
        {SCREENS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="nav-item"
            aria-current={s.id === nav.current.screen ? 'page' : undefined}
            onClick={() => nav.go({ screen: s.id })}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <button type="button" className="nav-item sidebar-backups" onClick={() => setBackups(true)}>
        Backups…
      </button>
      {backups && <BackupsDialog dataDir={info?.dataDir} onClose={() => setBackups(false)} />}
      {info && (
        <footer className="sidebar-footer" title={info.dataDir}>
          <span>v{info.version}</span>
          <span>{info.adapter === 'browser' ? 'Browser' : info.adapter === 'electron' ? 'Desktop' : info.adapter}</span>
        </footer>
      )}
    </aside>
  )
}
