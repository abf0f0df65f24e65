#!/usr/bin/env python3
"""Writes the seed corpus (fuzz/corpus/<target>/seed-*): small valid inputs taken from the tests and data/.
Run from the repository root; rewrites only seed-* files, never the crash-* inputs kept as regressions."""
import io
import json
import pathlib
import subprocess
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data if isinstance(data, bytes) else data.encode())


def body(selector, value):
    return bytes([selector]) + json.dumps(value, ensure_ascii=False).encode()


def json_bodies():
    enterprise = {"name": "无锡示例化工有限公司", "credit_code": "91320214MA1N2X3Y4Q", "region_id": 3,
                  "scale": "small", "industry_code": "2614", "longitude": 120.3, "latitude": 31.5,
                  "contacts": [{"name": "王工", "phone": "13800000000", "role": "安全员"}],
                  "permit_type": "key", "permit_valid_until": "2027-12-31", "tags": ["化工"]}
    hazard = {"domain": "environment", "category": "env.emergency_controls",
              "sub_category": "env.emergency_controls.water", "grade": "major", "description": "事故应急池容积不足",
              "location": "事故应急池", "basis": "无锡环境应急调查表 重大隐患 7", "suggestion": "扩建事故应急池",
              "photos": [1, 2]}
    assessment = {"method": "jha", "item": "装卸", "hazard": "叉车碰撞", "scoring": "ls", "l": 4, "s": 4}
    zone = {"name": "储罐区", "points": [[60, 60], [380, 60], [380, 200], [60, 200]], "risk_ids": [1]}
    service_type = {"code": "custom.night", "class_code": "survey", "name_zh": "园区夜间巡查",
                    "insurance_type": "park_hosting", "deliverables": ["checklist", "photos"],
                    "upload_working_days": 2, "upload_basis": "园区管委会要求"}
    write("json_body", "enterprise", body(0, enterprise))
    write("json_body", "hazard-create", body(1, hazard))
    write("json_body", "hazard-edit", body(2, {"grade": "general", "description": "已整改部分"}))
    write("json_body", "safety-assessment", body(3, assessment))
    write("json_body", "safety-zone", body(3, zone))
    write("json_body", "mapping", body(4, json.loads((ROOT / "data/safety-risk/default-mapping.json").read_text())))
    write("json_body", "sum-insured", body(5, json.loads((ROOT / "data/sum_insured/example.json").read_text())))
    write("json_body", "service-type", body(6, service_type))
    notice = {"kind": "rectification", "enterprise_id": 4, "staff": "张三、李四", "visited_on": "2026-05-28",
              "deadline_days": 15, "law": "《中华人民共和国环境保护法》", "email": "hse@example.com",
              "check_items": ["危险废物贮存"], "hazard_ids": [7, 8],
              "problems": [{"description": "危废标签缺失", "basis": "GB 18597", "suggestion": "补贴标签"}]}
    write("json_body", "notice", body(7, notice))


def sample_answer(item):
    kind = item.get("kind")
    options = [o["value"] for o in item.get("options", [])]
    if kind in ("yes_no", "single"):
        return {"value": options[-1] if options else "yes", "detail": "现场查看"}
    if kind == "multiple":
        return {"value": options[:2]}
    if kind == "number":
        return {"value": item.get("min", 1)}
    if kind == "date":
        return {"value": "2026-06-01"}
    if kind == "photo":
        return {"value": [1, 2]}
    if kind == "table":
        return {"value": []}
    return {"value": "符合要求", "photos": [3]}


def walk_items(sections):
    for section in sections:
        yield from section.get("items", [])
        yield from walk_items(section.get("sections", []))


def checklists():
    paths = sorted(p for p in (ROOT / "data/checklists").glob("*.json") if p.name != "template.schema.json")
    for index, path in enumerate(paths):
        template = json.loads(path.read_text())
        if len(path.read_bytes()) < 20000:
            write("template_json", path.stem, path.read_bytes())
        answers = {item["id"]: sample_answer(item) for item in list(walk_items(template["sections"]))[:12]}
        write("inspection_answers", path.stem, body(index, answers))


def calendars():
    for path in sorted((ROOT / "data/calendar").glob("*.json")):
        year = json.loads(path.read_text())["year"]
        write("calendar", path.stem, bytes([year - 2020]) + path.read_bytes())


def cell_ref(row, column):
    return f"{chr(ord('A') + column)}{row}"


