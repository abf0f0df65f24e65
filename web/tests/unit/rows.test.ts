import { describe, expect, it } from 'vitest'
import { replaceRow } from '@/desk/utils/rows'

describe('replaceRow', () => {
  const rows = [
    { id: 3, status: 'pending' },
    { id: 1, status: 'pending' },
    { id: 2, status: 'pending' },
  ]

  it('keeps the order and the length after a step on one row', () => {
    const after = replaceRow(rows, { id: 1, status: 'accepted' })
    expect(after.map((r) => [r.id, r.status])).toEqual([
      [3, 'pending'],
      [1, 'accepted'],
      [2, 'pending'],
    ])
    expect(rows[1].status).toBe('pending') // a new list; the old one is left as it was
  })

  it('changes nothing for a row that is not listed', () => {
    expect(replaceRow(rows, { id: 9, status: 'accepted' })).toEqual(rows)
  })
})
