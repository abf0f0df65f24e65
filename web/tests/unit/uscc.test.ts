import { describe, expect, it } from 'vitest'
import { isValidUscc, normalizeUscc, usccCheckCharacter, usccProblem } from '@/utils/uscc'

// Check characters of these codes were worked out by hand from GB 32100-2015 (weights 3^i mod 31).
const VALID = [
  '91350100M000100Y43', // the worked example of GB 32100-2015
  '91110000600037341L',
  '914403001922038216',
  '91320213MA1000000E', // demo data of the server (无锡市恒达化工有限公司)
  '91320214MA11504616',
]

describe('GB 32100-2015 credit codes', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull()
    expect(isValidUscc(code)).toBe(true)
  })

  it('computes the check character of the standard example', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3')
    expect(usccCheckCharacter('91110000600037341')).toBe('L')
  })

  it('rejects a wrong check character', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check')
    expect(usccProblem('91110000600037341K')).toBe('check')
  })

  it('rejects a changed character in the body', () => {
    expect(usccProblem('91350100M000101Y43')).toBe('check')
    expect(usccProblem('91320213MA1000001E')).toBe('check')
  })

  it('rejects two swapped neighbours', () => {
    expect(usccProblem('19350100M000100Y43')).toBe('check')
    expect(usccProblem('91110000600037314L')).toBe('check')
  })

  it('rejects letters outside the charset (I, O, Z, S, V)', () => {
    expect(usccProblem('91350100M000100O43')).toBe('character')
    expect(usccProblem('9135010OM000100Y43')).toBe('character')
    expect(usccProblem('91350100M000100Y4I')).toBe('character')
  })

  it('rejects the wrong length', () => {
    expect(usccProblem('')).toBe('length')
    expect(usccProblem('91350100M000100Y4')).toBe('length')
    expect(usccProblem('91350100M000100Y433')).toBe('length')
  })

  it('reads lower case and surrounding spaces as typed', () => {
    expect(normalizeUscc(' 91110000600037341l ')).toBe('91110000600037341L')
    expect(isValidUscc(' 91110000600037341l ')).toBe(true)
  })
})