def xlsx(sheets, shared=False):
    """A minimal workbook: {name: rows of texts/numbers}, strings inline or in sharedStrings.xml."""
    out = io.BytesIO()
    strings = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        def put(name, text):  # a fixed date, so the seeds are the same on every run
            archive.writestr(zipfile.ZipInfo(name, (2026, 6, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
        put("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '</Types>')
        entries, rels = [], []
        for n, (name, rows) in enumerate(sheets.items(), start=1):
            entries.append(f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>')
            rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
                        f'2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
            xml_rows = []
            for r, row in enumerate(rows, start=1):
                cells = []
                for c, value in enumerate(row):
                    ref = cell_ref(r, c)
                    if isinstance(value, (int, float)):
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    elif shared:
                        strings.append(value)
                        cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
                xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
            put(f"xl/worksheets/sheet{n}.xml",
                       '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                       f'spreadsheetml/2006/main"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>')
        put("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships"><sheets>{"".join(entries)}</sheets></workbook>')
        put("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships">{"".join(rels)}</Relationships>')
        if shared:
            items = "".join(f"<si><t>{s}</t></si>" for s in strings)
            put("xl/sharedStrings.xml",
                       '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                       f'spreadsheetml/2006/main">{items}</sst>')
    return out.getvalue()


def sheets():
    enterprises = [["企业名称", "统一社会信用代码", "行政区划", "规模"],
                   ["无锡示例化工有限公司", "91320214MA1N2X3Y4Q", "320214", "小型"],
                   ["常州示例电镀厂", "91320400MA1P2Q3R4S", "320400", 12.5]]
    csv = "\n".join(",".join(f'"{v}"' if isinstance(v, str) and "," in v else str(v) for v in row)
                    for row in enterprises)
    write("sheet", "xlsx-inline", b"\x00" + xlsx({"企业": enterprises}))
    write("sheet", "xlsx-shared", b"\x00" + xlsx({"企业": enterprises}, shared=True))
    write("sheet", "csv-utf8-bom", b"\x01\xef\xbb\xbf" + csv.encode())
    write("sheet", "csv-gbk", b"\x01" + (csv.replace("\n", "\r\n") + '\r\n"引号,""内""",x').encode("gb18030"))
    write("sheet", "xlsx-survey", b"\x02" + xlsx({"survey": [["type", "name"], ["text", "q1"]]}))


def xlsforms():
    survey = [["type", "name", "label::中文", "required", "relevant", "constraint"],
              ["begin_group", "site", "现场", "", "", ""],
              ["select_one yn", "pool", "事故应急池是否建成", "yes", "", ""],
              ["integer", "volume", "容积（立方米）", "no", "${pool} = 'yes'", ". >= 0 and . <= 100000"],
              ["text", "note", "说明", "", "", ""],
              ["image", "photo", "照片", "", "", ""],
              ["begin_repeat", "tanks", "储罐", "", "", ""],
              ["text", "tank_name", "名称", "", "", ""],
              ["decimal", "tank_volume", "容积", "", "", ""],
              ["end_repeat", "", "", "", "", ""],
              ["end_group", "", "", "", "", ""]]
    choices = [["list_name", "name", "label::中文"], ["yn", "yes", "是"], ["yn", "no", "否"]]
    settings = [["form_title", "form_id", "version"], ["应急设施检查", "emergency_check", 2]]
    write("xlsform", "groups-repeat", xlsx({"survey": survey, "choices": choices, "settings": settings}))
    write("xlsform", "shared-strings", xlsx({"survey": survey[:5], "choices": choices}, shared=True))


def photos():
    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(tmp) / "base.v"
        subprocess.run(["vips", "gaussnoise", str(base), "48", "32", "--seed", "7"], check=True)
        for suffix in ("jpg", "png", "webp"):
            out = pathlib.Path(tmp) / f"photo.{suffix}"
            subprocess.run(["vips", "copy", str(base), f"{out}[strip]" if suffix != "png" else str(out)],
                           check=True)
            write("upload", suffix, out.read_bytes())
    write("upload", "pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def static_paths():
    for name, target in {"index": "/", "asset": "/assets/app-1.js\nbr;q=1, gzip;q=0.5",
                         "field": "/field/visits/3?x=1", "robots": "/robots.txt\ngzip, br",
                         "dotdot": "/assets/%2e%2e/%2e%2e/secret/passwd", "symlink": "/out/passwd"}.items():
        write("static_path", name, target)


if __name__ == "__main__":
    json_bodies()
    checklists()
    calendars()
    sheets()
    xlsforms()
    photos()
    static_paths()
