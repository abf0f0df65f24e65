#pragma once
// Reading generated PDFs back with poppler's tools (pdftotext, pdfinfo), as a person's viewer would.
#include <filesystem>
#include <string>

namespace rw::testing {

// The command's standard output (and error, when the command redirects it).
std::string run_command(const std::string& command);
void write_file(const std::filesystem::path& path, const std::string& bytes);
// pdftotext's text (of pages first–last when given) without white space: justified Chinese lines come back
// with spaces between characters.
std::string pdf_text(const std::filesystem::path& pdf, int first = 0, int last = 0);
// pdfinfo's page count; -1 when it cannot read the file.
int pdf_pages(const std::filesystem::path& pdf);

}  // namespace rw::testing
