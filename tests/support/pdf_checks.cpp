#include "pdf_checks.hpp"

#include <cstdio>
#include <fstream>
#include <regex>

namespace rw::testing {

std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string pdf_text(const std::filesystem::path& pdf, int first, int last) {
  std::string range = first ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
  std::string text = run_command("pdftotext" + range + " '" + pdf.string() + "' - 2>&1");
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\f'; });
  return text;
}

int pdf_pages(const std::filesystem::path& pdf) {
  std::smatch match;
  const std::string info = run_command("pdfinfo '" + pdf.string() + "' 2>&1");
  return std::regex_search(info, match, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(match[1]) : -1;
}

}  // namespace rw::testing
