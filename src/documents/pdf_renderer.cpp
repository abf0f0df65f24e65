// The PDF rendering of documents::Document — the one file that includes Cairo and Pango headers.
//
// Two passes: the flow is laid out into pages of placed items (text layouts, rules, pictures), then the
// pages are drawn with their header and "第 N 页 共 M 页", which needs the page count. Pango breaks Chinese
// lines (UAX #14 with its CJK rules, no break before "，。）" and the like) and cairo embeds subsets of the
// Noto CJK fonts. A JPEG is embedded as it is (its bytes set as the surface's MIME data), so a photo costs no
// decoding.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "documents/document.hpp"
#include "documents/image_size.hpp"

namespace rw::documents {
namespace {

constexpr double kMm = 72.0 / 25.4;  // points per millimetre
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
// Margins near GB/T 9704 (党政机关公文格式): top 37 mm there; 30 mm leaves room for our header line.
constexpr double kLeft = 28 * kMm;
constexpr double kRight = 26 * kMm;
constexpr double kTop = 30 * kMm;
constexpr double kBottom = 25 * kMm;
constexpr double kTextWidth = kPageWidth - kLeft - kRight;
constexpr double kCellPad = 1.6 * kMm;
constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

struct GUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
struct SurfaceUnref {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Layout = std::shared_ptr<PangoLayout>;
using Surface = std::shared_ptr<cairo_surface_t>;

// A text layout at (x, y); with a clip, only the part of it between clip_top and clip_bottom shows (a
// paragraph split across pages is drawn on both, shifted).
struct TextItem {
  Layout layout;
  double x, y;
  double clip_top = 0, clip_bottom = kPageHeight;
};
struct BoxItem {
  double x, y, width, height;
  bool shaded = false;
};
struct PictureItem {
  Surface surface;
  double x, y, width, height;
};
using Item = std::variant<TextItem, BoxItem, PictureItem>;
using Page = std::vector<Item>;

PangoAlignment pango_alignment(Align align) {
  switch (align) {
    case Align::center:
      return PANGO_ALIGN_CENTER;
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
  }
}

void check_status(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("pdf: ") + what + ": " + cairo_status_to_string(status));
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct PngReader {
  std::string_view bytes;
  std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto& reader = *static_cast<PngReader*>(closure);
  if (reader.bytes.size() - reader.at < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader.bytes.data() + reader.at, length, data);
  reader.at += length;
  return CAIRO_STATUS_SUCCESS;
}

// A surface for the image and its size in pixels; nullptr for bytes that are neither JPEG nor PNG.
struct LoadedImage {
  Surface surface;
  int width = 0, height = 0;
};

LoadedImage load_image(const Image& image) {
  const auto size = read_image_size(image.bytes);
  if (!size) return {};
  if (size->kind == ImageKind::png) {
    PngReader reader{image.bytes};
    Surface surface(cairo_image_surface_create_from_png_stream(read_png, &reader), SurfaceUnref{});
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
    return {surface, size->width, size->height};
  }
  // One opaque pixel stretched by its device scale to the JPEG's size in pixels: cairo's PDF backend embeds
  // the MIME data, never reads the pixel, and has no pixel buffer to copy (a surface of the photo's size
  // costs a 5 MB copy per photo when cairo lets go of its snapshot).
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1), SurfaceUnref{});
  check_status(cairo_surface_status(surface.get()), "image surface");
  cairo_surface_set_device_scale(surface.get(), 1.0 / size->width, 1.0 / size->height);
  auto* copy = new std::string(image.bytes);
  check_status(cairo_surface_set_mime_data(
                   surface.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(copy->data()),
                   copy->size(), [](void* data) { delete static_cast<std::string*>(data); }, copy),
               "jpeg data");
  return {surface, size->width, size->height};
}

// Lays the flow out into pages.
class Composer {
 public:
  explicit Composer(PangoContext* context) : context_(context) { new_page(); }

