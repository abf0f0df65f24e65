#pragma once
// A checklist template as an XLSForm (https://xlsform.org) workbook and back, so forms kept in Excel, ODK or
// KoboToolbox come in and go out.
//
// Sheets. `survey`: type, name, label::中文 (zh), label::English (en), hint::中文 (zh), required, relevant,
// constraint, constraint_message, appearance, read_only, repeat_count. `choices`: list_name, name, labels.
// `settings`: form_title (name), form_id (code), version, default_language.
//
// Mapping. A section is begin_group … end_group (nested as the sections nest; a section's items come before
// its sub-sections). yes_no and single are `select_one <list>`, multiple `select_multiple <list>`, text
// `text` (multiline: appearance `multiline`), number `integer` (integer: true) or `decimal` with min/max as
// the constraint `. >= min and . <= max`, date `date`, photo `image`. A table is begin_repeat … end_repeat
// with one field per column (read_only for readonly columns); with preset rows and no rows_addable,
// repeat_count is the number of rows. A choice list is named by its item's id (a table column's by
// `<item>__<column>`). visible_if is `relevant` (xlsform_relevant.hpp).
//
// What XLSForm has no column for goes into columns named `riskwatch::<key>`, which ODK and KoboToolbox
// ignore: text as it is, other values (numbers, true/false, lists, preset rows) as JSON, an object's members
// as `riskwatch::<key>.<member>` (riskwatch::finding.grade, riskwatch::source.seed). Examples: source,
// derived, note, prefill, unit, min_photos, weight, rows, rows_addable, score, detail, exclusive, finding.*,
// notes, service_types, $schema; riskwatch::kind where the XLSForm type alone would read as another kind
// (a select_one whose choices are yes/no[/na] reads as yes_no, any other as single). So a template written
// and read back is the same JSON (empty texts and an explicit "items": [] beside sub-sections excepted).
//
// A workbook Riskwatch wrote says so in settings (riskwatch::format = 1): an empty `required` then means the
// template did not say. In any other XLSForm (made in Excel, ODK or Kobo): every question is required unless
// `required` says no; questions outside any group form a section of their own; a repeat without
// riskwatch::rows is addable rows, or repeat_count numbered rows; the code is form_id (lower-cased), the name
// form_title, the version settings' version (a whole number, 1 when absent). Metadata types (start, end,
// today, deviceid, …) are skipped; hints and appearances other than multiline are presentation and dropped.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "forms/template.hpp"

namespace rw::forms {

// The .xlsx bytes of the template's XLSForm; ApiError 422 `xlsform_cell_too_long` when a text (preset rows,
// notes) is longer than an Excel cell holds.
std::string template_to_xlsform(const Template& form);

// The template JSON an XLSForm describes, not yet checked against the template schema (parse_template does
// that). Refuses what it cannot read or map with ApiError 422 `invalid_xlsform` naming the sheet, row and
// column (field "<sheet>.<column>", row); an unreadable file is the spreadsheet reader's 422.
nlohmann::json xlsform_to_template_json(std::string_view xlsx_bytes);

}  // namespace rw::forms
