#include "archive/archive_routes.hpp"

#include <filesystem>

#include "api/downloads.hpp"
#include "archive/archive_export.hpp"
#include "archive/archive_lists.hpp"
#include "archive/archive_service.hpp"
#include "platform/heavy_work.hpp"
#include "platform/json_input.hpp"
#include "platform/memory.hpp"

namespace rw::archive {
namespace {

// Item codes as the seeds number them ("2-1", "9-14"): short, letters, digits and hyphens.
std::string item_code(const api::Context& context) {
  const auto& code = context.params.text("code");
  const bool ok =
      !code.empty() && code.size() <= 16 &&
      code.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.") ==
          std::string::npos;
  if (!ok) throw not_found();
  return code;
}

http::Response lists(api::Context& context) { return api::json_ok(list_catalog(context.op())); }
http::Response publish(api::Context& context) {
  const auto& code = context.params.text("code");
  if (code.empty() || code.size() > 40 ||
      code.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
    throw not_found();
  const auto body = context.body();
  return api::json_ok(publish_list(context.op(), code, body), 201);
}
http::Response settings(api::Context& context) { return api::json_ok(own_settings(context.op())); }
http::Response save(api::Context& context) {
  return api::json_ok(save_settings(context.op(), context.body()));
}

http::Response archive(api::Context& context) {
  return api::json_ok(enterprise_archive(context.op(), context.id()));
}

http::Response add(api::Context& context) {
  return api::json_ok(add_version(context.op(), context.id(), item_code(context), context.body()), 201);
}

http::Response state(api::Context& context) {
  return api::json_ok(set_item_state(context.op(), context.id(), item_code(context), context.body()));
}

http::Response history(api::Context& context) {
  return api::json_ok(item_history(context.op(), context.id(), item_code(context)));
}

// A GET that writes: the read is an entry of the chain, committed before the bytes go out.
http::Response content(api::Context& context) {
  db::Transaction transaction(context.db, true);
  const auto document = read_document(context.op(), context.id());
  transaction.commit();
  http::Response response;
  response.content_type = document.media_type;
  response.set_header("Content-Disposition", "inline");
  response.set_header("Content-Security-Policy", "sandbox");
  if (auto path = context.files.local_path(document.sha256))
    response.file_path = path->string();
  else
    response.body = context.files.read(document.sha256);
  return response;
}

http::Response withdraw(api::Context& context) {
  return api::json_ok(withdraw_document(context.op(), context.id()));
}

http::Response export_zip(api::Context& context) {
  const HeavyWork heavy;
  // Built before the write transaction opens: only the chain entry waits for the writer's lock.
  const auto file = export_archive(context.op(), context.files, context.id());
  try {
    db::Transaction transaction(context.db, true);
    record_export(context.op(), context.id(), file);
    transaction.commit();
  } catch (...) {
    std::filesystem::remove(file.path);
    throw;
  }
  return api::spooled_download(file.path, api::kZip, "zip", "archive-" + std::to_string(context.id()),
                               file.file_name);
}

// A verification walks the whole chain on one worker; what it held would stay in that worker's arena, and
// verifications that land on different workers added up (bench/README, twenty-first round).
http::Response verification(api::Context& context) {
  const HeavyWork heavy;
  const ReturnFreeMemoryAfterwards trim;
  return api::json_ok(verify(context.op(), context.files));
}

}  // namespace

void add_archive_routes(api::Routes& routes) {
  routes.get("/archive/lists", "archive:read", lists);
  routes.post("/archive/lists/{code}/versions", "catalog:write", publish);
  routes.get("/archive/settings", "archive:read", settings);
  routes.put("/archive/settings", "archive:configure", save);
  routes.get("/archive/verify", "archive:verify", verification);
  routes.get("/enterprises/{id}/archive", "archive:read", archive);
  routes.get("/enterprises/{id}/archive/export", "archive:read", export_zip);
  routes.post("/enterprises/{id}/archive/items/{code}/versions", "archive:write", add);
  routes.put("/enterprises/{id}/archive/items/{code}/state", "archive:write", state);
  routes.get("/enterprises/{id}/archive/items/{code}/history", "archive:read", history);
  routes.get("/archive/documents/{id}/content", "archive:read", content);
  routes.del("/archive/documents/{id}", "archive:write", withdraw);
}

}  // namespace rw::archive