  std::vector<Page> take_pages() { return std::move(pages_); }

  void title(const Document& document) {
    if (!document.title.empty()) {
      place_text(layout_of(document.title, kSans, 20, true, kTextWidth, Align::center), kLeft);
      y_ += 3 * kMm;
    }
    if (!document.subtitle.empty()) {
      place_text(layout_of(document.subtitle, kSerif, 12, false, kTextWidth, Align::center), kLeft);
      y_ += 3 * kMm;
    }
    y_ += 3 * kMm;
  }

  void operator()(const Heading& heading) {
    const double size = heading.level <= 1 ? 16 : heading.level == 2 ? 14 : 12;
    auto layout = layout_of(heading.text, kSans, size, true, kTextWidth, heading.align);
    keep_with_next(height_of(layout) + 20 * kMm);  // a heading never ends a page alone
    y_ += 2 * kMm;
    place_text(layout, kLeft);
    y_ += 2 * kMm;
  }

  void operator()(const Paragraph& paragraph) {
    std::string all;
    for (const auto& run : paragraph.runs) all += run.text;
    auto layout = layout_of(all, kSerif, paragraph.size, paragraph.bold, kTextWidth, paragraph.align, 1.3);
    PangoAttrList* attributes = pango_attr_list_new();
    guint start = 0;
    for (const auto& run : paragraph.runs) {
      const guint end = start + run.text.size();
      if (run.bold && !paragraph.bold)
        add_attribute(attributes, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
      if (run.size > 0)
        add_attribute(attributes, pango_attr_size_new(static_cast<int>(run.size * PANGO_SCALE)), start, end);
      start = end;
    }
    pango_layout_set_attributes(layout.get(), attributes);
    pango_attr_list_unref(attributes);
    pango_layout_set_indent(layout.get(),
                            static_cast<int>(paragraph.indent_chars * paragraph.size * PANGO_SCALE));
    place_text(layout, kLeft);
    y_ += paragraph.space_after_mm * kMm;
  }

  void operator()(const Table& table) {
    if (table.widths.empty() || table.rows.empty()) return;
    const double total = std::accumulate(table.widths.begin(), table.widths.end(), 0.0);
    std::vector<double> widths;
    for (double w : table.widths)
      widths.push_back(kTextWidth * (total > 0 ? w / total : 1.0 / table.widths.size()));
    std::vector<MeasuredRow> header;
    const std::size_t header_rows = std::min<std::size_t>(std::max(table.header_rows, 0), table.rows.size());
    for (std::size_t i = 0; i < header_rows; ++i) header.push_back(measure_row(table, i, widths, true));
    const double header_height = heights_of(header);
    bool first_on_page = true;
    for (std::size_t i = header_rows; i < table.rows.size() || first_on_page; ++i) {
      const bool has_row = i < table.rows.size();
      MeasuredRow row = has_row ? measure_row(table, i, widths, false) : MeasuredRow{};
      if (!fits((first_on_page ? header_height : 0) + row.height) && !page_is_empty()) {
        new_page();
        first_on_page = true;
      }
      if (first_on_page) {
        for (const auto& h : header) place_row(h, widths);
        first_on_page = false;
      }
      if (has_row) place_row(row, widths);
    }
    y_ += 3 * kMm;
  }

  void operator()(const KeyValues& pairs) { (*this)(as_table(pairs)); }

  void operator()(const Figure& figure) {
    if (figure.pictures.empty()) return;
    const double gap = 4 * kMm;
    const double n = static_cast<double>(figure.pictures.size());
    const double slot = (kTextWidth - gap * (n - 1)) / n;
    struct Placed {
      LoadedImage image;
      double width = 0, height = 0;
      Layout caption;
    };
    std::vector<Placed> placed;
    double row_height = 0;
    for (const auto& picture : figure.pictures) {
      Placed p;
      p.image = load_image(picture.image);
      if (p.image.surface) {
        const double scale = std::min(slot / p.image.width, figure.max_height_mm * kMm / p.image.height);
        p.width = p.image.width * scale;
        p.height = p.image.height * scale;
      }
      if (!picture.caption.empty())
        p.caption = layout_of(picture.caption, kSerif, 9, false, slot, Align::center);
      row_height = std::max(row_height, p.height + (p.caption ? height_of(p.caption) + 1.5 * kMm : 0));
      placed.push_back(std::move(p));
    }
    if (!fits(row_height) && !page_is_empty()) new_page();
    double image_height = 0;
    for (const auto& p : placed) image_height = std::max(image_height, p.height);
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const double x = kLeft + i * (slot + gap);
      const auto& p = placed[i];
      if (p.image.surface)
        current().push_back(PictureItem{p.image.surface, x + (slot - p.width) / 2,
                                        y_ + image_height - p.height, p.width, p.height});
      if (p.caption) current().push_back(TextItem{p.caption, x, y_ + image_height + 1.5 * kMm});
    }
    y_ += row_height + 4 * kMm;
  }

