#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "spreadsheet/read_support.hpp"
#include "spreadsheet/table.hpp"
#include "spreadsheet/xml_stream.hpp"

namespace rw::sheet {
namespace {

ApiError too_large() { return unreadable_file("文件解压后过大", "The file is too large once unpacked"); }

// Reads parts of the archive, counting their unpacked sizes against the limit: first the size the zip
// declares, then what inflating really produces, should the declaration understate it.
class Package {
 public:
  using Chunk = std::function<void(std::string_view)>;

  Package(std::string_view bytes, std::size_t max_unpacked_bytes);
  bool has(const std::string& name) const { return locate(name) >= 0; }
  // Inflates the part piece by piece, passing each piece on; false when there is no such part.
  bool read(const std::string& name, const Chunk& chunk);
  // The whole part, for the small ones.
  std::optional<std::string> read(const std::string& name);

 private:
  zip_int64_t locate(const std::string& name) const {
    return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  }
  void check_fits(std::uint64_t size) const;  // on top of what was read already

  std::unique_ptr<zip_t, void (*)(zip_t*)> zip_{nullptr, &zip_discard};
  std::size_t max_bytes_;
  std::size_t used_bytes_ = 0;
};

Package::Package(std::string_view bytes, std::size_t max_unpacked_bytes) : max_bytes_(max_unpacked_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!zip) {
    zip_source_free(source);  // the archive owns the source only once it is open
    throw unreadable_file();
  }
  zip_.reset(zip);
}

void Package::check_fits(std::uint64_t size) const {
  if (size > max_bytes_ - used_bytes_) throw too_large();
}

bool Package::read(const std::string& name, const Chunk& chunk) {
  const zip_int64_t index = locate(name);
  if (index < 0) return false;
  zip_stat_t stat;
  if (zip_stat_index(zip_.get(), index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    throw unreadable_file();
  check_fits(stat.size);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_.get(), index, 0), &zip_fclose);
  if (!file) throw unreadable_file();
  std::vector<char> buffer(1 << 16);
  std::uint64_t size = 0;
  zip_int64_t n;
  while ((n = zip_fread(file.get(), buffer.data(), buffer.size())) > 0) {
    size += static_cast<std::uint64_t>(n);
    check_fits(size);
    chunk({buffer.data(), static_cast<std::size_t>(n)});
  }
  if (n < 0) throw unreadable_file();
  used_bytes_ += std::max<std::uint64_t>(size, stat.size);
  return true;
}

std::optional<std::string> Package::read(const std::string& name) {
  std::string data;
  if (!read(name, [&](std::string_view piece) { data.append(piece); })) return std::nullopt;
  return data;
}

// Keep a cell text that is only whitespace, e.g. <t xml:space="preserve"> </t>.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

// A DOM costs several times the XML it holds, so only the small parts (workbook, relationships, styles) are
// parsed whole; the sheet and the shared strings stream through expat (XmlStream).
constexpr std::size_t kMaxWholePartBytes = 16u << 20;

// Parses in place; the text must outlive the document.
pugi::xml_document parse_xml(std::string& text) {
  if (text.size() > kMaxWholePartBytes) throw too_large();
  pugi::xml_document doc;
  if (!doc.load_buffer_inplace(text.data(), text.size(), kParseOptions)) throw unreadable_file();
  return doc;
}

// Element names without their prefix: some producers write <x:row> instead of <row>.
std::string_view local_name(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (local_name(c) == name) return c;
  return {};
}

template <typename F>
void for_each_child(pugi::xml_node node, std::string_view name, F f) {
  for (pugi::xml_node c : node.children())
    if (local_name(c) == name) f(c);
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Excel writes characters that XML cannot carry as _xHHHH_, e.g. _x000D_ for a carriage return
// (and a literal "_x" as _x005F_x).
std::string decode_escapes(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t code = 0;
    const bool escape =
        text.substr(i, 2) == "_x" && i + 7 <= text.size() && text[i + 6] == '_' &&
        std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr == text.data() + i + 6 &&
        !(code >= 0xD800 && code <= 0xDFFF);
    if (escape) {
      append_utf8(out, code);
      i += 7;
    } else {
      out += text[i++];
    }
  }
  return out;
}

struct Workbook {
  std::string sheet_path = "xl/worksheets/sheet1.xml";  // where Excel puts it, when nothing says otherwise
  bool date1904 = false;                                // old Mac workbooks count days from 1904
};

// A relationship target is relative to xl/, or absolute within the package.
std::string part_path(std::string_view target) {
  return target.starts_with('/') ? std::string(target.substr(1)) : "xl/" + std::string(target);
}

// r:id, whatever prefix the file binds to the relationships namespace.
std::string_view relationship_id(pugi::xml_node sheet) {
  for (pugi::xml_attribute a : sheet.attributes())
    if (std::string_view(a.name()).ends_with(":id")) return a.value();
  return {};
}

bool same_name_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// The first sheet in tab order that is a worksheet (not a chart sheet), or the one named `wanted` (Excel
// treats tab names without regard to case).
std::optional<std::string> find_worksheet(pugi::xml_node workbook, pugi::xml_node relationships,
                                          std::optional<std::string_view> wanted) {
  for (pugi::xml_node sheet : child(workbook, "sheets").children()) {
    if (local_name(sheet) != "sheet") continue;
    if (wanted && !same_name_ignoring_case(sheet.attribute("name").value(), *wanted)) continue;
    for (pugi::xml_node rel : relationships.children()) {
      if (rel.attribute("Id").value() == relationship_id(sheet) &&
          std::string_view(rel.attribute("Type").value()).ends_with("/worksheet"))
        return part_path(rel.attribute("Target").value());
    }
  }
  return std::nullopt;
}

// With `wanted`, sheet_path is empty unless the workbook has a worksheet of that name.
Workbook read_workbook(Package& package, std::optional<std::string_view> wanted = std::nullopt) {
  Workbook info;
  if (wanted) info.sheet_path.clear();
  auto workbook_xml = package.read("xl/workbook.xml");
  if (!workbook_xml) return info;
  const pugi::xml_document workbook = parse_xml(*workbook_xml);
  const pugi::xml_node root = workbook.document_element();
  info.date1904 = child(root, "workbookPr").attribute("date1904").as_bool();
  if (auto rels_xml = package.read("xl/_rels/workbook.xml.rels")) {
    const pugi::xml_document rels = parse_xml(*rels_xml);
    const auto path = find_worksheet(root, rels.document_element(), wanted);
    if (path && package.has(*path)) info.sheet_path = *path;
  }
  return info;
}

// Streams a part through the handler; false when there is no such part.
bool stream_part(Package& package, const std::string& name, XmlHandler& handler) {
  XmlStream stream(handler);
  if (!package.read(name, [&](std::string_view piece) { stream.feed(piece); })) return false;
  stream.feed({}, true);
  return true;
}

// Whether the characters are the text of a shared or inline string `item` (<si>, <is>): plain <t>, or rich
// text runs <r><t> joined. Phonetic runs (<rPh>) are not part of the value.
bool string_text(const XmlPath& path, std::string_view item) {
  return path.ends_with({item, "t"}) || path.ends_with({item, "r", "t"});
}

// In one block of text: a vector of strings would cost a heap block and 32 bytes more for each.
class SharedStrings {
 public:
  void add(std::string_view text) {
    text_.append(text);
    ends_.push_back(text_.size());
  }
  void shrink() {
    text_.shrink_to_fit();
    ends_.shrink_to_fit();
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t start = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(start, ends_[i] - start);
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

class SharedStringsReader : public XmlHandler {
 public:
  explicit SharedStringsReader(SharedStrings& strings) : strings_(strings) {}
  void start(const XmlPath& path, const XmlAttributes&) override {
    if (path.back() == "si") item_.clear();
  }
  void text(const XmlPath& path, std::string_view characters) override {
    if (string_text(path, "si")) item_.append(characters);
  }
  void end(const XmlPath& path) override {
    if (path.back() == "si") strings_.add(decode_escapes(item_));
  }

 private:
  SharedStrings& strings_;
  std::string item_;
};

SharedStrings read_shared_strings(Package& package) {
  SharedStrings strings;
  SharedStringsReader reader(strings);
  stream_part(package, "xl/sharedStrings.xml", reader);
  strings.shrink();
  return strings;
}

// Built-in formats that show a date (the CJK ones included); the pure time formats 18–21 and 45–47 are not.
bool builtin_date_format(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A format shows a date when it has y, d or m outside quoted text, escaped characters and [..] sections
// (colours, locales); m next to h or s means minutes, so h:mm, mm:ss and [h]:mm are times, not dates.
bool custom_date_format(std::string_view code) {
  bool date = false, month_or_minute = false, time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"' || c == '[') {
      const std::size_t close = code.find(c == '"' ? '"' : ']', i + 1);
      if (close == std::string_view::npos) break;
      if (c == '[' && code.substr(i + 1, close - i - 1).find_first_not_of("hHmMsS") == std::string_view::npos)
        time = true;  // elapsed time: [h], [mm], [ss]
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal text or padding
    } else if (c == 'y' || c == 'd') {
      date = true;
    } else if (c == 'm') {
      month_or_minute = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    }
  }
  return date || (month_or_minute && !time);
}

// Whether each cell style (the cell's s attribute indexes cellXfs) shows a date.
std::vector<bool> read_date_styles(Package& package) {
  std::vector<bool> dates;
  auto xml = package.read("xl/styles.xml");
  if (!xml) return dates;
  const pugi::xml_document doc = parse_xml(*xml);
  const pugi::xml_node root = doc.document_element();
  std::unordered_map<int, bool> custom;  // may also redefine a built-in id
  for_each_child(child(root, "numFmts"), "numFmt", [&](pugi::xml_node format) {
    custom[format.attribute("numFmtId").as_int()] =
        custom_date_format(format.attribute("formatCode").value());
  });
  for_each_child(child(root, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    const int id = xf.attribute("numFmtId").as_int();
    const auto found = custom.find(id);
    dates.push_back(found != custom.end() ? found->second : builtin_date_format(id));
  });
  return dates;
}

struct Context {
  SharedStrings strings;
  std::vector<bool> date_styles;
  bool date1904 = false;
};

// Excel's 1900 system counts 1900-01-01 as day 1 and has the non-existent 1900-02-29 as day 60, so later
// serials are one day ahead of the calendar. The time of day is dropped.
std::optional<std::string> excel_date(double serial, bool date1904) {
  using namespace std::chrono;
  if (!(serial >= (date1904 ? 0 : 1) && serial < 2958466)) return std::nullopt;  // up to 9999-12-31
  const auto day = static_cast<int>(std::floor(serial));
  if (!date1904 && day == 60) return "1900-02-29";
  const sys_days origin = date1904 ? sys_days{1904y / 1 / 1} : sys_days{1899y / 12 / 31};
  const year_month_day date{origin + days{day > 60 && !date1904 ? day - 1 : day}};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

// Integers without a fraction, so a phone number or code typed as a number comes through intact
// (13800000000, not 1.38E+10); other numbers in the shortest form that reads back as the same value.
std::string number_text(double value) {
  if (value == 0) value = 0;  // not "-0"
  char text[64];
  const bool integer = std::abs(value) < 1e21 && value == std::trunc(value);
  const auto end = integer ? std::to_chars(text, text + sizeof text, value, std::chars_format::fixed).ptr
                           : std::to_chars(text, text + sizeof text, value).ptr;
  return {text, end};
}

std::string numeric_cell(std::string_view raw, bool date_style, bool date1904) {
  double value = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (raw.empty() || error != std::errc() || end != raw.data() + raw.size()) return std::string(raw);
  if (date_style)
    if (auto date = excel_date(value, date1904)) return *date;
  return number_text(value);
}

std::string shared_string(std::string_view raw, const SharedStrings& strings) {
  if (raw.empty()) return {};
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), index);
  if (error != std::errc() || end != raw.data() + raw.size() || index >= strings.size())
    throw unreadable_file();
  return std::string(strings[index]);
}

// What a <c> element held: its t and s attributes, <v>, <is> text, and whether it has an <f>.
struct RawCell {
  std::string type;
  std::size_t style = 0;
  std::string value;
  std::string inline_text;
  bool formula = false;
};

std::string cell_text(const RawCell& c, const Context& context) {
  const std::string_view type = c.type, raw = c.value;
  if (type == "s") return shared_string(raw, context.strings);
  if (type == "inlineStr") return decode_escapes(c.inline_text);
  if (type == "str") return decode_escapes(raw);
  if (type == "b") return raw.empty() ? "" : raw == "0" ? "FALSE" : "TRUE";
  if (type == "e") return std::string(raw);
  if (type == "d") return std::string(raw.substr(0, raw.find('T')));  // ISO 8601, strict OOXML
  const bool date_style = c.style < context.date_styles.size() && context.date_styles[c.style];
  return numeric_cell(raw, date_style, context.date1904);
}

// The leading digits of an attribute as a number; 0 when absent or not a number.
std::size_t number_attribute(const char* text) {
  std::size_t value = 0;
  if (text) std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

// The column of a cell reference, 1-based: "AB12" → 28. It saturates, so an absurd reference still
// compares above any column limit without overflowing.
std::size_t column_of(std::string_view ref) {
  constexpr std::size_t kSaturated = std::size_t{1} << 40;
  std::size_t column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i)
    column = std::min(column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1), kSaturated);
  if (i == 0) throw unreadable_file();
  return column;
}

