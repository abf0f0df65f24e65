// Uploaded files and paths: spreadsheets, XLSForms, photos and the web app's file resolver.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "feeds.hpp"
#include "files/image_probe.hpp"
#include "files/media_type.hpp"
#include "forms/template.hpp"
#include "forms/xlsform.hpp"
#include "platform/errors.hpp"
#include "platform/http/static_files.hpp"
#include "spreadsheet/table.hpp"

namespace rw::fuzz {
namespace {

void require(bool holds, const char* what) {
  if (!holds) throw InvariantBroken(what);
}

// Small limits, so the fuzzer spends its time on the formats rather than on big tables.
constexpr sheet::ReadLimits kLimits{.max_rows = 500, .max_columns = 60, .max_unpacked_bytes = 8u << 20};

}  // namespace

void feed_xlsform(std::string_view input) {
  try {
    (void)forms::parse_template(forms::xlsform_to_template_json(input));
  } catch (const ApiError&) {
  }
}

void feed_sheet(std::string_view input) {
  if (input.empty()) return;
  const auto file = input.substr(1);
  std::size_t rows = 0;
  const sheet::RowSink count = [&](const sheet::Row& row) {
    require(row.cells.size() <= kLimits.max_columns, "a row wider than the limit");
    require(++rows <= kLimits.max_rows, "more rows than the limit");
  };
  try {
    switch (static_cast<unsigned char>(input[0]) % 3) {
      case 0:
        return sheet::read_rows(file, count, kLimits);
      case 1:
        return sheet::read_csv_rows(file, count, kLimits);
      default:
        (void)sheet::read_xlsx_sheet(file, "survey", kLimits);
    }
  } catch (const ApiError&) {
  }
}

void feed_upload(std::string_view input) {
  const auto type = files::sniff_media_type(input);
  if (!type || !files::is_image(*type) || !files::can_decode(*type)) return;
  try {
    const auto facts = files::probe_image(input, *type);
    require(facts.width > 0 && facts.height > 0, "a probed image without a size");
    require(!facts.small_jpeg.empty() && !facts.large_jpeg.empty(), "a probed image without thumbnails");
  } catch (const ApiError&) {
  }
}

namespace {

// A web root with assets, precompressed copies, and symlinks that lead out of it, beside a file that must
// never be served.
struct WebRoot {
  std::filesystem::path base;
  std::filesystem::path root;
  std::filesystem::path canonical_root;

  WebRoot() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rw-fuzz-static-XXXXXX").string();
    require(mkdtemp(pattern.data()) != nullptr, "cannot make the web root");
    base = pattern;
    root = base / "dist";
    for (const char* dir : {"dist/assets", "dist/field", "secret"})
      std::filesystem::create_directories(base / dir);
    for (const char* file : {"dist/index.html", "dist/field.html", "dist/assets/app-1.js",
                             "dist/assets/app-1.js.br", "dist/assets/app-1.js.gz", "dist/robots.txt",
                             "secret/passwd", "secret/passwd.br", "dist-other.txt"})
      std::ofstream(base / file) << file;
    std::filesystem::create_symlink(base / "secret", root / "out");
    std::filesystem::create_symlink(base / "secret/passwd", root / "assets/pw.js");
    std::filesystem::create_symlink(base / "secret/passwd.br", root / "robots.txt.br");
    canonical_root = std::filesystem::canonical(root);
  }
  ~WebRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(base, ignored);
  }
};

bool inside(const std::filesystem::path& root, const std::filesystem::path& path) {
  const auto relative = std::filesystem::canonical(path).lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

// The input is a request target, then optionally a newline and an Accept-Encoding value.
void feed_static_path(std::string_view input) {
  static const WebRoot web;
  static const http::StaticFiles files(web.root);
  const auto newline = input.find('\n');
  http::Request request;
  request.method = "GET";
  request.target = std::string(input.substr(0, newline));
  if (newline != std::string_view::npos)
    request.headers.emplace_back("accept-encoding", std::string(input.substr(newline + 1)));
  if (!http::parse_target(request.target, request.path, request.query)) return;  // 400 before any file
  const auto response = files.serve(request);
  if (response.file_path)
    require(inside(web.canonical_root, *response.file_path), "a file outside the web root");
}

}  // namespace rw::fuzz
