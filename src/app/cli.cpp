#include "app/cli.hpp"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cctype>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

#include "accounts/password.hpp"
#include "accounts/password_policy.hpp"
#include "accounts/user_service.hpp"
#include "accounts/user_store.hpp"
#include "app/api.hpp"
#include "app/demo_data.hpp"
#include "archive/archive_lists.hpp"
#include "benchdata/generator.hpp"
#include "envrisk/substance_catalog.hpp"
#include "files/image_probe.hpp"
#include "files/object_sweep.hpp"
#include "hazards/hazard_ledger.hpp"
#include "inspections/template_store.hpp"
#include "ops/backup.hpp"
#include "platform/dates.hpp"
#include "platform/db/migrations.hpp"
#include "platform/files/directory_store.hpp"
#include "platform/heavy_work.hpp"
#include "platform/http/server.hpp"
#include "platform/metrics.hpp"
#include "platform/paging.hpp"
#include "registry/enterprise_search_index.hpp"
#include "services/catalog.hpp"
#include "services/daily_jobs.hpp"
#include "webhooks/webhook_delivery.hpp"

namespace rw::app {
namespace {

std::string default_db_url() {
  return "sqlite://" + (std::filesystem::current_path() / "var" / "riskwatch.db").string();
}

std::unique_ptr<db::Database> open_database(const std::string& url, std::size_t pool_size,
                                            db::ConnectionSettings settings = {}) {
  if (url.rfind("sqlite://", 0) == 0) {
    const std::filesystem::path path = url.substr(9);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  }
  auto database = db::Database::open(url, pool_size, settings);
  auto result = db::migrate(*database);
  for (const auto& name : result.applied) spdlog::info("applied migration {}", name);
  {
    auto lease = database->acquire();
    services::install_shipped_catalog(*lease);
    inspections::install_shipped_templates(*lease);
    envrisk::install_shipped_substance_table(*lease);
    archive::install_shipped_lists(*lease);
    // PostgreSQL keeps its statistics itself (autovacuum); SQLite's are refreshed at start and daily.
    if (database->dialect() == db::Dialect::sqlite) db::refresh_statistics(*lease);
  }
  return database;
}

// Where uploaded files are kept: --files-dir, or <data-dir>/files.
std::filesystem::path files_root(const std::string& data_dir, const std::string& files_dir) {
  return files_dir.empty() ? std::filesystem::path(data_dir) / "files" : std::filesystem::path(files_dir);
}

struct ServeOptions {
  std::string db_url = default_db_url();
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "var/data";
  std::string files_dir;  // empty: <data-dir>/files
  std::string web_dir = "web/dist";
  std::string port_file;
  std::string clock_file;
  std::int64_t job_interval_seconds = 300;
  std::int64_t webhook_interval_ms = 5000;
  std::int64_t search_index_interval_ms = 100;
  webhooks::DeliveryOptions webhook_delivery;
  std::int64_t webhook_timeout_ms = 10'000;
  std::int64_t session_idle_seconds = 8 * 3600;
  std::int64_t count_cap = kExactTotalCap;
  hazards::LedgerLimits ledger_limits;
  std::size_t heavy_work = heavy_work_limit();
  // A list that counts or sorts thousands of rows reads the same pages request after request; in SQLite's
  // default 2 MB a province's lists read them again from the OS (pread) each time. 32 MiB kept them (an
  // insurer's visits of a month: 31 -> 15 ms of CPU; bench/README, fifth round), 16 MiB lost the 2-character
  // search's; 24 MiB keeps them all, and 14 connections' caches stay within the 400 MB of issue 10 with no
  // process-wide budget (whose counting serialized the workers; twenty-first round).
  std::size_t read_cache_mib = 24;
  bool secure_cookies = false;
  bool allow_dry_run = false;
  accounts::PasswordPolicy password_policy;
  std::string password_deny_file;
  std::string metrics_token_file;
  std::string access_log = "text";
  std::vector<std::string> trusted_proxies;
  std::size_t max_body_bytes = api::Settings{}.max_body_bytes;
  std::size_t max_upload_bytes = api::Settings{}.max_upload_bytes;
  std::size_t max_photo_bytes = api::Settings{}.max_photo_bytes;
  http::ServerOptions server;
  std::int64_t header_timeout_ms = 10'000, body_timeout_ms = 60'000, idle_timeout_ms = 30'000,
               grace_ms = 20'000;
};

// Runs `job` now and then every `interval` on a thread of its own until the server stops (0: never); a
// failure is logged and the next round comes as usual. The daily jobs check whether today's still have to
// run; the webhook pass sends the deliveries that are due.
// The token in `path` (its first line); "" for no file. A short token is refused: it would be guessed.
std::string read_metrics_token(const std::string& path) {
  if (path.empty()) return "";
  std::ifstream in(path);
  std::string token;
  std::getline(in, token);
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.size() < 16)
    throw CLI::ValidationError("--metrics-token-file", "the token must be at least 16 characters");
  return token;
}

class Repeating {
 public:
  Repeating(const char* name, std::chrono::milliseconds interval, std::function<void()> job) {
    if (interval.count() <= 0) return;
    thread_ = std::jthread([name, interval, job = std::move(job), this](std::stop_token stop) {
      std::mutex mutex;
      std::unique_lock lock(mutex);
      while (!stop.stop_requested()) {
        try {
          job();
          metrics::process().count_job_run(name, true, std::chrono::system_clock::now());
        } catch (const std::exception& e) {
          spdlog::error("{} failed: {}", name, e.what());
          metrics::process().count_job_run(name, false, std::chrono::system_clock::now());
        }
        wake_.wait_for(lock, stop, interval, [] { return false; });
      }
    });
  }

