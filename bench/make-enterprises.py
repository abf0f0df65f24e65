#!/usr/bin/env python3
"""Writes N enterprises as an import CSV (UTF-8 or GBK) with valid, distinct credit codes.

Usage: bench/make-enterprises.py N OUT.csv [--gbk] [--set NAME]
The rows use the demo regions (梁溪区/新吴区 and their streets), so they import into a seeded database.
"""
import sys

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


def main() -> None:
    count, out = int(sys.argv[1]), sys.argv[2]
    encoding = "gbk" if "--gbk" in sys.argv else "utf-8"
    # Distinct sets (names and credit codes) for several imports into one database.
    set_name = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "A"
    offset = (ord(set_name[0]) - ord("A")) * 10_000_000
    places = [("梁溪区", "崇安寺街道"), ("梁溪区", "通江街道"), ("新吴区", "旺庄街道"), ("新吴区", "硕放街道")]
    scales = ["大型", "中型", "小型", "微型"]
    risks = ["一般", "较大", "重大", "未评定"]
    industries = ["2614", "1713", "3360", "3391", "2641", "2710"]
    lines = ["企业名称,统一社会信用代码,法定代表人,实际经营地址,联系人,联系电话,行业代码,企业规模,区县,街道,"
             "排污许可管理类别,排污许可证编号,环境风险等级,周边敏感受体"]
    for i in range(count):
        district, street = places[i % 4]
        lines.append(",".join([
            f"无锡市测试企业{set_name}{i:05d}有限公司", credit_code(1_000_000 + offset + i * 7), "张三", f"无锡市{district}测试路{i}号",
            "李四", f"139{i:08d}", industries[i % 6], scales[i % 4], district, street, "重点管理",
            f"PW{i:010d}", risks[i % 4], "\"京杭大运河；居民区\""]))
    with open(out, "w", encoding=encoding, newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


if __name__ == "__main__":
    main()
