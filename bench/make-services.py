#!/usr/bin/env python3
"""Writes SQL that adds a big city's year of services to a seeded SQLite database, for bench/services-bench.sh.

Usage: bench/make-services.py DB [--today YYYY-MM-DD] [--enterprises N] [--items N] [--visits N]
                              [--deadlines N] [--notifications N] [--staff N] > services.sql
       sqlite3 -bail DB < services.sql

DB is the database `riskwatch seed-demo` filled; it is only read here, for the ids of the demo rows (agency A,
insurer A, their users and staff, the demo streets, the catalog). The SQL is one transaction of multi-row
INSERTs with explicit ids after the existing ones. Defaults, all for insurer A / agency A of the demo data:
  5,000 enterprises, each insured by insurer A (environmental policy),
  36 more staff of agency A (40 usable in all),
  10,000 commission items in 100 commissions (every enterprise in two), statuses mixed,
  20,000 visits over the year with 1-3 service types and a team of 2-3 each,
  30,000 deadlines (commission on-site, data upload, report review): open/met/cancelled, some overdue,
  50,000 notifications for the users of agency A and insurer A, most of the older ones read.
The data are random but deterministic (fixed seed), dated around --today (default 2026-06-01).
"""
import argparse
import datetime as dt
import random
import sqlite3
import sys

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CHUNK = 500  # rows per INSERT statement


def credit_code(n: int) -> str:
    # 91 (enterprise), 320213 (Wuxi Liangxi), 9-character organization part from n, check character.
    part = ""
    for _ in range(9):
        part = CHARSET[n % 31] + part
        n //= 31
    first17 = "91320213" + part
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + CHARSET[(31 - total % 31) % 31]