  void operator()(const Signatures& signatures) {
    if (signatures.slots.empty()) return;
    const double slot = kTextWidth / signatures.slots.size();
    const double image_height = 15 * kMm;
    const bool any_image = std::any_of(signatures.slots.begin(), signatures.slots.end(),
                                       [](const SignatureSlot& s) { return s.image.has_value(); });
    const double height = any_image ? image_height : 8 * kMm;
    if (!fits(height + 4 * kMm) && !page_is_empty()) new_page();
    y_ += 4 * kMm;
    for (std::size_t i = 0; i < signatures.slots.size(); ++i) {
      const auto& s = signatures.slots[i];
      const double x = kLeft + i * slot;
      auto label = layout_of(s.label, kSerif, 12, false, slot, Align::left);
      const double label_width = width_of(label);
      const double baseline_y = y_ + height - height_of(label);
      current().push_back(TextItem{label, x, baseline_y});
      const LoadedImage image = s.image ? load_image(*s.image) : LoadedImage{};
      const double room = slot - label_width - 2 * kMm;
      if (image.surface && room > 0) {
        const double scale = std::min(room / image.width, image_height / image.height);
        current().push_back(PictureItem{image.surface, x + label_width, y_ + height - image.height * scale,
                                        image.width * scale, image.height * scale});
      } else if (room > 0) {  // a line to sign on
        current().push_back(BoxItem{x + label_width, y_ + height, std::min(room, 40 * kMm), 0});
      }
    }
    y_ += height + 4 * kMm;
  }

  void operator()(const IssuerBlock& issuer) {
    const double column = 80 * kMm;
    const double x = kLeft + kTextWidth - column;
    auto name = layout_of(issuer.organization, kSerif, 12, false, column, Align::center);
    auto date = layout_of(issuer.date, kSerif, 12, false, column, Align::center);
    const double text_height = height_of(name) + height_of(date) + 2 * kMm;
    const double seal_size = 40 * kMm;  // official seals are 40–42 mm across
    const LoadedImage seal = issuer.seal ? load_image(*issuer.seal) : LoadedImage{};
    const double room_above = seal.surface ? (seal_size - text_height) / 2 : 0;
    if (!fits(room_above + text_height + 8 * kMm) && !page_is_empty()) new_page();
    y_ += 8 * kMm + std::max(room_above, 0.0);
    current().push_back(TextItem{name, x, y_});
    current().push_back(TextItem{date, x, y_ + height_of(name) + 2 * kMm});
    if (seal.surface) {  // the seal goes over the name and date, as a stamp does
      const double scale = std::min(seal_size / seal.width, seal_size / seal.height);
      const double w = seal.width * scale, h = seal.height * scale;
      current().push_back(
          PictureItem{seal.surface, x + (column - w) / 2, y_ + text_height / 2 - h / 2, w, h});
    }
    y_ += text_height + 4 * kMm;
  }

