// The Word (.docx) rendering of documents::Document: WordprocessingML written with pugixml (which escapes
// the text) and zipped in memory with libzip. The package holds what Word needs to open it without repair:
// [Content_Types].xml, the relationships, document.xml, styles.xml, a header with the organization, a footer
// with the page-number fields (第 PAGE 页 共 NUMPAGES 页), the pictures in word/media and core properties.
#include <zip.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "documents/document.hpp"
#include "documents/image_size.hpp"

namespace rw::documents {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kWp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr const char* kA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* kPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr const char* kRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelationType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Page geometry in twentieths of a point, as the PDF: A4, margins 30/26/25/28 mm.
constexpr double kTwipsPerMm = 1440 / 25.4;
constexpr int kTextWidthTwips = static_cast<int>((210 - 28 - 26) * kTwipsPerMm);
constexpr long kEmuPerMm = 36000;

std::string number(double value) { return std::to_string(static_cast<long>(std::lround(value))); }

// XML 1.0 refuses most control characters: they are dropped (tabs and line breaks are handled by runs).
std::string xml_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
  return out;
}

const char* jc(Align align) {
  switch (align) {
    case Align::center:
      return "center";
    case Align::right:
      return "right";
    case Align::justify:
      return "both";
    default:
      return "left";
  }
}

pugi::xml_node child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

pugi::xml_node with(pugi::xml_node node,
                    std::initializer_list<std::pair<const char*, std::string>> attributes) {
  for (const auto& [name, value] : attributes) node.append_attribute(name) = value.c_str();
  return node;
}

