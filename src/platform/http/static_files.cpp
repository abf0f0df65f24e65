#include "platform/http/static_files.hpp"

#include <map>

#include "platform/http/problem.hpp"

namespace rw::http {

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::string content_type_for(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> types = {{".html", "text/html; charset=utf-8"},
                                                           {".js", "text/javascript; charset=utf-8"},
                                                           {".mjs", "text/javascript; charset=utf-8"},
                                                           {".css", "text/css; charset=utf-8"},
                                                           {".json", "application/json"},
                                                           {".svg", "image/svg+xml"},
                                                           {".png", "image/png"},
                                                           {".jpg", "image/jpeg"},
                                                           {".jpeg", "image/jpeg"},
                                                           {".gif", "image/gif"},
                                                           {".webp", "image/webp"},
                                                           {".ico", "image/x-icon"},
                                                           {".woff", "font/woff"},
                                                           {".woff2", "font/woff2"},
                                                           {".ttf", "font/ttf"},
                                                           {".txt", "text/plain; charset=utf-8"},
                                                           {".map", "application/json"},
                                                           {".webmanifest", "application/manifest+json"}};
  auto it = types.find(path.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

Response StaticFiles::file(const std::filesystem::path& path) const {
  Response response;
  response.content_type = content_type_for(path);
  response.file_path = path.string();
  const bool hashed_asset = path.parent_path().filename() == "assets";
  response.set_header("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  response.set_header("X-Content-Type-Options", "nosniff");
  if (path.extension() == ".html") {
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "same-origin");
  }
  return response;
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD")
    return problem_response({405, "method_not_allowed", "不支持该请求方法", "Method not allowed"});
  // Reject anything that could climb out of the web root.
  if (request.path.find("..") != std::string::npos || request.path.find('\0') != std::string::npos)
    return problem_response(not_found());
  std::filesystem::path relative = request.path.substr(1);
  std::error_code ec;
  const auto candidate = root_ / relative;
  if (!relative.empty() && std::filesystem::is_regular_file(candidate, ec)) return file(candidate);
  // A missing asset is a real 404; anything else is a client-side route of one of the two apps.
  if (relative.has_extension() && relative.extension() != ".html") return problem_response(not_found());
  const bool field_app = request.path == "/field" || request.path.rfind("/field/", 0) == 0;
  const auto entry = root_ / (field_app ? "field.html" : "index.html");
  if (!std::filesystem::is_regular_file(entry, ec)) {
    Response missing =
        problem_response({404, "web_app_missing", "未找到网页应用，请先构建 web/（make build）",
                          "The web app is not built; run make build"});
    return missing;
  }
  return file(entry);
}

}  // namespace rw::http
