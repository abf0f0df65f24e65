import { describe, expect, it } from 'vitest'
import { enterpriseFacts, visibility } from '@/field/checklist/conditions'
import { flatten, type TemplateBody } from '@/field/checklist/template'

const yesNo = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'na', label: '不涉及' },
]

// The shapes of the server's form_rules_test: a 不涉及 item hiding the rest of its section, a section shown
// for a tag, a nested section under a hidden one, and an item whose condition reads a hidden item.
const body: TemplateBody = {
  code: 't',
  name: 't',
  version: 1,
  sections: [
    {
      id: 'gas',
      title: '废气',
      items: [
        { id: 'gas.na', kind: 'yes_no', label: '不涉及废气', options: yesNo },
        { id: 'gas.kind', kind: 'multiple', label: '种类', visible_if: { answer: 'gas.na', not_in: ['na'] }, options: [{ value: 'voc', label: 'VOC' }, { value: 'dust', label: '粉尘' }] },
        { id: 'gas.voc', kind: 'text', label: 'VOC 治理', visible_if: { answer: 'gas.kind', in: ['voc'] } },
      ],
      sections: [{ id: 'gas.sub', title: '子项', visible_if: { answer: 'gas.na', in: ['yes', 'no'] }, items: [{ id: 'gas.sub.a', kind: 'text', label: 'a' }] }],
    },
    {
      id: 'soil',
      title: '土壤',
      visible_if: { enterprise: 'tags', in: ['土壤污染重点监管单位'] },
      items: [{ id: 'soil.a', kind: 'yes_no', label: 'a', options: yesNo }],
      sections: [{ id: 'soil.sub', title: 'sub', items: [{ id: 'soil.sub.b', kind: 'text', label: 'b' }] }],
    },
    {
      id: 'mix',
      title: '组合',
      items: [
        { id: 'mix.all', kind: 'text', label: 'all', visible_if: { all: [{ answer: 'gas.na', in: ['no'] }, { not: { enterprise: 'scale', in: ['micro'] } }] } },
        { id: 'mix.any', kind: 'text', label: 'any', visible_if: { any: [{ answer: 'soil.a', in: ['yes'] }, { enterprise: 'risk_level', in: ['major'] }] } },
      ],
    },
  ],
}
const form = flatten(body)
const plain = enterpriseFacts({ tags: [], scale: 'small', risk_level: 'general' })
const shown = (values: Record<string, unknown>, facts = plain) => {
  const v = visibility(form, values, facts)
  return {
    items: form.items.filter((_, i) => v.items[i]).map((f) => f.item.id),
    sections: form.sections.filter((_, i) => v.sections[i]).map((s) => s.section.id),
  }
}

describe('checklist conditions (as the server evaluates them)', () => {
  it('flattens sections before their items and items before sub-sections', () => {
    expect(form.items.map((f) => f.item.id)).toEqual(['gas.na', 'gas.kind', 'gas.voc', 'gas.sub.a', 'soil.a', 'soil.sub.b', 'mix.all', 'mix.any'])
  })

  it('keeps not_in items visible while the item they read is unanswered, and hides them on 不涉及', () => {
    expect(shown({}).items).toEqual(['gas.na', 'gas.kind'])
    expect(shown({ 'gas.na': 'na', 'gas.kind': ['voc'] }).items).toEqual(['gas.na'])
  })

  it('shows an item for a chosen value of a multiple choice and a sub-section by its own condition', () => {
    expect(shown({ 'gas.na': 'yes', 'gas.kind': ['dust', 'voc'] })).toEqual({
      items: ['gas.na', 'gas.kind', 'gas.voc', 'gas.sub.a'],
      sections: ['gas', 'gas.sub', 'mix'],
    })
  })

  it('does not count the answer of a hidden item', () => {
    // gas.kind still holds voc from before 不涉及 was chosen: gas.voc stays hidden
    expect(shown({ 'gas.na': 'na', 'gas.kind': ['voc'] }).items).not.toContain('gas.voc')
    // soil.a answered yes but the soil section is hidden for an untagged enterprise
    expect(shown({ 'soil.a': 'yes' }).items).not.toContain('mix.any')
  })

  it('reads enterprise facts: tags, and all / any / not', () => {
    const tagged = enterpriseFacts({ tags: ['土壤污染重点监管单位'], scale: 'micro', risk_level: 'general' })
    expect(shown({ 'soil.a': 'yes' }, tagged).items).toEqual(['gas.na', 'gas.kind', 'soil.a', 'soil.sub.b', 'mix.any'])
    expect(shown({ 'gas.na': 'no' }, tagged).items).not.toContain('mix.all')
    expect(shown({ 'gas.na': 'no' }).items).toContain('mix.all')
    expect(shown({}, enterpriseFacts({ tags: [], risk_level: 'major' })).items).toContain('mix.any')
  })
})