  void operator()(const PageBreak&) {
    if (!page_is_empty()) new_page();
  }

 private:
  struct MeasuredRow {
    std::vector<Layout> cells;
    double height = 0;
    bool header = false;
  };

  Page& current() { return pages_.back(); }
  bool fits(double height) const { return y_ + height <= kPageHeight - kBottom; }
  bool page_is_empty() const { return pages_.back().empty(); }
  void new_page() {
    pages_.emplace_back();
    y_ = kTop;
  }
  void keep_with_next(double height) {
    if (!fits(height) && !page_is_empty()) new_page();
  }

  static void add_attribute(PangoAttrList* list, PangoAttribute* attribute, guint start, guint end) {
    attribute->start_index = start;
    attribute->end_index = end;
    pango_attr_list_insert(list, attribute);
  }

  Layout layout_of(const std::string& text, const char* family, double size, bool bold, double width,
                   Align align, double spacing = 1.1) const {
    Layout layout(pango_layout_new(context_), GUnref{});
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), pango_alignment(align));
    pango_layout_set_justify(layout.get(), align == Align::justify);
    pango_layout_set_line_spacing(layout.get(), static_cast<float>(spacing));
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
  }

  static double height_of(const Layout& layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }
  static double width_of(const Layout& layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return static_cast<double>(logical.x + logical.width) / PANGO_SCALE;
  }
  static double heights_of(const std::vector<MeasuredRow>& rows) {
    double sum = 0;
    for (const auto& row : rows) sum += row.height;
    return sum;
  }

  // Places a layout at the current position, continuing it on the next pages line by line when it is
  // longer than the room left.
  void place_text(const Layout& layout, double x) {
    const double height = height_of(layout);
    double shown = 0;  // the layout's height already placed on earlier pages
    while (true) {
      const double room = kPageHeight - kBottom - y_;
      if (height - shown <= room) {
        current().push_back(TextItem{layout, x, y_ - shown, y_, kPageHeight});
        y_ += height - shown;
        return;
      }
      const double cut = last_line_end_within(layout, shown + room);
      if (cut > shown) {
        current().push_back(TextItem{layout, x, y_ - shown, y_, y_ + (cut - shown)});
        shown = cut;
      } else if (page_is_empty()) {  // a line taller than a page: place it anyway
        current().push_back(TextItem{layout, x, y_ - shown, y_, kPageHeight});
        y_ += height - shown;
        return;
      }
      new_page();
    }
  }

  // The bottom of the last line that ends at or above `limit` (layout coordinates).
  static double last_line_end_within(const Layout& layout, double limit) {
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    double best = 0;
    do {
      int top = 0, bottom = 0;
      pango_layout_iter_get_line_yrange(iter, &top, &bottom);
      const double end = static_cast<double>(bottom) / PANGO_SCALE;
      if (end > limit) break;
      best = end;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    return best;
  }

  MeasuredRow measure_row(const Table& table, std::size_t index, const std::vector<double>& widths,
                          bool header) const {
    MeasuredRow row;
    row.header = header;
    const auto& cells = table.rows[index];
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const Cell empty;
      const Cell& cell = c < cells.size() ? cells[c] : empty;
      auto layout = layout_of(cell.text, kSerif, table.size, header || cell.bold, widths[c] - 2 * kCellPad,
                              header ? Align::center : cell.align);
      row.height = std::max(row.height, height_of(layout) + 2 * kCellPad);
      row.cells.push_back(std::move(layout));
    }
    return row;
  }

  void place_row(const MeasuredRow& row, const std::vector<double>& widths) {
    double x = kLeft;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      current().push_back(BoxItem{x, y_, widths[c], row.height, row.header});
      current().push_back(TextItem{row.cells[c], x + kCellPad, y_ + kCellPad});
      x += widths[c];
    }
    y_ += row.height;
  }

  PangoContext* context_;
  std::vector<Page> pages_;
  double y_ = kTop;
};

