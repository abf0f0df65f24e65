#include "files/file_routes.hpp"

#include "files/file_service.hpp"
#include "files/flag_service.hpp"
#include "platform/json_input.hpp"

namespace rw::files {
namespace {

ApiError missing_query(const std::string& name) {
  return invalid_field(name, "required", "缺少查询参数 " + name, "Query parameter " + name + " is required");
}

// The owner a query names: owner_kind and owner_id, both required.
std::pair<std::string, std::int64_t> owner_in_query(const api::Context& context) {
  const auto& query = context.request.query;
  const auto kind = query_text(query, "owner_kind", 40);
  const auto id = query_id(query, "owner_id");
  if (!kind) throw missing_query("owner_kind");
  if (!id) throw missing_query("owner_id");
  return {*kind, *id};
}

http::Response upload(api::Context& context) {
  // The body is read where it is: in memory, or mapped from the temporary file a large one streamed to.
  const auto result = upload_file(context.op(), context.files, context.request.body_bytes(),
                                  query_text(context.request.query, "client_id", 64));
  return api::json_ok(get_file(context.op(), result.id), result.created ? 201 : 200);
}

http::Response get(api::Context& context) { return api::json_ok(get_file(context.op(), context.id())); }

// The object's bytes: they never change under an id, so a client keeps them (private: they are not public).
http::Response send_object(api::Context& context, const StoredObject& object) {
  const auto etag = "\"" + object.sha256 + "\"";
  http::Response response;
  response.set_header("Cache-Control", "private, max-age=31536000, immutable");
  response.set_header("ETag", etag);
  if (context.request.header("if-none-match") == etag) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = object.media_type;
  if (auto path = context.files.local_path(object.sha256))
    response.file_path = path->string();
  else
    response.body = context.files.read(object.sha256);
  return response;
}

http::Response content(api::Context& context) {
  auto response = send_object(context, file_content(context.op(), context.id()));
  // A PDF or image opens in the browser, never as a page of ours that could run script.
  response.set_header("Content-Disposition", "inline");
  response.set_header("Content-Security-Policy", "sandbox");
  return response;
}

http::Response thumbnail(api::Context& context) {
  const auto size = query_choice(context.request.query, "size", {"320", "1280"}).value_or("320");
  return send_object(context, file_thumbnail(context.op(), context.id(), std::stoi(size)));
}

http::Response flags(api::Context& context) {
  const auto [kind, owner_id] = owner_in_query(context);
  return api::json_ok(file_flags(context.op(), context.id(), kind, owner_id));
}

http::Response add_link(api::Context& context) {
  const auto body = context.body();
  Fields fields(body);
  const auto kind = fields.required_text("owner_kind", 1, 40);
  const auto owner_id = fields.required_id("owner_id");
  fields.finish();
  const auto id = context.id();
  const bool created = link_to_owner(context.op(), id, kind, owner_id);
  return api::json_ok(get_file(context.op(), id), created ? 201 : 200);
}

http::Response owner_files(api::Context& context) {
  const auto [kind, owner_id] = owner_in_query(context);
  return api::json_ok(files_of(context.op(), kind, owner_id));
}

}  // namespace

void add_file_routes(api::Routes& routes) {
  // Any signed-in user may upload; a file stays theirs alone until it is attached to something others see.
  // The upload writes in its own transaction, after the photo is decoded and stored (upload_file).
  routes.upload("/files", api::kSignedIn, upload, &api::Settings::max_photo_bytes, api::WriteScope::handler);
  routes.get("/files", api::kSignedIn, owner_files);
  routes.get("/files/{id}", api::kSignedIn, get);
  routes.get("/files/{id}/content", api::kSignedIn, content);
  routes.get("/files/{id}/thumbnail", api::kSignedIn, thumbnail);
  routes.get("/files/{id}/flags", api::kSignedIn, flags);
  routes.post("/files/{id}/links", api::kSignedIn, add_link);
}

}  // namespace rw::files