// Passes the rows of a worksheet on one by one: the row limit then stops a huge sheet early, and memory
// holds one row whatever the sheet's size.
class SheetReader : public XmlHandler {
 public:
  SheetReader(const Context& context, RowBuilder& rows) : context_(context), rows_(rows) {}

  void start(const XmlPath& path, const XmlAttributes& attributes) override {
    if (path.back() == "row") {
      const std::size_t r = number_attribute(attributes.find("r"));
      row_number_ = r ? r : row_number_ + 1;  // rows and cells without a reference follow the previous one
      rows_.start_row(row_number_);
      column_ = 0;
    } else if (path.ends_with({"row", "c"})) {
      const char* ref = attributes.find("r");
      column_ = ref ? column_of(ref) : column_ + 1;
      const char* type = attributes.find("t");
      cell_.type = type ? type : "";
      cell_.style = number_attribute(attributes.find("s"));
      cell_.value.clear();
      cell_.inline_text.clear();
      cell_.formula = false;
    } else if (path.ends_with({"row", "c", "f"})) {
      cell_.formula = true;
    }
  }

  void text(const XmlPath& path, std::string_view characters) override {
    if (path.ends_with({"row", "c", "v"}))
      cell_.value.append(characters);
    else if (string_text(path, "is"))
      cell_.inline_text.append(characters);
  }

