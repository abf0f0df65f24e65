import { describe, expect, it } from 'vitest'
import { chineseNumber, formatReference } from '@/utils/references'

describe('seed references as people read them', () => {
  it.each([
    ['wuxi §15(二)', '无锡指南 第十五条（二）', 'Wuxi guide Art. 15(2)'],
    ['wuxi §9(一); att.1 一(一)', '无锡指南 第九条（一）；附件1 一（一）', 'Wuxi guide Art. 9(1); Annex 1 1(1)'],
    ['wuxi §8, §9; att.1 一', '无锡指南 第八条、第九条；附件1 一', 'Wuxi guide Art. 8, Art. 9; Annex 1 1'],
    ['wuxi §20', '无锡指南 第二十条', 'Wuxi guide Art. 20'],
    ['wuxi att.1 一(一)7', '无锡指南 附件1 一（一）7', 'Wuxi guide Annex 1 1(1)7'],
    ['wuxi §12(一); att.1 四 一、', '无锡指南 第十二条（一）；附件1 四 一、', 'Wuxi guide Art. 12(1); Annex 1 4 1.'],
    ['chengdu §6', '成都规范 第6章', 'Chengdu standard section 6'],
    ['chengdu 6.2', '成都规范 第6.2条', 'Chengdu standard clause 6.2'],
    ['cd 5.2', '成都规范 第5.2条', 'Chengdu standard clause 5.2'],
    ['xuzhou B-1 第9项', '徐州规范 表B-1 第9项', 'Xuzhou standard Table B-1 item 9'],
    ['guilin §5.1, §6.1; A.1 一', '桂林规范 第5.1条、第6.1条；表A.1 一', 'Guilin standard clause 5.1, clause 6.1; Table A.1 1'],
  ])('%s', (reference, zh, en) => {
    expect(formatReference(reference)).toBe(zh)
    expect(formatReference(reference, 'en')).toBe(en)
  })

  it('keeps the seed words after a colon and cites each part of a list', () => {
    expect(formatReference('wuxi att.1 一(一)7：结束现场服务工作后的5个工作日内上传或录入')).toBe(
      '无锡指南 附件1 一（一）7：结束现场服务工作后的5个工作日内上传或录入',
    )
    expect(formatReference('chengdu 5.3.3：服务完成后7个工作日内整理；6.2.2.5：审核后反馈')).toBe(
      '成都规范 第5.3.3条：服务完成后7个工作日内整理；第6.2.2.5条：审核后反馈',
    )
  })

  it('leaves text that cites no known document as it is', () => {
    for (const text of ['', '企业自定', '见合同第 3 条', 'custom §1']) expect(formatReference(text)).toBe(text)
  })

  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [34, '三十四'],
  ])('writes %i as %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text)
  })
})
