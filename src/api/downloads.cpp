#include "api/downloads.hpp"

#include <cctype>

namespace rw::api {

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

namespace {

http::Response attachment(const char* content_type, const std::string& extension,
                          const std::string& ascii_name, const std::string& name) {
  http::Response response;
  response.content_type = content_type;
  response.set_header("Content-Disposition", "attachment; filename=\"" + ascii_name + "." + extension +
                                                 "\"; filename*=UTF-8''" +
                                                 percent_encode(name + "." + extension));
  return response;
}

}  // namespace

http::Response download(std::string bytes, const char* content_type, const std::string& extension,
                        const std::string& ascii_name, const std::string& name) {
  auto response = attachment(content_type, extension, ascii_name, name);
  response.body = std::move(bytes);
  return response;
}

http::Response spooled_download(const std::string& path, const char* content_type,
                                const std::string& extension, const std::string& ascii_name,
                                const std::string& name) {
  auto response = attachment(content_type, extension, ascii_name, name);
  response.file_path = path;
  response.remove_file_after_open = true;
  return response;
}

http::Response xlsx_download(std::string bytes, const std::string& ascii_name, const std::string& name) {
  return download(std::move(bytes), kXlsx, "xlsx", ascii_name, name);
}

}  // namespace rw::api
