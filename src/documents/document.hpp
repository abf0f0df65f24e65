#pragma once
// One document model for every generated document (notices, reports, ledgers) and its two renderings: PDF
// (documents/pdf_renderer.cpp, Cairo + Pango, the only file with their headers) and Word .docx
// (documents/docx_writer.cpp, OOXML written with pugixml and zipped with libzip).
//
// A document is a title, the issuing organization (shown in every page's header) and a flow of blocks.
// Lengths are millimetres; table column widths are relative (they share the text width). Both renderings
// run in the calling thread: the server calls them from its worker pool (platform/http/server.hpp), never
// from an I/O thread.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rw::documents {

enum class Align { left, center, right, justify };

// A span of text with its own weight and size (points; 0: the paragraph's).
struct Run {
  std::string text;
  bool bold = false;
  double size = 0;
};

struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::justify;
  double size = 12;         // points (小四)
  bool bold = false;        // the default of runs that do not say
  double indent_chars = 0;  // first-line indent in characters (2 for Chinese body text)
  double space_after_mm = 2;
};

// A title inside the document; level 1 is the largest.
struct Heading {
  std::string text;
  int level = 1;
  Align align = Align::left;
};

struct Cell {
  std::string text;
  bool bold = false;
  Align align = Align::left;
};

// A ruled table. Its first `header_rows` rows repeat at the top of every page it continues on; a row
// grows with its wrapped text and never splits across pages.
struct Table {
  std::vector<double> widths;  // relative column widths; their count is the number of columns
  int header_rows = 0;
  std::vector<std::vector<Cell>> rows;  // a short row leaves its last cells empty
  double size = 10.5;                   // points (五号)
};

// Label/value pairs in a ruled grid, `pairs_per_row` side by side (an enterprise's particulars).
struct KeyValues {
  std::vector<std::pair<std::string, std::string>> items;
  int pairs_per_row = 2;
  double size = 10.5;
};

// Encoded image bytes: JPEG (embedded as is) or PNG (signatures and seals, with transparency).
struct Image {
  std::string bytes;
};

struct Picture {
  Image image;
  std::string caption;
};

// Pictures side by side in one row, each scaled to fit its share of the width and `max_height_mm`, with
// its caption below.
struct Figure {
  std::vector<Picture> pictures;
  double max_height_mm = 80;
};

// A place to sign or seal: the label, then the signature image when there is one, else a blank line.
struct SignatureSlot {
  std::string label;  // 签收人：
  std::optional<Image> image;
};

// Slots side by side on one line (签收单位（公章）：…  签收人：…).
struct Signatures {
  std::vector<SignatureSlot> slots;
};

// The issuer's closing, right-aligned: its name and the date, with its seal over them when there is one.
struct IssuerBlock {
  std::string organization;
  std::string date;  // 2023年5月4日, or "年  月  日" left for a hand-written date
  std::optional<Image> seal;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, Table, KeyValues, Figure, Signatures, IssuerBlock, PageBreak>;

struct Document {
  std::string title;         // the first heading, centred, and the file's metadata title
  std::string subtitle;      // a line under it (a notice's number), may be empty
  std::string organization;  // the issuing organization, in each page's header
  std::vector<Block> blocks;
};

// Shorthands for the common blocks.
Paragraph text(std::string text, double indent_chars = 2);
Paragraph bold_text(std::string text);

// The ruled table both renderings draw for label/value pairs: labels bold, values at twice their width.
Table as_table(const KeyValues& pairs);

// A4 PDF: header with the organization, page numbers "第 N 页 共 M 页" in the footer, fonts Noto Serif and
// Noto Sans CJK SC (fonts-noto-cjk) embedded as subsets. Throws std::runtime_error when rendering fails.
std::string render_pdf(const Document& document);

// The same document as Word .docx: the same header and page-number footer (fields), repeated table headers
// (w:tblHeader), images in word/media; East-Asian text set in 宋体/黑体.
std::string render_docx(const Document& document);

}  // namespace rw::documents
