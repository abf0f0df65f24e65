#pragma once
// Spreadsheet test helpers: zip archives built and opened in memory, and the ApiError a call throws.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/errors.hpp"

using ZipFiles = std::vector<std::pair<std::string, std::string>>;  // name, content

inline std::string make_zip(const ZipFiles& files) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);  // read the archive from it after zip_close
  for (const auto& [name, content] : files)
    zip_file_add(zip, name.c_str(), zip_source_buffer(zip, content.data(), content.size(), 0),
                 ZIP_FL_OVERWRITE);
  zip_close(zip);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  std::string bytes(static_cast<std::size_t>(zip_source_tell(buffer)), '\0');
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

inline std::optional<std::string> zip_entry(const std::string& bytes, const std::string& name) {
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, nullptr);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, nullptr);
  if (!zip) return std::nullopt;
  std::optional<std::string> content;
  zip_stat_t stat;
  if (zip_stat(zip, name.c_str(), 0, &stat) == 0) {
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    content.emplace(stat.size, '\0');
    zip_fread(file, content->data(), stat.size);
    zip_fclose(file);
  }
  zip_discard(zip);
  return content;
}

// The names of a zip's entries, in the order written.
inline std::vector<std::string> zip_names(const std::string& bytes) {
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, nullptr);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, nullptr);
  std::vector<std::string> names;
  if (!zip) return names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) names.emplace_back(zip_get_name(zip, i, 0));
  zip_discard(zip);
  return names;
}

// The ApiError that call throws; a test failure when it throws nothing.
template <typename F>
rw::ApiError api_error(F call) {
  try {
    call();
  } catch (const rw::ApiError& error) {
    return error;
  }
  ADD_FAILURE() << "no ApiError thrown";
  return {rw::ErrorKind::internal, "", "", ""};
}
