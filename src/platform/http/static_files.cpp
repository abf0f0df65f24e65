#include "platform/http/static_files.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "platform/http/compression.hpp"
#include "platform/http/problem.hpp"

namespace rw::http {

// The root is canonical once, so confinement compares resolved paths with resolved paths.
StaticFiles::StaticFiles(const std::filesystem::path& root)
    : root_(std::filesystem::weakly_canonical(root).lexically_normal()) {
  if (root_.filename().empty()) root_ = root_.parent_path();
}

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

// The build's compressed copy of `path` (`path` + `suffix`), when it is a regular file inside the root (a
// symlink named like one may point anywhere) and not older than `path` (a copy an earlier build left behind
// would send stale bytes).
std::optional<std::filesystem::path> StaticFiles::precompressed(const std::filesystem::path& path,
                                                                const char* suffix) const {
  std::error_code ec;
  const auto sibling = std::filesystem::canonical(std::filesystem::path(path) += suffix, ec);
  if (ec || !inside_root(sibling) || !std::filesystem::is_regular_file(sibling, ec)) return std::nullopt;
  const auto original_time = std::filesystem::last_write_time(path, ec);
  if (ec) return std::nullopt;
  const auto sibling_time = std::filesystem::last_write_time(sibling, ec);
  if (ec || sibling_time < original_time) return std::nullopt;
  return sibling;
}

// The type is always the requested file's: a precompressed copy goes out as that file in a Content-Encoding.
Response StaticFiles::file(const std::filesystem::path& path, const Request& request) const {
  Response response;
  response.content_type = content_type_for(path);
  response.file_path = path.string();
  const bool hashed_asset = path.parent_path().filename() == "assets";
  response.set_header("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  struct Coding {
    const char* name;
    const char* suffix;
  };
  const std::string accept_encoding = request.header("accept-encoding");
  const char* chosen = nullptr;
  int chosen_quality = 0;
  bool varies = false;
  for (const Coding coding : {Coding{"br", ".br"}, Coding{"gzip", ".gz"}}) {  // on a tie br wins: smaller
    const auto copy = precompressed(path, coding.suffix);
    if (!copy) continue;
    varies = true;
    const int quality = coding_quality(accept_encoding, coding.name);
    if (quality <= chosen_quality) continue;
    chosen = coding.name;
    chosen_quality = quality;
    response.file_path = copy->string();
  }
  if (chosen) response.set_header("Content-Encoding", chosen);
  if (varies) response.set_header("Vary", "Accept-Encoding");
  return response;
}

bool StaticFiles::inside_root(const std::filesystem::path& resolved) const {
  const auto [root_end, unused] = std::mismatch(root_.begin(), root_.end(), resolved.begin(), resolved.end());
  return root_end == root_.end();
}

// The file under the web root that `request` names, or nothing when the request path could name a file
// outside it: an encoded slash or backslash in the raw target, a backslash, NUL, an empty, `.` or `..`
// segment (so also `//etc/passwd`), or a symlink whose target leaves the root.
std::optional<std::filesystem::path> StaticFiles::confined(const Request& request) const {
  const std::string_view raw(request.target.data(),
                             std::min(request.target.find('?'), request.target.size()));
  for (std::string_view encoded : {"%2f", "%2F", "%5c", "%5C", "%00"})
    if (raw.find(encoded) != std::string_view::npos) return std::nullopt;
  const std::string& path = request.path;
  if (path.empty() || path[0] != '/' || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos)
    return std::nullopt;
  std::filesystem::path relative;
  for (std::size_t start = 1; start <= path.size();) {
    const auto end = std::min(path.find('/', start), path.size());
    const std::string_view segment(path.data() + start, end - start);
    const bool last = end == path.size();
    if ((segment.empty() && !last) || segment == "." || segment == "..") return std::nullopt;
    if (!segment.empty()) relative /= std::string(segment);
    start = end + 1;
  }
  std::error_code ec;
  const auto resolved = std::filesystem::weakly_canonical(root_ / relative, ec);
  if (ec) return std::nullopt;
  if (!inside_root(resolved)) return std::nullopt;
  return resolved;
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD")
    return problem_response(
        {ErrorKind::method_not_allowed, "method_not_allowed", "不支持该请求方法", "Method not allowed"});
  const auto candidate = confined(request);
  if (!candidate) return problem_response(not_found());
  std::error_code ec;
  if (std::filesystem::is_regular_file(*candidate, ec)) return file(*candidate, request);
  // A missing asset is a real 404; anything else is a client-side route of one of the two apps.
  if (candidate->has_extension() && candidate->extension() != ".html") return problem_response(not_found());
  const bool field_app = request.path == "/field" || request.path.rfind("/field/", 0) == 0;
  const auto entry = root_ / (field_app ? "field.html" : "index.html");
  if (!std::filesystem::is_regular_file(entry, ec)) {
    Response missing = problem_response({ErrorKind::not_found, "web_app_missing",
                                         "未找到网页应用，请先构建 web/（make build）",
                                         "The web app is not built; run make build"});
    return missing;
  }
  return file(entry, request);
}

}  // namespace rw::http
