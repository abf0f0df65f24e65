#include "documents/document.hpp"

namespace rw::documents {

Paragraph text(std::string text, double indent_chars) {
  Paragraph paragraph;
  paragraph.runs.push_back({std::move(text)});
  paragraph.indent_chars = indent_chars;
  return paragraph;
}

Paragraph bold_text(std::string text) {
  Paragraph paragraph;
  paragraph.runs.push_back({std::move(text), true});
  paragraph.align = Align::left;
  return paragraph;
}

Table as_table(const KeyValues& pairs) {
  Table table;
  table.size = pairs.size;
  const std::size_t per_row = pairs.pairs_per_row > 0 ? pairs.pairs_per_row : 1;
  for (std::size_t i = 0; i < per_row; ++i) table.widths.insert(table.widths.end(), {1, 2});
  for (std::size_t i = 0; i < pairs.items.size(); ++i) {
    if (i % per_row == 0) table.rows.emplace_back();
    table.rows.back().push_back({pairs.items[i].first, true});
    table.rows.back().push_back({pairs.items[i].second});
  }
  return table;
}

}  // namespace rw::documents