 private:
  std::condition_variable_any wake_;
  std::jthread thread_;
};

int serve(ServeOptions& o) {
  const auto colon = o.listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
  o.server.host = o.listen.substr(0, colon);
  o.server.port = static_cast<unsigned short>(std::stoi(o.listen.substr(colon + 1)));
  o.server.header_timeout = std::chrono::milliseconds(o.header_timeout_ms);
  o.server.body_timeout = std::chrono::milliseconds(o.body_timeout_ms);
  o.server.idle_timeout = std::chrono::milliseconds(o.idle_timeout_ms);
  o.server.shutdown_grace = std::chrono::milliseconds(o.grace_ms);
  o.webhook_delivery.timeout = std::chrono::milliseconds(o.webhook_timeout_ms);
  o.server.spool_dir = std::filesystem::path(o.data_dir) / "tmp";  // large request bodies
  set_exact_total_cap(o.count_cap);
  hazards::set_ledger_limits(o.ledger_limits);
  set_heavy_work_limit(o.heavy_work);
  if (!o.password_deny_file.empty())
    o.password_policy.extra_denied = accounts::read_denied_passwords(o.password_deny_file);
  accounts::set_password_policy(o.password_policy);
  std::filesystem::create_directories(o.server.spool_dir);
  // A connection for each worker, one for the health probes' lane, one for the daily jobs, one for the
  // webhook deliveries, one for the file sweep, one for the search index and one spare.
  auto database = open_database(o.db_url, http::worker_count(o.server) + 6, {o.read_cache_mib});
  SystemClock system_clock;
  FileClock file_clock(o.clock_file);
  const Clock& clock = o.clock_file.empty() ? static_cast<const Clock&>(system_clock) : file_clock;
  api::Settings settings{
      o.session_idle_seconds, o.secure_cookies,   database->dialect_name(), o.trusted_proxies,
      o.max_body_bytes,       o.max_upload_bytes, o.max_photo_bytes,        o.webhook_delivery.loopback_http,
      o.allow_dry_run};
  settings.metrics_token = read_metrics_token(o.metrics_token_file);
  metrics::process().add_gauges([&database] {
    const auto pool = database->pool_state();
    return std::vector<metrics::Gauge>{
        {"riskwatch_db_connections_open", "Database connections open.", static_cast<double>(pool.open)},
        {"riskwatch_db_connections_in_use", "Database connections lent to a request or job.",
         static_cast<double>(pool.open - pool.idle)},
        {"riskwatch_db_connections_max", "The pool's limit.", static_cast<double>(pool.limit)}};
  });
  o.server.access_log = o.access_log == "json"  ? http::AccessLog::json
                        : o.access_log == "off" ? http::AccessLog::off
                                                : http::AccessLog::text;
  files::start_image_library();  // loads libvips and its modules now, not on the first upload
  files::DirectoryStore file_store(files_root(o.data_dir, o.files_dir));
  Api api(*database, clock, settings, file_store, o.web_dir);
  if (!o.port_file.empty()) {
    o.server.on_listening = [&](unsigned short port) {
      const auto temporary = o.port_file + ".tmp";
      std::ofstream(temporary) << port << "\n";
      std::filesystem::rename(temporary, o.port_file);  // readers never see a half-written file
    };
  }
  // Probes and scrapes are answered while every worker is busy.
  o.server.own_lane = [](std::string_view method, std::string_view target) {
    return method == "GET" && (target == "/api/v1/health" || target == "/api/v1/livez" ||
                               target == "/api/v1/readyz" || target == "/api/v1/metrics");
  };
  o.server.body_limit_for = [&api](std::string_view method, std::string_view target) {
    return api.body_limit(method, target);
  };
  Repeating jobs("daily jobs", std::chrono::seconds(o.job_interval_seconds),
                 [&] { services::run_daily_jobs(*database, clock); });
  Repeating sweep("file sweep", std::chrono::hours(24),
                  [&] { files::sweep_unnamed_objects(*database, file_store, files::kSweepMinAge); });
  Repeating deliveries("webhook deliveries", std::chrono::milliseconds(o.webhook_interval_ms),
                       [&] { webhooks::deliver_due(*database, clock, o.webhook_delivery); });
  // SQLite: the enterprises written since the last pass go into the text indexes together (V052).
  const bool waiting_list = database->dialect() == db::Dialect::sqlite;
  Repeating search_index("search index",
                         std::chrono::milliseconds(waiting_list ? o.search_index_interval_ms : 0),
                         [&] { registry::index_all_waiting_enterprises(*database->acquire()); });
  http::serve(o.server, [&api](http::Request& request) { return api.handle(request); });
  return 0;
}

int create_admin(const std::string& db_url, const std::string& requested_username) {
  const auto username = accounts::normalize_username(requested_username);
  std::string password;
  std::getline(std::cin, password);
  if (!accounts::valid_username(username)) {
    std::cerr << "invalid username: use 3–64 letters, digits or . _ - @\n";
    return 2;
  }
  if (auto weak = accounts::check_password_policy(password, "password", {username})) {
    std::cerr << weak->message << " / " << weak->message_en << "\n";
    return 2;
  }
  auto database = open_database(db_url, 1);
  auto lease = database->acquire();
  db::Transaction transaction(*lease, true);
  if (!lease->query("SELECT 1 AS one FROM users WHERE username = ?", {username}).empty()) {
    std::cerr << "username already exists: " << username << "\n";
    return 1;
  }
  const auto now = format_utc(SystemClock().now());
  auto platform = lease->query("SELECT id FROM organizations WHERE type = 'platform' ORDER BY id LIMIT 1");
  const auto org_id = platform.empty()
                          ? lease
                                ->query(
                                    "INSERT INTO organizations (name, type, active, created_at, updated_at) "
                                    "VALUES ('Riskwatch 平台', 'platform', 1, ?, ?) RETURNING id",
                                    {now, now})[0]
                                .integer("id")
                          : platform[0].integer("id");
  accounts::insert_user(*lease, {org_id, username, username, {"admin"}, accounts::hash_password(password)},
                        now);
  transaction.commit();
  std::cout << "created platform admin " << username << "\n";
  return 0;
}

int bench_data(const std::string& db_url, benchdata::Options options) {
  if (options.today.empty()) options.today = china_date(SystemClock().now());
  options.password = kDemoPassword;
  auto database = open_database(db_url, 1);
  const auto summary = benchdata::generate(*database, options);
  std::cout << "bench data (" << options.scale << ", seed " << options.seed << ", today " << options.today
            << "); every user's password is " << kDemoPassword << "\n"
            << benchdata::format_summary(summary);
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Riskwatch — 风险防控服务平台 / risk-prevention services platform"};
  app.require_subcommand(1);
  app.set_version_flag("--version", RISKWATCH_VERSION);

  ServeOptions serve_options;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the API and the web app (migrates first)");
  serve_cmd->add_option("--db", serve_options.db_url, "sqlite:///abs/path.db or postgresql://…")
      ->capture_default_str();
  serve_cmd->add_option("--listen", serve_options.listen, "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  serve_cmd->add_option("--data-dir", serve_options.data_dir, "Uploaded and generated files")
      ->capture_default_str();
  serve_cmd->add_option("--files-dir", serve_options.files_dir,
                        "File store shared by several servers (one filesystem, e.g. NFS); "
                        "default <data-dir>/files");
  serve_cmd->add_option("--web-dir", serve_options.web_dir, "Built web app (web/dist)")
      ->capture_default_str();
  serve_cmd->add_option("--port-file", serve_options.port_file, "Write the bound port to this file");
  serve_cmd->add_option("--threads", serve_options.server.threads,
                        "I/O threads: read requests, write responses (0: one per core)");
  serve_cmd->add_option("--workers", serve_options.server.workers,
                        "Threads that run requests and their database work (0: four per core, at least 4)");
  serve_cmd
      ->add_option("--worker-nice", serve_options.server.worker_nice,
                   "How much lower the workers' CPU priority is than the I/O threads' and the probes' (nice)")
      ->check(CLI::Range(0, 19))
      ->capture_default_str();
  serve_cmd
      ->add_option("--queue-limit", serve_options.server.queue_limit,
                   "Requests waiting for a worker beyond which the server answers 503 server_busy")
      ->capture_default_str();
  serve_cmd->add_option("--max-body-bytes", serve_options.max_body_bytes, "Request body cap; larger gets 413")
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-upload-bytes", serve_options.max_upload_bytes,
                   "Body cap of file uploads (imports); bodies over 1 MiB go to <data-dir>/tmp, not memory")
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-photo-bytes", serve_options.max_photo_bytes,
                   "Body cap of photo and document uploads (POST /api/v1/files)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--header-timeout-ms", serve_options.header_timeout_ms, "Time to receive request headers")
      ->capture_default_str();
  serve_cmd
      ->add_option("--body-timeout-ms", serve_options.body_timeout_ms,
                   "Time to receive a body / send a response")
      ->capture_default_str();
  serve_cmd->add_option("--idle-timeout-ms", serve_options.idle_timeout_ms, "Keep-alive idle time")
      ->capture_default_str();
  serve_cmd
      ->add_option("--shutdown-grace-ms", serve_options.grace_ms, "Time in-flight requests get on SIGTERM")
      ->capture_default_str();
  serve_cmd
      ->add_option("--session-idle-seconds", serve_options.session_idle_seconds,
                   "Sign-in session idle expiry")
      ->capture_default_str();
  serve_cmd->add_option("--clock-file", serve_options.clock_file,
                        "Read the current time from this file (tests, training); system time when absent");
  serve_cmd
      ->add_option("--job-interval-seconds", serve_options.job_interval_seconds,
                   "How often to check for due daily jobs (0: never)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--webhook-interval-ms", serve_options.webhook_interval_ms,
                   "How often to send the webhook deliveries that are due (0: never)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--search-index-interval-ms", serve_options.search_index_interval_ms,
                   "SQLite: how often new, changed and imported enterprises go into the search indexes (0: "
                   "never; searches find them either way, more slowly the more wait)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--webhook-timeout-ms", serve_options.webhook_timeout_ms,
                   "Time one webhook delivery may take: resolve, connect, TLS, send, answer")
      ->capture_default_str();
  serve_cmd->add_flag("--webhook-loopback-http", serve_options.webhook_delivery.loopback_http,
                      "Tests and development only: webhooks may name http://127.0.0.1 URLs");
  serve_cmd
      ->add_option("--read-cache-mib", serve_options.read_cache_mib,
                   "SQLite: page cache of each database connection's reads, in MiB (the server opens one per "
                   "worker and 6 more, so its pages stay within this times their number)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--count-cap", serve_options.count_cap,
                   "Lists count their total exactly up to this many rows, beyond it answer total_exact false "
                   "(tests set a few)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve_cmd
      ->add_option(
          "--heavy-work", serve_options.heavy_work,
          "Requests that make a large file (a ledger, an export) or walk the archive, at most at once; "
          "one more is told to retry (503)")
      ->check(CLI::PositiveNumber);
  serve_cmd
      ->add_option("--ledger-rows", serve_options.ledger_limits.rows, "Most rows of a hazard ledger as .xlsx")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve_cmd
      ->add_option(
          "--ledger-pdf-rows", serve_options.ledger_limits.pdf_rows,
          "Most rows of a hazard ledger as PDF (it lays out all its pages in memory, some 27 MB a 1,000 "
          "rows)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve_cmd->add_flag("--secure-cookies", serve_options.secure_cookies, "Mark cookies Secure (behind HTTPS)");
  serve_cmd
      ->add_option("--password-min-length", serve_options.password_policy.min_length,
                   "Shortest password users may set (at least 8)")
      ->check(CLI::Range(8, 128))
      ->capture_default_str();
  serve_cmd
      ->add_option("--password-min-classes", serve_options.password_policy.min_classes,
                   "How many of lower case, upper case, digits and symbols a password needs")
      ->check(CLI::Range(1, 4))
      ->capture_default_str();
  serve_cmd
      ->add_option("--password-deny-file", serve_options.password_deny_file,
                   "Passwords refused beside the shipped common ones, one a line")
      ->check(CLI::ExistingFile);
  serve_cmd->add_flag(
      "--allow-dry-run", serve_options.allow_dry_run,
      "Roll back the writes of requests sent with X-Riskwatch-Dry-Run: 1 (tests; never in production)");
  serve_cmd
      ->add_option(
          "--metrics-token-file", serve_options.metrics_token_file,
          "A file holding the bearer token that may read /api/v1/metrics from anywhere (else loopback only)")
      ->check(CLI::ExistingFile);
  serve_cmd->add_option("--access-log", serve_options.access_log, "One line per request: text, json or off")
      ->check(CLI::IsMember({"text", "json", "off"}))
      ->capture_default_str();
  serve_cmd->add_option("--trusted-proxy", serve_options.trusted_proxies,
                        "Address of a reverse proxy whose X-Forwarded-For/-Proto are believed (repeatable)");

  std::string db_url = default_db_url();
  auto* migrate_cmd = app.add_subcommand("migrate", "Apply database migrations");
  migrate_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
  auto* seed_cmd = app.add_subcommand("seed-demo", "Create the demo city, organizations and users");
  seed_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
  std::string seed_clock_file;
  seed_cmd->add_option("--clock-file", seed_clock_file,
                       "Date the demo data by the time in this file (tests)");
  std::string seed_data_dir = ServeOptions{}.data_dir, seed_files_dir;
  seed_cmd
      ->add_option("--data-dir", seed_data_dir, "Where the demo's photos go: the data directory `serve` uses")
      ->capture_default_str();
  seed_cmd->add_option("--files-dir", seed_files_dir, "The file store, when `serve` is given one");
  std::string username;
  auto* admin_cmd =
      app.add_subcommand("create-admin", "Create a platform admin; reads the password from stdin");
  admin_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
  admin_cmd->add_option("--username", username, "Login name")->required();
  benchdata::Options bench_options;
  auto* bench_cmd = app.add_subcommand(
      "bench-data",
      "Fill an empty database with a generated city or province for benchmarks (demo logins included)");
  bench_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
  bench_cmd
      ->add_option("--scale", bench_options.scale, "tiny | city (10,000 enterprises) | province (100,000)")
      ->capture_default_str();
  bench_cmd->add_option("--seed", bench_options.seed, "Same seed, same data")->capture_default_str();
  bench_cmd->add_option("--today", bench_options.today,
                        "YYYY-MM-DD the data is dated around (default: today)");

  std::string sweep_data_dir = ServeOptions{}.data_dir, sweep_files_dir;
  std::int64_t sweep_min_age = files::kSweepMinAge.count();
  auto* sweep_cmd = app.add_subcommand(
      "sweep-files", "Remove the file store's objects that no record names (left by a crash mid-upload)");
  sweep_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
  sweep_cmd->add_option("--data-dir", sweep_data_dir, "The data directory `serve` uses")
      ->capture_default_str();
  sweep_cmd->add_option("--files-dir", sweep_files_dir, "The file store, when `serve` is given one");
  sweep_cmd
      ->add_option("--min-age-seconds", sweep_min_age,
                   "Leave younger objects: a server sharing the store may be about to record them")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();

  // Every command that hashes passwords (new users, the demo's, a changed one) takes their cost.
  std::string password_cost = "interactive";
  for (auto* command : {serve_cmd, seed_cmd, admin_cmd, bench_cmd})
    command
        ->add_option(
            "--password-cost", password_cost,
            "Argon2id cost of new password hashes: interactive (2 passes, 64 MiB) or minimum (1 pass, "
            "8 KiB: test servers only, never real users)")
        ->check(CLI::IsMember({"interactive", "minimum"}))
        ->capture_default_str();
  ops::BackupOptions backup_options{db_url, {}, {}};
  std::string backup_data_dir = ServeOptions{}.data_dir, backup_files_dir;
  auto* backup_cmd = app.add_subcommand(
      "backup", "Write the database and the file store to one archive (works while servers run)");
  backup_cmd->add_option("--db", backup_options.db_url, "Database URL")->capture_default_str();
  backup_cmd->add_option("--data-dir", backup_data_dir, "The data directory `serve` uses")
      ->capture_default_str();
  backup_cmd->add_option("--files-dir", backup_files_dir, "The file store, when `serve` is given one");
  backup_cmd->add_option("--out", backup_options.out, "The archive to write (.zip)")->required();
  ops::RestoreOptions restore_options{{}, db_url, {}, false};
  std::string restore_data_dir = ServeOptions{}.data_dir, restore_files_dir;
  auto* restore_cmd = app.add_subcommand(
      "restore",
      "Restore an archive of `backup` into an empty database and file store, checking its manifest");
  restore_cmd->add_option("--in", restore_options.in, "The archive `backup` wrote")
      ->required()
      ->check(CLI::ExistingFile);
  restore_cmd->add_option("--db", restore_options.db_url, "Database URL")->capture_default_str();
  restore_cmd->add_option("--data-dir", restore_data_dir, "The data directory `serve` will use")
      ->capture_default_str();
  restore_cmd->add_option("--files-dir", restore_files_dir, "The file store, when `serve` is given one");
  restore_cmd->add_flag("--force", restore_options.force,
                        "Replace a database that holds tables and add to a file store that holds files");

  CLI11_PARSE(app, argc, argv);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  if (password_cost == "minimum") {
    accounts::set_password_cost(accounts::PasswordCost::minimum);
    spdlog::warn("new password hashes use Argon2id's minimum cost (--password-cost minimum): tests only");
  }
  try {
    if (*serve_cmd) return serve(serve_options);
    if (*migrate_cmd) {
      auto database = open_database(db_url, 1);
      std::cout << "schema up to date\n";
      return 0;
    }
    if (*seed_cmd) {
      auto database = open_database(db_url, 1);
      const FileClock clock(seed_clock_file);  // the system time when no file is given
      files::start_image_library();
      files::DirectoryStore store(files_root(seed_data_dir, seed_files_dir));
      if (seed_demo(*database, clock, store))
        std::cout << "demo data created; every demo user's password is " << kDemoPassword << "\n";
      else
        std::cout << "demo data already present\n";
      return 0;
    }
    if (*backup_cmd) {
      backup_options.files_root = files_root(backup_data_dir, backup_files_dir);
      const auto summary = ops::create_backup(backup_options, SystemClock());
      std::cout << "backup written to " << backup_options.out.string() << ": " << ops::describe(summary)
                << "\n";
      return 0;
    }
    if (*restore_cmd) {
      restore_options.files_root = files_root(restore_data_dir, restore_files_dir);
      const auto summary = ops::restore_backup(restore_options);
      std::cout << "restored and verified " << ops::describe(summary) << "\n";
      return 0;
    }
    if (*admin_cmd) return create_admin(db_url, username);
    if (*sweep_cmd) {
      auto database = open_database(db_url, 1);
      files::DirectoryStore store(files_root(sweep_data_dir, sweep_files_dir));
      const auto removed =
          files::sweep_unnamed_objects(*database, store, std::chrono::seconds(sweep_min_age));
      std::cout << "removed " << removed << " objects no record names\n";
      return 0;
    }
    if (*bench_cmd) return bench_data(db_url, bench_options);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 0;
}

}  // namespace rw::app