// A run's text; "\n" becomes a line break.
void append_text(pugi::xml_node run, const std::string& text) {
  std::string line;
  std::istringstream lines(xml_safe(text));
  bool first = true;
  while (std::getline(lines, line)) {
    if (!first) child(run, "w:br");
    first = false;
    auto t = child(run, "w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text() = line.c_str();
  }
}

pugi::xml_node run(pugi::xml_node paragraph, const std::string& text, bool bold, double size) {
  auto r = child(paragraph, "w:r");
  if (bold || size > 0) {
    auto properties = child(r, "w:rPr");
    if (bold) child(properties, "w:b");
    if (size > 0) with(child(properties, "w:sz"), {{"w:val", number(size * 2)}});
  }
  append_text(r, text);
  return r;
}

// A paragraph's properties, written in the order the schema fixes (Word refuses another order).
struct ParagraphStyle {
  Align align = Align::left;
  const char* style = nullptr;
  double space_after_twips = -1;  // < 0: the style's
  double first_line_chars = 0;
  double first_line_twips = 0;  // the same for readers that ignore character units (LibreOffice)
  double right_indent_twips = 0;
};

pugi::xml_node paragraph(pugi::xml_node parent, const ParagraphStyle& look) {
  auto p = child(parent, "w:p");
  auto properties = child(p, "w:pPr");
  if (look.style) with(child(properties, "w:pStyle"), {{"w:val", look.style}});
  if (look.space_after_twips >= 0)
    with(child(properties, "w:spacing"), {{"w:after", number(look.space_after_twips)}});
  if (look.first_line_chars > 0 || look.right_indent_twips > 0) {
    auto indent = child(properties, "w:ind");
    if (look.right_indent_twips > 0) with(indent, {{"w:right", number(look.right_indent_twips)}});
    if (look.first_line_chars > 0)  // hundredths of a character
      with(indent, {{"w:firstLine", number(look.first_line_twips)},
                    {"w:firstLineChars", number(look.first_line_chars * 100)}});
  }
  with(child(properties, "w:jc"), {{"w:val", jc(look.align)}});
  return p;
}

pugi::xml_node paragraph(pugi::xml_node parent, Align align, const char* style = nullptr) {
  return paragraph(parent, ParagraphStyle{align, style});
}

struct Media {
  std::string name;  // image3.jpeg
  const std::string* bytes;
};

class BodyWriter {
 public:
  BodyWriter(pugi::xml_node body, std::vector<Media>& media) : body_(body), media_(media) {}

  void title(const Document& document) {
    if (!document.title.empty()) run(paragraph(body_, Align::center, "Title"), document.title, false, 0);
    if (!document.subtitle.empty()) run(paragraph(body_, Align::center), document.subtitle, false, 12);
  }

  void operator()(const Heading& heading) {
    const std::string style = "Heading" + std::to_string(std::clamp(heading.level, 1, 3));
    run(paragraph(body_, heading.align, style.c_str()), heading.text, false, 0);
  }

  void operator()(const Paragraph& text) {
    auto p = paragraph(body_, {text.align, nullptr, text.space_after_mm * kTwipsPerMm, text.indent_chars,
                               text.indent_chars * text.size * 20});
    for (const auto& r : text.runs) run(p, r.text, r.bold || text.bold, r.size > 0 ? r.size : text.size);
  }

  void operator()(const Table& table) {
    if (table.widths.empty() || table.rows.empty()) return;
    const double total = std::accumulate(table.widths.begin(), table.widths.end(), 0.0);
    std::vector<int> widths;
    for (double w : table.widths)
      widths.push_back(
          static_cast<int>(kTextWidthTwips * (total > 0 ? w / total : 1.0 / table.widths.size())));
    auto tbl = table_node(widths, true);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const bool header = static_cast<int>(i) < table.header_rows;
      auto tr = child(tbl, "w:tr");
      auto row_properties = child(tr, "w:trPr");
      child(row_properties, "w:cantSplit");
      if (header) child(row_properties, "w:tblHeader");  // repeated at the top of each page
      for (std::size_t c = 0; c < widths.size(); ++c) {
        const Cell empty;
        const Cell& cell = c < table.rows[i].size() ? table.rows[i][c] : empty;
        auto tc = cell_node(tr, widths[c], header);
        auto p = paragraph(tc, header ? Align::center : cell.align, "TableText");
        run(p, cell.text, header || cell.bold, table.size);
      }
    }
    spacer();
  }

  void operator()(const KeyValues& pairs) { (*this)(as_table(pairs)); }

  void operator()(const Figure& figure) {
    if (figure.pictures.empty()) return;
    const int n = static_cast<int>(figure.pictures.size());
    const std::vector<int> widths(n, kTextWidthTwips / n);
    auto tbl = table_node(widths, false);
    auto tr = child(tbl, "w:tr");
    child(child(tr, "w:trPr"), "w:cantSplit");
    const double slot_mm = (210 - 28 - 26) / static_cast<double>(n) - 4;
    for (int i = 0; i < n; ++i) {
      const auto& picture = figure.pictures[i];
      auto tc = cell_node(tr, widths[i], false);
      auto p = paragraph(tc, Align::center);
      inline_picture(p, picture.image, slot_mm, figure.max_height_mm);
      if (!picture.caption.empty()) run(paragraph(tc, Align::center, "Caption"), picture.caption, false, 9);
    }
    spacer();
  }

  void operator()(const Signatures& signatures) {
    if (signatures.slots.empty()) return;
    const int n = static_cast<int>(signatures.slots.size());
    const std::vector<int> widths(n, kTextWidthTwips / n);
    auto tr = child(table_node(widths, false), "w:tr");
    for (int i = 0; i < n; ++i) {
      const auto& slot = signatures.slots[i];
      auto p = paragraph(cell_node(tr, widths[i], false), Align::left);
      run(p, slot.label, false, 12);
      if (slot.image) {
        inline_picture(p, *slot.image, (210 - 28 - 26) / static_cast<double>(n) - 30, 15);
      } else {
        auto blank = child(p, "w:r");  // a line to sign on: underlined spaces
        with(child(child(blank, "w:rPr"), "w:u"), {{"w:val", "single"}});
        append_text(blank, std::string(16, ' '));
      }
    }
    spacer();
  }

  void operator()(const IssuerBlock& issuer) {
    spacer();
    const ParagraphStyle look{Align::right, nullptr, -1, 0, 0, 10 * kTwipsPerMm};
    auto name = paragraph(body_, look);
    if (issuer.seal) anchored_seal(name, *issuer.seal);
    run(name, issuer.organization, false, 12);
    run(paragraph(body_, look), issuer.date, false, 12);
  }

  void operator()(const PageBreak&) {
    auto r = child(child(body_, "w:p"), "w:r");
    with(child(r, "w:br"), {{"w:type", "page"}});
  }

 private:
  void spacer() { child(body_, "w:p"); }

  pugi::xml_node table_node(const std::vector<int>& widths, bool ruled) {
    auto tbl = child(body_, "w:tbl");
    auto properties = child(tbl, "w:tblPr");
    with(child(properties, "w:tblW"), {{"w:w", std::to_string(kTextWidthTwips)}, {"w:type", "dxa"}});
    if (ruled) {
      auto borders = child(properties, "w:tblBorders");
      for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
        with(child(borders, side),
             {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "000000"}});
    }
    with(child(properties, "w:tblLayout"), {{"w:type", "fixed"}});
    auto grid = child(tbl, "w:tblGrid");
    for (int w : widths) with(child(grid, "w:gridCol"), {{"w:w", std::to_string(w)}});
    return tbl;
  }

  static pugi::xml_node cell_node(pugi::xml_node row, int width, bool shaded) {
    auto tc = child(row, "w:tc");
    auto properties = child(tc, "w:tcPr");
    with(child(properties, "w:tcW"), {{"w:w", std::to_string(width)}, {"w:type", "dxa"}});
    if (shaded)
      with(child(properties, "w:shd"), {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", "EBEBEB"}});
    return tc;
  }

  // The relationship id of an image part holding these bytes; nullopt for bytes that are not an image.
  std::optional<std::pair<std::string, ImageSize>> add_media(const Image& image) {
    const auto size = read_image_size(image.bytes);
    if (!size) return std::nullopt;
    const std::string name =
        "image" + std::to_string(media_.size() + 1) + (size->kind == ImageKind::png ? ".png" : ".jpeg");
    media_.push_back({name, &image.bytes});
    return std::make_pair("rIdImg" + std::to_string(media_.size()), *size);
  }

  static std::pair<long, long> fit(const ImageSize& size, double max_width_mm, double max_height_mm) {
    const double scale = std::min(max_width_mm / size.width, max_height_mm / size.height);
    return {std::lround(size.width * scale * kEmuPerMm), std::lround(size.height * scale * kEmuPerMm)};
  }

  void graphic(pugi::xml_node parent, const std::string& relation, long cx, long cy, int id) {
    with(child(parent, "wp:docPr"), {{"id", std::to_string(id)}, {"name", "Picture " + std::to_string(id)}});
    with(child(child(parent, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks"),
         {{"xmlns:a", kA}, {"noChangeAspect", "1"}});
    auto graphic = with(child(parent, "a:graphic"), {{"xmlns:a", kA}});
    auto data = with(child(graphic, "a:graphicData"), {{"uri", kPic}});
    auto pic = with(child(data, "pic:pic"), {{"xmlns:pic", kPic}});
    auto nv = child(pic, "pic:nvPicPr");
    with(child(nv, "pic:cNvPr"), {{"id", std::to_string(id)}, {"name", "picture" + std::to_string(id)}});
    child(nv, "pic:cNvPicPr");
    auto fill = child(pic, "pic:blipFill");
    with(child(fill, "a:blip"), {{"r:embed", relation}});
    child(child(fill, "a:stretch"), "a:fillRect");
    auto shape = child(pic, "pic:spPr");
    auto xfrm = child(shape, "a:xfrm");
    with(child(xfrm, "a:off"), {{"x", "0"}, {"y", "0"}});
    with(child(xfrm, "a:ext"), {{"cx", std::to_string(cx)}, {"cy", std::to_string(cy)}});
    child(with(child(shape, "a:prstGeom"), {{"prst", "rect"}}), "a:avLst");
  }

  void inline_picture(pugi::xml_node p, const Image& image, double max_width_mm, double max_height_mm) {
    const auto media = add_media(image);
    if (!media) return;
    const auto [cx, cy] = fit(media->second, max_width_mm, max_height_mm);
    auto in = child(child(child(p, "w:r"), "w:drawing"), "wp:inline");
    with(in, {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
    with(child(in, "wp:extent"), {{"cx", std::to_string(cx)}, {"cy", std::to_string(cy)}});
    graphic(in, media->first, cx, cy, static_cast<int>(media_.size()));
  }

  // The seal floats over the organization's name and the date, in front of the text, as a stamp.
  void anchored_seal(pugi::xml_node p, const Image& image) {
    const auto media = add_media(image);
    if (!media) return;
    const auto [cx, cy] = fit(media->second, 40, 40);
    auto anchor =
        with(child(child(child(p, "w:r"), "w:drawing"), "wp:anchor"), {{"distT", "0"},
                                                                       {"distB", "0"},
                                                                       {"distL", "0"},
                                                                       {"distR", "0"},
                                                                       {"simplePos", "0"},
                                                                       {"relativeHeight", "251659264"},
                                                                       {"behindDoc", "0"},
                                                                       {"locked", "0"},
                                                                       {"layoutInCell", "1"},
                                                                       {"allowOverlap", "1"}});
    with(child(anchor, "wp:simplePos"), {{"x", "0"}, {"y", "0"}});
    auto h = with(child(anchor, "wp:positionH"), {{"relativeFrom", "column"}});
    child(h, "wp:align").text() = "right";
    auto v = with(child(anchor, "wp:positionV"), {{"relativeFrom", "paragraph"}});
    child(v, "wp:posOffset").text() = std::to_string(-cy / 3).c_str();
    with(child(anchor, "wp:extent"), {{"cx", std::to_string(cx)}, {"cy", std::to_string(cy)}});
    with(child(anchor, "wp:effectExtent"), {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
    child(anchor, "wp:wrapNone");
    graphic(anchor, media->first, cx, cy, static_cast<int>(media_.size()));
  }

  pugi::xml_node body_;
  std::vector<Media>& media_;
};

pugi::xml_node root(pugi::xml_document& doc, const char* name) {
  auto declaration = doc.prepend_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  declaration.append_attribute("standalone") = "yes";
  return doc.append_child(name);
}

std::string to_string(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

std::string content_types(const std::vector<Media>& media) {
  pugi::xml_document doc;
  auto types =
      with(root(doc, "Types"), {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
  with(child(types, "Default"),
       {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
  with(child(types, "Default"), {{"Extension", "xml"}, {"ContentType", "application/xml"}});
  const bool jpeg =
      std::any_of(media.begin(), media.end(), [](const Media& m) { return m.name.ends_with(".jpeg"); });
  const bool png =
      std::any_of(media.begin(), media.end(), [](const Media& m) { return m.name.ends_with(".png"); });
  if (jpeg) with(child(types, "Default"), {{"Extension", "jpeg"}, {"ContentType", "image/jpeg"}});
  if (png) with(child(types, "Default"), {{"Extension", "png"}, {"ContentType", "image/png"}});
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  for (const auto& [part, type] : std::vector<std::pair<std::string, std::string>>{
           {"/word/document.xml", wml + "document.main+xml"},
           {"/word/styles.xml", wml + "styles+xml"},
           {"/word/header1.xml", wml + "header+xml"},
           {"/word/footer1.xml", wml + "footer+xml"},
           {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"}})
    with(child(types, "Override"), {{"PartName", part}, {"ContentType", type}});
  return to_string(doc);
}

struct Relation {
  std::string id, type, target;  // type: the full URI
};

std::string relationships(const std::vector<Relation>& entries) {
  pugi::xml_document doc;
  auto rels = with(root(doc, "Relationships"), {{"xmlns", kRelationships}});
  for (const auto& r : entries)
    with(child(rels, "Relationship"), {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
  return to_string(doc);
}

std::string core_properties(const Document& document) {
  pugi::xml_document doc;
  auto core = with(root(doc, "cp:coreProperties"),
                   {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                    {"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
  child(core, "dc:title").text() = xml_safe(document.title).c_str();
  child(core, "dc:creator").text() = xml_safe(document.organization).c_str();
  return to_string(doc);
}

// Fonts: 宋体 for text and 黑体 for titles, the faces every Chinese Word installation has.
std::string styles() {
  pugi::xml_document doc;
  auto styles = with(root(doc, "w:styles"), {{"xmlns:w", kW}});
  auto defaults = child(styles, "w:docDefaults");
  auto r = child(child(defaults, "w:rPrDefault"), "w:rPr");
  with(child(r, "w:rFonts"), {{"w:ascii", "Times New Roman"},
                              {"w:hAnsi", "Times New Roman"},
                              {"w:eastAsia", "宋体"},
                              {"w:cs", "Times New Roman"}});
  with(child(r, "w:sz"), {{"w:val", "24"}});
  with(child(r, "w:lang"), {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}});
  auto p = child(child(defaults, "w:pPrDefault"), "w:pPr");
  with(child(p, "w:spacing"), {{"w:after", "0"}, {"w:line", "360"}, {"w:lineRule", "auto"}});
  auto style = [&](const char* id, const char* name, bool bold, int half_points, const char* east_asia,
                   bool table_text = false) {
    auto s = with(child(styles, "w:style"), {{"w:type", "paragraph"}, {"w:styleId", id}});
    with(child(s, "w:name"), {{"w:val", name}});
    if (std::string(id) != "Normal") with(child(s, "w:basedOn"), {{"w:val", "Normal"}});
    auto ppr = child(s, "w:pPr");
    if (bold) child(ppr, "w:keepNext");  // a title never ends a page alone
    if (table_text) with(child(ppr, "w:spacing"), {{"w:line", "264"}, {"w:lineRule", "auto"}});
    auto rpr = child(s, "w:rPr");
    if (east_asia) with(child(rpr, "w:rFonts"), {{"w:eastAsia", east_asia}});
    if (bold) child(rpr, "w:b");
    if (half_points) with(child(rpr, "w:sz"), {{"w:val", std::to_string(half_points)}});
  };
  style("Normal", "Normal", false, 0, nullptr);
  style("Title", "Title", true, 40, "黑体");
  style("Heading1", "heading 1", true, 32, "黑体");
  style("Heading2", "heading 2", true, 28, "黑体");
  style("Heading3", "heading 3", true, 24, "黑体");
  style("TableText", "Table Text", false, 21, nullptr, true);
  style("Caption", "caption", false, 18, nullptr);
  style("Header", "header", false, 18, "黑体");
  style("Footer", "footer", false, 18, nullptr);
  return to_string(doc);
}

std::string header_part(const std::string& organization) {
  pugi::xml_document doc;
  auto hdr = with(root(doc, "w:hdr"), {{"xmlns:w", kW}});
  run(paragraph(hdr, Align::center, "Header"), organization, false, 0);
  return to_string(doc);
}

// 第 {PAGE} 页 共 {NUMPAGES} 页, the numbers as fields Word and LibreOffice fill in.
std::string footer_part() {
  pugi::xml_document doc;
  auto ftr = with(root(doc, "w:ftr"), {{"xmlns:w", kW}});
  auto p = paragraph(ftr, Align::center, "Footer");
  auto field = [&](const char* instruction) {
    auto f = with(child(p, "w:fldSimple"), {{"w:instr", instruction}});
    append_text(child(f, "w:r"), "1");
  };
  run(p, "第 ", false, 0);
  field(" PAGE ");
  run(p, " 页 共 ", false, 0);
  field(" NUMPAGES ");
  run(p, " 页", false, 0);
  return to_string(doc);
}

std::string document_part(const Document& document, std::vector<Media>& media) {
  pugi::xml_document doc;
  auto w = with(root(doc, "w:document"), {{"xmlns:w", kW}, {"xmlns:r", kR}, {"xmlns:wp", kWp}});
  auto body = child(w, "w:body");
  BodyWriter writer(body, media);
  writer.title(document);
  for (const auto& block : document.blocks) std::visit(writer, block);
  auto section = child(body, "w:sectPr");
  with(child(section, "w:headerReference"), {{"w:type", "default"}, {"r:id", "rIdHeader"}});
  with(child(section, "w:footerReference"), {{"w:type", "default"}, {"r:id", "rIdFooter"}});
  with(child(section, "w:pgSz"), {{"w:w", "11906"}, {"w:h", "16838"}});
  with(child(section, "w:pgMar"), {{"w:top", number(30 * kTwipsPerMm)},
                                   {"w:right", number(26 * kTwipsPerMm)},
                                   {"w:bottom", number(25 * kTwipsPerMm)},
                                   {"w:left", number(28 * kTwipsPerMm)},
                                   {"w:header", number(12 * kTwipsPerMm)},
                                   {"w:footer", number(12 * kTwipsPerMm)},
                                   {"w:gutter", "0"}});
  return to_string(doc);
}

// Zips the parts in memory; the parts' bytes must live until close.
class ZipWriter {
 public:
  ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (source_) {
      zip_source_keep(source_);  // outlives the archive, to read the result back
      archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error);
    }
    zip_error_fini(&error);
    if (!archive_) {
      if (source_) zip_source_free(source_);
      throw std::runtime_error("docx: cannot create the zip archive");
    }
  }
  ~ZipWriter() {
    if (archive_) zip_discard(archive_);
    zip_source_free(source_);
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  void add(const std::string& name, const std::string& bytes, bool compress = true) {
    zip_source_t* part = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = part ? zip_file_add(archive_, name.c_str(), part, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (part) zip_source_free(part);
      throw std::runtime_error("docx: cannot add " + name);
    }
    if (!compress) zip_set_file_compression(archive_, index, ZIP_CM_STORE, 0);
  }

  std::string finish() {
    if (zip_close(archive_) != 0) throw std::runtime_error("docx: cannot write the zip archive");
    archive_ = nullptr;
    std::string out;
    if (zip_source_open(source_) != 0) throw std::runtime_error("docx: cannot read the zip archive");
    zip_source_seek(source_, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(source_)));
    zip_source_seek(source_, 0, SEEK_SET);
    const zip_int64_t read = zip_source_read(source_, out.data(), out.size());
    zip_source_close(source_);
    if (read != static_cast<zip_int64_t>(out.size())) throw std::runtime_error("docx: short read");
    return out;
  }

 private:
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
};

}  // namespace

std::string render_docx(const Document& document) {
  std::vector<Media> media;
  std::deque<std::string> parts;  // stable addresses for the zip sources
  const auto& body = parts.emplace_back(document_part(document, media));
  const std::string office = kRelationType;
  std::vector<Relation> document_relations{{"rIdStyles", office + "styles", "styles.xml"},
                                           {"rIdHeader", office + "header", "header1.xml"},
                                           {"rIdFooter", office + "footer", "footer1.xml"}};
  for (std::size_t i = 0; i < media.size(); ++i)
    document_relations.push_back(
        {"rIdImg" + std::to_string(i + 1), office + "image", "media/" + media[i].name});

  ZipWriter zip;
  zip.add("[Content_Types].xml", parts.emplace_back(content_types(media)));
  zip.add(
      "_rels/.rels",
      parts.emplace_back(relationships(
          {{"rId1", office + "officeDocument", "word/document.xml"},
           {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml"}})));
  zip.add("docProps/core.xml", parts.emplace_back(core_properties(document)));
  zip.add("word/document.xml", body);
  zip.add("word/_rels/document.xml.rels", parts.emplace_back(relationships(document_relations)));
  zip.add("word/styles.xml", parts.emplace_back(styles()));
  zip.add("word/header1.xml", parts.emplace_back(header_part(xml_safe(document.organization))));
  zip.add("word/footer1.xml", parts.emplace_back(footer_part()));
  for (const auto& m : media)
    zip.add("word/media/" + m.name, *m.bytes, false);  // JPEG and PNG are compressed
  return zip.finish();
}

}  // namespace rw::documents
