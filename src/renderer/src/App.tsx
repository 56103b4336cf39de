import { useEffect, useState } from 'react'
import { api } from './api/client'
import type { EventPage } from '../../shared/api'

export function App() {
  const [page, setPage] = useState<EventPage | null>(null)
  const [search, setSearch] = useState('')
  useEffect(() => {
    void api['events:query']({ search, offset: 0, limit: 200 }).then(setPage)
  }, [search])
  return (
    <main>
      <h1>Capwatch</h1>
      <input type="search" aria-label="Search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <table role="grid">
        <tbody>
          {page?.rows.map((r) => (
            <tr key={r.id}>
              <td>{r.date}</td>
              <td>{r.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}
