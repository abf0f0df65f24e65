#pragma once
// Turns an HTTP request into a call of a route handler: routing, authentication, one transaction
// per writing request, and the single catch-all that maps every failure to a problem response.
#include <filesystem>
#include <memory>

#include "api/context.hpp"
#include "platform/http/static_files.hpp"

namespace rw::app {

class Api {
 public:
  // `more_routes` lets an embedding program (or a test) add routes beside the built-in ones.
  Api(db::Database& database, const Clock& clock, api::Settings settings, files::FileStore& files,
      std::filesystem::path web_dir, const std::function<void(api::Routes&)>& more_routes = {});
  http::Response handle(http::Request& request) const;
  // The body limit of a request to `target`: the cap its route names (Settings::max_upload_bytes for an
  // import, max_photo_bytes for a photo), else max_body_bytes. The server asks before it reads the body.
  std::size_t body_limit(std::string_view method, std::string_view target) const;
  struct DeclaredRoute {
    http::RouteInfo route;
    std::string permission;
  };
  // Every route with the permission it declared (the router test walks them).
  std::vector<DeclaredRoute> declared_routes() const;

 private:
  http::Response handle_api(http::Request& request) const;
  // handle_api's work; `route` gets the matched route's pattern.
  http::Response answer_api(http::Request& request, std::string& route) const;
  db::Database& database_;
  const Clock& clock_;
  api::Settings settings_;
  files::FileStore& files_;
  api::Router router_;
  http::StaticFiles static_files_;
};

}  // namespace rw::app
