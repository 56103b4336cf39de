import { describe, expect, it } from 'vitest'
import { formatWindows, parseWindows } from './windows'

describe('impact windows typed as text', () => {
  it('reads the default list and writes it back the same way', () => {
    const { windows, error } = parseWindows('-1:1, 0:5, -5:20')
    expect(error).toBeNull()
    expect(windows).toEqual([
      { a: -1, b: 1 },
      { a: 0, b: 5 },
      { a: -5, b: 20 }
    ])
    expect(formatWindows(windows)).toBe('-1:1, 0:5, -5:20')
  })

  it('accepts plus signs and spaces', () => {
    expect(parseWindows(' -1 : +1 ;0:0').windows).toEqual([
      { a: -1, b: 1 },
      { a: 0, b: 0 }
    ])
  })

  it('names the piece that is wrong', () => {
    expect(parseWindows('-1:1, 5:0').error).toBe('"5:0": the start must not be after the end')
    expect(parseWindows('-1:1, soon').error).toBe('"soon" is not a window: write start:end, e.g. -1:1')
    expect(parseWindows('0:5, 0:5').error).toBe('"0:5" is listed twice')
    expect(parseWindows(' , ').error).toBe('Give at least one window, e.g. -1:1')
  })

  it('names every wrong piece at once', () => {
    expect(parseWindows('-1:1, 5:0, abc, 0:5').error).toBe('"5:0": the start must not be after the end; "abc" is not a window: write start:end, e.g. -1:1')
  })
})