void show_text(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

class Painter {
 public:
  explicit Painter(cairo_t* cr) : cr_(cr) {}
  void operator()(const TextItem& item) const {
    cairo_save(cr_);
    cairo_rectangle(cr_, 0, item.clip_top, kPageWidth, item.clip_bottom - item.clip_top);
    cairo_clip(cr_);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    show_text(cr_, item.layout.get(), item.x, item.y);
    cairo_restore(cr_);
  }
  void operator()(const BoxItem& box) const {
    cairo_set_line_width(cr_, 0.6);
    if (box.height == 0) {  // a line to write or sign on
      cairo_move_to(cr_, box.x, box.y);
      cairo_line_to(cr_, box.x + box.width, box.y);
    } else {
      cairo_rectangle(cr_, box.x, box.y, box.width, box.height);
      if (box.shaded) {
        cairo_set_source_rgb(cr_, 0.92, 0.92, 0.92);
        cairo_fill_preserve(cr_);
      }
    }
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_stroke(cr_);
  }
  void operator()(const PictureItem& picture) const {
    cairo_save(cr_);
    cairo_translate(cr_, picture.x, picture.y);
    double x_scale = 1, y_scale = 1;  // a JPEG's single pixel has the photo's size through its device scale
    cairo_surface_get_device_scale(picture.surface.get(), &x_scale, &y_scale);
    cairo_scale(cr_, picture.width * x_scale / cairo_image_surface_get_width(picture.surface.get()),
                picture.height * y_scale / cairo_image_surface_get_height(picture.surface.get()));
    cairo_set_source_surface(cr_, picture.surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
    cairo_paint(cr_);
    cairo_restore(cr_);
  }

 private:
  cairo_t* cr_;
};

// The organization's name over a rule at the top, the page numbers at the bottom.
void draw_page_frame(cairo_t* cr, PangoContext* context, const std::string& organization, std::size_t page,
                     std::size_t pages) {
  auto small_centered = [&](const std::string& text) {
    Layout layout(pango_layout_new(context), GUnref{});
    PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 9");
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(kTextWidth * PANGO_SCALE));
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
  };
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  if (!organization.empty()) {
    show_text(cr, small_centered(organization).get(), kLeft, 15 * kMm);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kLeft, 21 * kMm);
    cairo_line_to(cr, kPageWidth - kRight, 21 * kMm);
    cairo_stroke(cr);
  }
  const std::string numbers = "第 " + std::to_string(page) + " 页 共 " + std::to_string(pages) + " 页";
  show_text(cr, small_centered(numbers).get(), kLeft, kPageHeight - 15 * kMm);
}

}  // namespace

std::string render_pdf(const Document& document) {
  std::string out;
  std::unique_ptr<cairo_surface_t, SurfaceUnref> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &out, kPageWidth, kPageHeight));
  check_status(cairo_surface_status(surface.get()), "pdf surface");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Riskwatch");
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
  std::unique_ptr<PangoContext, GUnref> context(pango_cairo_create_context(cr.get()));
  pango_cairo_context_set_resolution(context.get(), 72);  // font sizes in points are PDF units (not 96 dpi)

  std::vector<Page> pages;
  {
    Composer composer(context.get());
    composer.title(document);
    for (const auto& block : document.blocks) std::visit(composer, block);
    pages = composer.take_pages();
  }
  const Painter painter(cr.get());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    draw_page_frame(cr.get(), context.get(), document.organization, i + 1, pages.size());
    for (const auto& item : pages[i]) std::visit(painter, item);
    cairo_show_page(cr.get());
  }
  check_status(cairo_status(cr.get()), "drawing");
  cr.reset();
  cairo_surface_finish(surface.get());
  check_status(cairo_surface_status(surface.get()), "finishing");
  surface.reset();
  return out;
}

}  // namespace rw::documents
