import { describe, expect, it } from 'vitest'
import { contract } from './api'
import { METHOD_NAMES } from './methods'

describe('the method names the preload and the page use', () => {
  it('are the contract’s methods, each once, in its order', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract))
  })
})
