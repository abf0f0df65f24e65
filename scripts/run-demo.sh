#!/usr/bin/env bash
# Serves Riskwatch at http://127.0.0.1:8080 on the embedded SQLite database, creating it with demo data
# the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
db="sqlite://$PWD/var/riskwatch.db"
mkdir -p var
if [[ ! -f var/riskwatch.db ]]; then
  build/riskwatch migrate --db "$db"
  build/riskwatch seed-demo --db "$db"
fi
cat <<'TEXT'

  Riskwatch 风险防控服务平台  →  http://127.0.0.1:8080   (phone field app: http://127.0.0.1:8080/field/)
  Demo logins (password Demo@2026 for all):
    demo-admin       platform admin / 平台管理员
    demo-regulator   regulator / 监管部门        demo-viewer      regulator viewer
    demo-insurer     insurer / 保险机构          demo-agency      agency admin / 服务机构管理员
    demo-expert      agency expert / 专家        demo-technician  agency technician / 技术人员
    demo-enterprise  enterprise / 企业用户       demo-park        industrial park / 工业园区
  Stop with Ctrl-C.

TEXT
exec build/riskwatch serve --db "$db" --listen 127.0.0.1:8080 --data-dir var/data --web-dir web/dist
