#!/usr/bin/env python3
"""Writes N enterprises as an import CSV (UTF-8 or GBK) or .xlsx with valid, distinct credit codes.

Usage: bench/make-enterprises.py N OUT.csv|OUT.xlsx [--gbk] [--set NAME] [--changed]
--changed (CSV): the same enterprises with another address and risk level, for an import that updates every row.
The rows use the demo regions (梁溪区/新吴区 and their streets), so they import into a seeded database.
An .xlsx keeps its text in shared strings, as Excel writes it.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n: int) -> str:
    # 91 (enterprise), 320214 (Wuxi Xinwu), 9-character organization part from n, check character.
    body = "91320214"
    part = ""
    for _ in range(9):
        part = CHARSET[n % 31] + part
        n //= 31
    first17 = body + part
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + CHARSET[(31 - total % 31) % 31]


HEADER = ["企业名称", "统一社会信用代码", "法定代表人", "实际经营地址", "联系人", "联系电话", "行业代码", "企业规模", "区县",
          "街道", "排污许可管理类别", "排污许可证编号", "环境风险等级", "周边敏感受体"]


def rows(count: int, set_name: str, changed: bool = False):
    # Distinct sets (names and credit codes) for several imports into one database; `changed`: the same
    # enterprises with another address and risk level, so importing them updates two fields of each.
    offset = (ord(set_name[0]) - ord("A")) * 10_000_000
    places = [("梁溪区", "崇安寺街道"), ("梁溪区", "通江街道"), ("新吴区", "旺庄街道"), ("新吴区", "硕放街道")]
    scales = ["大型", "中型", "小型", "微型"]
    risks = ["一般", "较大", "重大", "未评定"]
    industries = ["2614", "1713", "3360", "3391", "2641", "2710"]
    for i in range(count):
        district, street = places[i % 4]
        number = f"{i}号之一" if changed else f"{i}号"
        yield [f"无锡市测试企业{set_name}{i:05d}有限公司", credit_code(1_000_000 + offset + i * 7), "张三",
               f"无锡市{district}测试路{number}", "李四", f"139{i:08d}", industries[i % 6], scales[i % 4], district,
               street, "重点管理", f"PW{i:010d}", risks[(i + changed) % 4], "京杭大运河；居民区"]


def write_csv(out: str, count: int, set_name: str, encoding: str, changed: bool) -> None:
    lines = [",".join(HEADER)]
    for row in rows(count, set_name, changed):
        lines.append(",".join(row[:-1] + [f'"{row[-1]}"']))
    with open(out, "w", encoding=encoding, newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>',
}


def write_xlsx(out: str, count: int, set_name: str) -> None:
    strings: dict[str, int] = {}
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate([HEADER, *rows(count, set_name)], start=1):
        cells = []
        for c, text in enumerate(row):
            index = strings.setdefault(text, len(strings))
            cells.append(f'<c r="{column_name(c)}{r}" t="s"><v>{index}</v></c>')
        sheet.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet.append("</sheetData></worksheet>")
    shared = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{len(strings)}">']
    shared += [f"<si><t>{escape(text)}</t></si>" for text in strings]
    shared.append("</sst>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in XLSX_PARTS.items():
            z.writestr(name, xml)
        z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
        z.writestr("xl/sharedStrings.xml", "".join(shared))


def main() -> None:
    count, out = int(sys.argv[1]), sys.argv[2]
    set_name = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "A"
    if out.endswith(".xlsx"):
        write_xlsx(out, count, set_name)
    else:
        write_csv(out, count, set_name, "gbk" if "--gbk" in sys.argv else "utf-8", "--changed" in sys.argv)


if __name__ == "__main__":
    main()
