/**
 * Seed references as people read them. The catalog and the deadline rules cite the seed documents in
 * a short form ("wuxi §15(二)", "wuxi §9(一); att.1 一(一)", "chengdu 6.2", "xuzhou B-1 第3项"); users see
 * "无锡指南 第十五条（二）" or "Wuxi guide Art. 15(2)". Text that does not start with a known document
 * (a reference an admin typed) is shown as it is; text after a colon (an explanation) is kept.
 */
export type ReferenceLocale = 'zh-CN' | 'en'

const DOCUMENTS: Record<string, { zh: string; en: string; articles: boolean }> = {
  wuxi: { zh: '无锡指南', en: 'Wuxi guide', articles: true },
  chengdu: { zh: '成都规范', en: 'Chengdu standard', articles: false },
  cd: { zh: '成都规范', en: 'Chengdu standard', articles: false },
  xuzhou: { zh: '徐州规范', en: 'Xuzhou standard', articles: false },
  guilin: { zh: '桂林规范', en: 'Guilin standard', articles: false },
  yueqing: { zh: '乐清通知', en: 'Yueqing notice', articles: false },
}

const DIGITS = '零一二三四五六七八九'
const CHINESE_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/** 15 → 十五, 20 → 二十, 9 → 九 (articles of a guide run below 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n)
  if (n >= 100) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`
}

/** 十五 → 15, 二十 → 20, 四 → 4; undefined for anything else. */
function arabic(text: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return undefined
  const ten = text.indexOf('十')
  if (ten < 0) return text.length === 1 ? CHINESE_NUMBERS[text] : undefined
  const tens = ten === 0 ? 1 : CHINESE_NUMBERS[text.slice(0, ten)]
  const ones = text.slice(ten + 1)
  return tens === undefined ? undefined : tens * 10 + (ones ? (CHINESE_NUMBERS[ones] ?? 0) : 0)
}

/** Chinese enumerators in English text: 一(一) → 1(1), "四 一、" → "4 1.". */
function englishEnumerators(text: string): string {
  return text.replace(/[一二三四五六七八九十]+/g, (n) => String(arabic(n) ?? n)).replace(/、/g, '.')
}

const fullWidthParens = (text: string) => text.replace(/\(/g, '（').replace(/\)/g, '）')

/** One token of a citation (no spaces), in the document's numbering. */
function token(raw: string, articles: boolean, locale: ReferenceLocale): string {
  const zh = locale === 'zh-CN'
  let match = /^§(\d+(?:\.\d+)*)(.*)$/.exec(raw)
  if (match) {
    const [, number, rest] = match
    if (articles && !number.includes('.')) {
      return zh ? `第${chineseNumber(Number(number))}条${fullWidthParens(rest)}` : `Art. ${number}${englishEnumerators(rest)}`
    }
    return clause(number, zh) + (zh ? fullWidthParens(rest) : englishEnumerators(rest))
  }
  if (/^\d+(?:\.\d+)+$/.test(raw)) return clause(raw, zh)
  match = /^att\.(\d+)$/.exec(raw)
  if (match) return zh ? `附件${match[1]}` : `Annex ${match[1]}`
  if (/^[A-Z][-.]\d+$/.test(raw)) return zh ? `表${raw}` : `Table ${raw}`
  match = /^第(\d+)项$/.exec(raw)
  if (match) return zh ? raw : `item ${match[1]}`
  return zh ? fullWidthParens(raw) : englishEnumerators(raw)
}

/** A standard's clause: "6" is a chapter (第6章), "6.2" a clause (第6.2条). */
function clause(number: string, zh: boolean): string {
  if (number.includes('.')) return zh ? `第${number}条` : `clause ${number}`
  return zh ? `第${number}章` : `section ${number}`
}

/** One citation of a document: its tokens, "§8, §9" listed with 、 in Chinese. */
function citation(text: string, articles: boolean, locale: ReferenceLocale): string {
  const items = text.split(/,\s*/).filter(Boolean)
  return items.map((item) => item.split(/\s+/).filter(Boolean).map((raw) => token(raw, articles, locale)).join(' ')).join(locale === 'zh-CN' ? '、' : ', ')
}

/**
 * "wuxi §9(一); att.1 一(一)" → "无锡指南 第九条（一）；附件1 一（一）". Each part between semicolons is a
 * citation, optionally followed by a colon and the seed's words, which are kept as they are.
 */
export function formatReference(reference: string, locale: ReferenceLocale = 'zh-CN'): string {
  const zh = locale === 'zh-CN'
  let document: (typeof DOCUMENTS)[string] | undefined
  const parts: string[] = []
  for (const part of reference.trim().split(/\s*[;；]\s*/)) {
    const colon = /[：:]/.exec(part)
    const head = colon ? part.slice(0, colon.index) : part
    const words = colon ? part.slice(colon.index) : ''
    const [first = '', ...rest] = head.trim().split(/\s+/)
    const named = DOCUMENTS[first]
    const current = named ?? document
    if (!current) return reference
    const cited = citation(named ? rest.join(' ') : head, current.articles, locale)
    if (current !== document) parts.push([zh ? current.zh : current.en, cited].filter(Boolean).join(' ') + words)
    else parts.push(cited + words)
    document = current
  }
  return parts.join(zh ? '；' : '; ')
}
