#pragma once
// File downloads the API answers with: the Content-Type and a Content-Disposition that names the file for
// people (UTF-8, RFC 5987/6266 filename*) with an ASCII fallback for old clients.
#include <string>

#include "platform/http/message.hpp"

namespace rw::api {

inline constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kPdf = "application/pdf";
inline constexpr const char* kZip = "application/zip";
inline constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// `text` with every byte but letters, digits, '-', '_' and '.' as %XX (a filename* value, a query's value).
std::string percent_encode(const std::string& text);

// A download of `bytes`; the names are given without the extension, which both get.
http::Response download(std::string bytes, const char* content_type, const std::string& extension,
                        const std::string& ascii_name, const std::string& name);

// A download of a file written for this response alone (an export too large to hold in memory): streamed
// from disk, and removed once opened for sending.
http::Response spooled_download(const std::string& path, const char* content_type,
                                const std::string& extension, const std::string& ascii_name,
                                const std::string& name);

// An .xlsx download; the names are given without the extension.
http::Response xlsx_download(std::string bytes, const std::string& ascii_name, const std::string& name);

}  // namespace rw::api
