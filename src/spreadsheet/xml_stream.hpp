#pragma once
// Parses XML fed in pieces (expat), for parts too large to hold as a DOM. The handler sees the path of
// open elements by local name (a producer may write <x:row> instead of <row>); malformed XML is
// unreadable_file.
#include <expat.h>

#include <exception>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rw::sheet {

// The open elements by local name, outermost first.
class XmlPath {
 public:
  std::string_view back() const { return names_.back(); }
  // Whether the innermost elements are `names`, e.g. {"c", "v"} for a <v> directly inside a <c>.
  bool ends_with(std::initializer_list<std::string_view> names) const;

 private:
  friend class XmlStream;
  std::vector<std::string> names_;
};

class XmlAttributes {
 public:
  explicit XmlAttributes(const XML_Char** pairs) : pairs_(pairs) {}
  const char* find(std::string_view name) const;  // nullptr when absent

 private:
  const XML_Char** pairs_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(const XmlPath& path, const XmlAttributes& attributes) = 0;  // path ends with it
  virtual void text(const XmlPath& path, std::string_view characters) = 0;       // may come in pieces
  virtual void end(const XmlPath& path) = 0;                                     // path still ends with it
};

class XmlStream {
 public:
  explicit XmlStream(XmlHandler& handler);
  // A piece of the document (at most INT_MAX bytes); exceptions from the handler stop the parse and are
  // rethrown here.
  void feed(std::string_view piece, bool last = false);

 private:
  static void on_start(void* self, const XML_Char* name, const XML_Char** attributes);
  static void on_end(void* self, const XML_Char* name);
  static void on_text(void* self, const XML_Char* text, int length);
  // Runs a handler call; an exception must not unwind through expat's C frames, so it is kept for feed.
  template <class F>
  static void guarded(void* self, F call);

  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser_;
  XmlHandler& handler_;
  XmlPath path_;
  std::exception_ptr failure_;
};

}  // namespace rw::sheet
