#include "spreadsheet/xml_stream.hpp"

#include <limits>
#include <new>

#include "spreadsheet/read_support.hpp"

namespace rw::sheet {
namespace {

// Spreadsheet parts nest seven levels at most (worksheet, sheetData, row, c, is, r, t); far deeper
// nesting is a hostile file whose path would take memory in proportion to its size.
constexpr std::size_t kMaxDepth = 64;

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

bool XmlPath::ends_with(std::initializer_list<std::string_view> names) const {
  if (names.size() > names_.size()) return false;
  auto it = names_.end() - static_cast<std::ptrdiff_t>(names.size());
  for (const std::string_view name : names)
    if (*it++ != name) return false;
  return true;
}

const char* XmlAttributes::find(std::string_view name) const {
  for (const XML_Char** pair = pairs_; *pair; pair += 2)
    if (name == *pair) return pair[1];
  return nullptr;
}

XmlStream::XmlStream(XmlHandler& handler)
    : parser_(XML_ParserCreate(nullptr), &XML_ParserFree), handler_(handler) {
  if (!parser_) throw std::bad_alloc();
  XML_SetUserData(parser_.get(), this);
  XML_SetElementHandler(parser_.get(), &XmlStream::on_start, &XmlStream::on_end);
  XML_SetCharacterDataHandler(parser_.get(), &XmlStream::on_text);
}

void XmlStream::feed(std::string_view piece, bool last) {
  if (piece.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) throw std::bad_alloc();
  if (XML_Parse(parser_.get(), piece.data(), static_cast<int>(piece.size()), last) == XML_STATUS_OK) return;
  if (failure_) std::rethrow_exception(failure_);
  throw unreadable_file();
}

template <class F>
void XmlStream::guarded(void* self, F call) {
  auto& stream = *static_cast<XmlStream*>(self);
  if (stream.failure_) return;  // expat may still call back after being stopped
  try {
    call(stream);
  } catch (...) {
    stream.failure_ = std::current_exception();
    XML_StopParser(stream.parser_.get(), XML_FALSE);
  }
}

void XmlStream::on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
  guarded(self, [&](XmlStream& stream) {
    if (stream.path_.names_.size() == kMaxDepth) throw unreadable_file();
    stream.path_.names_.emplace_back(local_name(name));
    stream.handler_.start(stream.path_, XmlAttributes(attributes));
  });
}

void XmlStream::on_end(void* self, const XML_Char*) {
  guarded(self, [&](XmlStream& stream) {
    stream.handler_.end(stream.path_);
    stream.path_.names_.pop_back();
  });
}

void XmlStream::on_text(void* self, const XML_Char* text, int length) {
  guarded(self, [&](XmlStream& stream) {
    stream.handler_.text(stream.path_, {text, static_cast<std::size_t>(length)});
  });
}

}  // namespace rw::sheet