  void end(const XmlPath& path) override {
    if (path.ends_with({"row", "c"}))
      rows_.set_cell(column_ - 1, Cell{cell_text(cell_, context_), cell_.formula});
    else if (path.back() == "row")
      rows_.end_row();
  }

 private:
  const Context& context_;
  RowBuilder& rows_;
  std::size_t row_number_ = 0;
  std::size_t column_ = 0;
  RawCell cell_;
};

void read_sheet(Package& package, const Workbook& workbook, RowBuilder& rows) {
  const Context context{read_shared_strings(package), read_date_styles(package), workbook.date1904};
  SheetReader reader(context, rows);
  stream_part(package, workbook.sheet_path, reader);
}

}  // namespace

void read_xlsx_rows(std::string_view bytes, const RowSink& sink, const ReadLimits& limits) {
  if (bytes.empty()) throw empty_file();
  Package package(bytes, limits.max_unpacked_bytes);
  const Workbook workbook = read_workbook(package);
  if (!package.has(workbook.sheet_path))
    throw unreadable_file("文件中没有工作表", "The file has no worksheet");
  RowBuilder rows(limits, sink);
  read_sheet(package, workbook, rows);
  rows.finish();
}

std::optional<Table> read_xlsx_sheet(std::string_view bytes, std::string_view sheet_name,
                                     const ReadLimits& limits) {
  if (bytes.empty()) throw empty_file();
  Package package(bytes, limits.max_unpacked_bytes);
  const Workbook workbook = read_workbook(package, sheet_name);
  if (workbook.sheet_path.empty()) return std::nullopt;
  Table table;
  const RowSink collect = [&](const Row& row) { table.rows.push_back(row); };
  RowBuilder rows(limits, collect);  // holds the sink by reference
  read_sheet(package, workbook, rows);
  return table;
}

}  // namespace rw::sheet
