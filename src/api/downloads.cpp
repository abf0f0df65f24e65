#include "api/downloads.hpp"

#include <cctype>

namespace rw::api {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

http::Response xlsx_download(std::string bytes, const std::string& ascii_name, const std::string& name) {
  http::Response response;
  response.content_type = kXlsx;
  response.body = std::move(bytes);
  response.set_header(
      "Content-Disposition",
      "attachment; filename=\"" + ascii_name + ".xlsx\"; filename*=UTF-8''" + percent_encode(name + ".xlsx"));
  return response;
}

}  // namespace rw::api
