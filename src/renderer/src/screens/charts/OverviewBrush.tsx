/**
 * The zoom control under the chart: a recharts Brush over every day of the full range. Dragging
 * moves the main chart's x range at once; on release the screen fetches the zoomed range again at
 * full resolution.
 */
import { memo, useMemo } from 'react'
import { Brush, LineChart, XAxis } from 'recharts'
import { isoFromDay } from '../../../../shared/dates'

interface Props {
  width: number
  days: number[]
  startIndex: number
  endIndex: number
  onChange: (startIndex: number, endIndex: number) => void
  onCommit: (startIndex: number, endIndex: number) => void
}

export const OverviewBrush = memo(function OverviewBrush({ width, days, startIndex, endIndex, onChange, onCommit }: Props) {
  const data = useMemo(() => days.map((day) => ({ day })), [days])
  if (days.length < 2) return null
  return (
    <div className="ch-brush" aria-label="Zoom: drag the handles to choose a date range">
      <LineChart width={width} height={44} data={data} margin={{ top: 2, right: 20, bottom: 2, left: 80 }}>
        <XAxis dataKey="day" hide />
        <Brush
          dataKey="day"
          height={34}
          travellerWidth={8}
          stroke="#1f5fbf"
          startIndex={startIndex}
          endIndex={endIndex}
          tickFormatter={(d: number) => isoFromDay(d)}
          ariaLabel="Zoom range"
          onChange={(r) => {
            if (r.startIndex != null && r.endIndex != null) onChange(r.startIndex, r.endIndex)
          }}
          onDragEnd={(r) => {
            if (r.startIndex != null && r.endIndex != null) onCommit(r.startIndex, r.endIndex)
          }}
        />
      </LineChart>
    </div>
  )
})