def sql(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        value = value.isoformat()
    return "'" + str(value).replace("'", "''") + "'"


class Writer:
    def __init__(self, out):
        self.out = out
        self.counts = {}

    def insert(self, table: str, columns: list, rows: list) -> None:
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES\n"
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            self.out.write(head + ",\n".join("(" + ", ".join(sql(v) for v in row) + ")" for row in chunk) + ";\n")


def add_working_days(day: dt.date, n: int) -> dt.date:
    # Monday-Friday only: close enough for generated due dates (the server computes its own answers).
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def next_working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def moment(day: dt.date, rng: random.Random) -> str:
    # A UTC time during the China working day (08:30-18:00 China time).
    seconds = rng.randint(30 * 60, 10 * 3600)
    return (dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def one(db, query: str, *params):
    row = db.execute(query, params).fetchone()
    if row is None:
        sys.exit(f"make-services: not in the database (run seed-demo first): {query} {params}")
    return row[0]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("db")
    p.add_argument("--today", default="2026-06-01")
    p.add_argument("--enterprises", type=int, default=5000)
    p.add_argument("--items", type=int, default=10000)
    p.add_argument("--visits", type=int, default=20000)
    p.add_argument("--deadlines", type=int, default=30000)
    p.add_argument("--notifications", type=int, default=50000)
    p.add_argument("--staff", type=int, default=36)
    a = p.parse_args()
    today = dt.date.fromisoformat(a.today)
    year_start, year_end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    rng = random.Random(2026)

    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    agency = one(db, "SELECT org_id FROM users WHERE username = 'demo-agency'")
    insurer = one(db, "SELECT org_id FROM users WHERE username = 'demo-insurer'")
    platform = one(db, "SELECT org_id FROM users WHERE username = 'demo-admin'")
    insurer_user = one(db, "SELECT id FROM users WHERE username = 'demo-insurer'")
    agency_users = [one(db, "SELECT id FROM users WHERE username = ?", u)
                    for u in ("demo-agency", "demo-expert", "demo-technician", "demo-expert2")]
    streets = [r[0] for r in db.execute("SELECT id FROM regions WHERE level = 'street' ORDER BY id")]
    seeded_staff = [r[0] for r in db.execute("SELECT id FROM staff WHERE org_id = ? AND excluded = 0 ORDER BY id",
                                             (agency,))]
    # The current versions of the environmental on-site types (wuxi.*), what insurer A commissions.
    versions = [r[0] for r in db.execute(
        "SELECT v.id FROM service_type_versions v JOIN service_types t ON t.id = v.type_id "
        "WHERE v.version = t.current_version AND v.insurance_type = 'environmental' AND v.on_site = 1 "
        "AND t.code LIKE 'wuxi.%' ORDER BY v.id")]
    next_id = {t: one(db, f"SELECT COALESCE(MAX(id), 0) + 1 FROM {t}")
               for t in ("enterprises", "policies", "staff", "commissions", "commission_items", "visits",
                         "deadlines", "notifications")}
    db.close()
    if not streets or not versions or not seeded_staff:
        sys.exit("make-services: the demo streets, catalog or staff are missing (run seed-demo first)")

    out = sys.stdout
    w = Writer(out)
    out.write("-- generated by bench/make-services.py\nBEGIN;\n")
    created_at = f"{year_start.isoformat()}T01:00:00Z"

    # ------------------------------------------------------------ enterprises and their policies
    scales, risks = ["large", "medium", "small", "small", "micro"], ["general", "general", "larger", "major", "unknown"]
    industries = ["2614", "1713", "3360", "3391", "2641", "2710", "1711", "3130", "3982", "2922"]
    words = ["恒", "华", "锡", "太湖", "江南", "新材", "宏远", "东方", "利民", "金", "蓝天", "富源", "明光", "长江",
             "清泉", "瑞丰", "中科", "协和", "安达", "创新"]
    trades = ["化工", "印染", "电镀", "精密铸造", "涂料", "表面处理", "制药", "纺织", "食品", "热处理", "包装印刷",
              "塑料", "电子", "钢管", "橡胶", "电池材料"]
    e0 = next_id["enterprises"]
    enterprises = list(range(e0, e0 + a.enterprises))
    rows, policies = [], []
    for i, eid in enumerate(enterprises):
        district = "梁溪区" if i % 4 < 2 else "新吴区"
        address = f"无锡市{district}工业路 {100 + i} 号"
        name = f"无锡市{words[i % len(words)]}{trades[(i // len(words)) % len(trades)]}{i:05d}有限公司"
        rows.append([eid, name, credit_code(5_000_000 + i * 13), "张三", address, address,
                     '[{"name":"李四","phone":"13900000000","role":"环保负责人"}]', industries[i % len(industries)],
                     scales[i % len(scales)], streets[i % len(streets)], risks[(i // 3) % len(risks)],
                     '["京杭大运河"]', platform, created_at, created_at])
        policies.append([next_id["policies"] + i, "environmental", insurer, f"PICC-WX-2026-B{i:06d}", eid,
                         "2026-01-01", "2026-12-31", 3000000 + 50000 * (i % 10), 200000000, "percent", 1500, "active",
                         created_at, created_at])
    w.insert("enterprises", ["id", "name", "credit_code", "legal_representative", "registered_address",
                             "business_address", "contacts", "industry_code", "scale", "region_id", "risk_level",
                             "sensitive_receptors", "created_by_org_id", "created_at", "updated_at"], rows)
    w.insert("policies", ["id", "insurance_type", "insurer_org_id", "policy_number", "enterprise_id", "starts_on",
                          "ends_on", "premium_fen", "sum_insured_fen", "fund_share_kind", "fund_share_value", "status",
                          "created_at", "updated_at"], policies)
    policy_of = {eid: next_id["policies"] + i for i, eid in enumerate(enterprises)}

    # ------------------------------------------------------------ staff of agency A
    s0 = next_id["staff"]
    family = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    rows = []
    for i in range(a.staff):
        kind = "expert" if i % 3 == 0 else "technician"
        rows.append([s0 + i, agency, f"{family[i % len(family)]}基准{i:02d}", f"1370000{i:04d}",
                     ["junior", "intermediate", "senior", "full_senior"][i % 4], kind,
                     "city" if kind == "expert" else None, '["water"]', "good", created_at, created_at])
    w.insert("staff", ["id", "org_id", "name", "phone", "title_level", "kind", "expert_pool_level", "specialties",
                       "evaluation_grade", "created_at", "updated_at"], rows)
    staff = seeded_staff + list(range(s0, s0 + a.staff))
    experts = [sid for sid in staff if sid in seeded_staff[:2] or (sid >= s0 and (sid - s0) % 3 == 0)]

    # ------------------------------------------------------------ commissions and their items
    commissions_count = max(2, a.items // 100)
    c0 = next_id["commissions"]
    rows, types, commission_days = [], [], []
    for c in range(commissions_count):
        day = year_start + dt.timedelta(days=int(c * (today - year_start).days / commissions_count))
        commission_days.append(day)
        rows.append([c0 + c, insurer, agency, f"2026 年度环责险风险防控服务（第 {c + 1} 批）", insurer_user,
                     moment(day, rng)])
        for v in sorted(rng.sample(versions, min(len(versions), 1 + c % 2))):
            types.append([c0 + c, v])
    w.insert("commissions", ["id", "insurer_org_id", "agency_org_id", "notes", "created_by", "created_at"], rows)
    w.insert("commission_service_types", ["commission_id", "service_type_version_id"], types)

    statuses = (["completed"] * 45 + ["accepted"] * 30 + ["pending"] * 12 + ["declined"] * 4 +
                ["cancel_requested"] * 2 + ["cancelled"] * 3 + ["withdrawn"] * 4)
    i0 = next_id["commission_items"]
    items, rows = [], []  # items: (id, enterprise, status, accepted_on, due_on)
    per_enterprise = max(1, -(-a.items // max(1, len(enterprises))))
    for n in range(a.items):
        e_index, k = n % len(enterprises), n // len(enterprises)
        commission = c0 + (e_index * commissions_count // len(enterprises) + k * (commissions_count // per_enterprise
                                                                                    + 1)) % commissions_count
        eid = enterprises[e_index]
        status = rng.choice(statuses)
        commissioned = commission_days[commission - c0]
        accepted_on = due_on = completed_on = None
        reason = ""
        if status in ("accepted", "completed", "cancel_requested", "cancelled"):
            accepted_on = min(today, commissioned + dt.timedelta(days=rng.randint(0, 10)))
            due_on = next_working_day(accepted_on + dt.timedelta(days=60))
            if status == "completed":
                completed_on = min(today, accepted_on + dt.timedelta(days=rng.randint(5, 55)))
            if status in ("cancel_requested", "cancelled"):
                reason = "企业实际经营地址与登记信息不符，无法联系"
        elif status == "declined":
            reason = "超出本机构服务区域"
        items.append((i0 + n, eid, status, accepted_on, due_on))
        rows.append([i0 + n, commission, eid, policy_of[eid], status, accepted_on, due_on, completed_on, reason,
                     moment(completed_on or accepted_on or commissioned, rng)])
    w.insert("commission_items", ["id", "commission_id", "enterprise_id", "policy_id", "status", "accepted_on",
                                  "due_on", "completed_on", "reason", "updated_at"], rows)
    items_of = {}
    for item in items:
        if item[2] in ("accepted", "completed"):
            items_of.setdefault(item[1], []).append(item[0])

    # ------------------------------------------------------------ visits, their service types and teams
    v0 = next_id["visits"]
    visits, rows, vtypes, team = [], [], [], []  # visits: (id, enterprise, status, planned_on)
    days_in_year = (year_end - year_start).days + 1
    for n in range(a.visits):
        vid = v0 + n
        eid = enterprises[rng.randrange(len(enterprises))]
        planned = next_working_day(year_start + dt.timedelta(days=rng.randrange(days_in_year)))
        if planned < today:
            status = rng.choices(["done", "could_not_enter", "cancelled", "in_progress"], [85, 5, 7, 3])[0]
        elif planned == today:
            status = rng.choice(["confirmed", "in_progress"])
        else:
            status = rng.choices(["planned", "confirmed"], [70, 30])[0]
        done_on = planned if status == "done" else None
        uploaded = reviewed = None
        if done_on and planned < today - dt.timedelta(days=10):
            uploaded = add_working_days(done_on, rng.randint(1, 5))
            if rng.random() < 0.8:
                reviewed = min(today, add_working_days(uploaded, rng.randint(1, 10)))
        started = moment(planned, rng) if status in ("done", "in_progress", "could_not_enter") else None
        linked = items_of.get(eid)
        rows.append([vid, eid, agency, rng.choice(linked) if linked else None, planned, 1 + (n % 10 == 0),
                     int(n % 25 == 0), status, "refused" if status == "could_not_enter" else "", started, done_on,
                     uploaded, reviewed, moment(planned - dt.timedelta(days=14), rng), moment(planned, rng)])
        for v in sorted(rng.sample(versions, min(len(versions), rng.choice([1, 1, 2, 3])))):
            vtypes.append([vid, v])
        members = [rng.choice(experts)]
        members += rng.sample([s for s in staff if s != members[0]], rng.choice([1, 1, 2]))
        for k, sid in enumerate(members):
            team.append([vid, sid, int(k == 0)])
        visits.append((vid, eid, status, planned, done_on, uploaded, reviewed))
    w.insert("visits", ["id", "enterprise_id", "agency_org_id", "commission_item_id", "planned_on", "duration_days",
                        "special_request", "status", "not_entered_reason", "started_at", "done_on",
                        "data_uploaded_on", "reviewed_on", "created_at", "updated_at"], rows)
    w.insert("visit_service_types", ["visit_id", "service_type_version_id"], vtypes)
    w.insert("visit_team", ["visit_id", "staff_id", "leader"], team)

    # ------------------------------------------------------------ deadlines
    # A third commission on-site (60 calendar days), half data upload (5 working days), a sixth report review
    # (10 working days, insurer A acts). Due dates spread over the year so far and the next three months: the
    # past ones mostly met, some still open (overdue); the future ones mostly open.
    d0 = next_id["deadlines"]
    rows = []
    span_end = today + dt.timedelta(days=90)
    for n in range(a.deadlines):
        kind = ("commission_on_site", "data_upload", "data_upload", "commission_on_site", "report_review",
                "data_upload")[n % 6]
        due = next_working_day(year_start + dt.timedelta(days=20 + rng.randrange((span_end - year_start).days - 20)))
        if kind == "commission_on_site":
            item = items[rng.randrange(len(items))]
            object_type, object_id, eid = "commission_item", item[0], item[1]
            starts, amount, unit, basis, version = due - dt.timedelta(days=60), 60, "calendar_days", "wuxi §15(二)", None
            responsible, watcher = agency, insurer
        else:
            visit = visits[rng.randrange(len(visits))]
            object_type, object_id, eid = "visit", visit[0], visit[1]
            amount = 5 if kind == "data_upload" else 10
            starts = due - dt.timedelta(days=amount + 2 * (amount // 5))
            unit, version = "working_days", rng.choice(versions)
            basis = "wuxi att.1 一(一)7" if kind == "data_upload" else "wuxi §16"
            responsible, watcher = (agency, insurer) if kind == "data_upload" else (insurer, agency)
        if due < today:
            status = rng.choices(["met", "open", "cancelled"], [86, 9, 5])[0]
        else:
            status = rng.choices(["open", "met", "cancelled"], [78, 20, 2])[0]
        met_on = min(today, due - dt.timedelta(days=rng.randint(0, 5))) if status == "met" else None
        overdue = int(status == "open" and due < today)
        reminded = int(status != "cancelled" and due <= add_working_days(today, 2))
        rows.append([d0 + n, kind, object_type, object_id, version, eid, responsible, watcher, starts, due, amount,
                     unit, basis, status, met_on, overdue, reminded, overdue, moment(starts, rng)])
    w.insert("deadlines", ["id", "kind", "object_type", "object_id", "service_type_version_id", "enterprise_id",
                           "responsible_org_id", "watcher_org_id", "starts_on", "due_on", "amount", "unit", "basis",
                           "status", "met_on", "overdue", "reminded", "overdue_notified", "created_at"], rows)

    # ------------------------------------------------------------ notifications
    # 40 % to demo-agency, 30 % to demo-insurer, the rest to agency A's experts and technician.
    n0 = next_id["notifications"]
    recipients = [agency_users[0]] * 8 + [insurer_user] * 6 + agency_users[1:] * 2
    kinds = [("deadline_due_soon", "即将到期 · 现场服务：{e}", "Due soon · On-site service: {e}"),
             ("deadline_overdue", "已逾期 · 数据上传：{e}", "Overdue · Data upload: {e}"),
             ("commission_created", "新的委托：{e}", "New commission: {e}"),
             ("visit_assigned", "现场服务安排：{e}", "Visit scheduled: {e}")]
    rows = []
    for n in range(a.notifications):
        day = year_start + dt.timedelta(days=int(n * (today - year_start).days / a.notifications))
        kind, title, title_en = kinds[rng.randrange(len(kinds))]
        visit = visits[rng.randrange(len(visits))]
        ename = f"企业 {visit[1]}"
        at = moment(day, rng)
        read = rng.random() < (0.95 if day < today - dt.timedelta(days=14) else 0.3)
        rows.append([n0 + n, recipients[n % len(recipients)], kind, title.format(e=ename), title_en.format(e=ename),
                     f"期限为 {day.isoformat()}。", f"It is due on {day.isoformat()}.", "visit", visit[0], at,
                     at if read else None])
    w.insert("notifications", ["id", "user_id", "kind", "title", "title_en", "body", "body_en", "object_type",
                               "object_id", "created_at", "read_at"], rows)

    out.write("COMMIT;\n")
    print("make-services: " + ", ".join(f"{n} {t}" for t, n in w.counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
