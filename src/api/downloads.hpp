#pragma once
// File downloads the API answers with: the Content-Type and a Content-Disposition that names the file for
// people (UTF-8, RFC 6266 filename*) with an ASCII fallback for old clients.
#include <string>

#include "platform/http/message.hpp"

namespace rw::api {

// An .xlsx download; the names are given without the extension.
http::Response xlsx_download(std::string bytes, const std::string& ascii_name, const std::string& name);

}  // namespace rw::api
