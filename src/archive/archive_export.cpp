#include "archive/archive_export.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "archive/archive_chain.hpp"
#include "archive/archive_service.hpp"
#include "archive/archive_store.hpp"
#include "documents/document.hpp"
#include "notices/notice_service.hpp"
#include "platform/files/sha256.hpp"
#include "platform/files/zip_file.hpp"
#include "services/plan_document.hpp"
#include "services/plan_service.hpp"

namespace rw::archive {
namespace {

std::string extension_of(const std::string& media_type) {
  if (media_type == "application/pdf") return ".pdf";
  if (media_type == "image/png") return ".png";
  if (media_type == "image/webp") return ".webp";
  if (media_type == "image/heic") return ".heic";
  return ".jpg";
}

std::string electronic_label(const std::string& status) {
  if (status == "present") return "√";
  if (status == "expiring") return "√（即将到期）";
  if (status == "expired") return "已过期";
  return "否";
}

std::string paper_label(const std::string& status) {
  if (status == "on_file") return "√";
  if (status == "not_on_file") return "否";
  return "";
}

// The cover sheet: the list as xuzhou E.1 prints it, with √ where the item is filed and 否 with its reason.
std::string cover_sheet(const nlohmann::json& archive, const std::string& exported_at) {
  const auto& list = archive.at("list");
  const bool paper = list.at("paper_column").get<bool>();
  documents::Document doc;
  doc.title = list.at("name_zh").get<std::string>();
  doc.subtitle = "企业名称：" + archive.at("enterprise").at("name").get<std::string>();
  doc.organization = "一企一档";
  const auto& c = archive.at("completeness");
  doc.blocks.push_back(documents::text(
      "完整率 " + std::to_string(c.at("percent").get<int>()) + "%（" +
          std::to_string(c.at("complete").get<int>()) + "/" + std::to_string(c.at("items").get<int>()) +
          "），即将到期 " + std::to_string(c.at("expiring").get<int>()) + " 项，已过期 " +
          std::to_string(c.at("expired").get<int>()) + " 项。依据：" +
          list.at("reference").get<std::string>() + "。导出时间 " + exported_at + "（UTC）。",
      0));
  documents::Table table;
  table.header_rows = 1;
  table.widths =
      paper ? std::vector<double>{3, 1.2, 6, 2.4, 2.4, 2} : std::vector<double>{3, 1.2, 6, 2.8, 2.4};
  std::vector<documents::Cell> head = {
      {"资料类别", true}, {"编号", true}, {"资料名称", true}, {"电子档（如填否应说明原因）", true}};
  if (paper) head.push_back({"纸质档（如填否应说明原因）", true});
  head.push_back({"有效期至", true});
  table.rows.push_back(head);
  for (const auto& item : archive.at("items")) {
    auto electronic = electronic_label(item.at("electronic").get<std::string>());
    if (!item.at("applicable").get<bool>()) electronic = "不适用";
    if (electronic == "否" || electronic == "不适用") {
      const auto reason = item.at("electronic_reason").get<std::string>();
      if (!reason.empty()) electronic += "：" + reason;
    }
    std::vector<documents::Cell> row = {{item.at("category_zh").get<std::string>()},
                                        {item.at("code").get<std::string>()},
                                        {item.at("name_zh").get<std::string>()},
                                        {electronic}};
    if (paper) {
      auto label = paper_label(item.at("paper").get<std::string>());
      const auto reason = item.at("paper_reason").get<std::string>();
      if (label == "否" && !reason.empty()) label += "：" + reason;
      row.push_back({label});
    }
    const auto& current = item.at("current");
    row.push_back({current.is_object() && current.at("valid_until").is_string()
                       ? current.at("valid_until").get<std::string>()
                       : ""});
    table.rows.push_back(std::move(row));
  }
  doc.blocks.push_back(std::move(table));
  if (!list.at("note_zh").get<std::string>().empty())
    doc.blocks.push_back(documents::text("注：" + list.at("note_zh").get<std::string>(), 0));
  return documents::render_pdf(doc);
}

// Removes the temporary file unless released.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "riskwatch-export-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("archive export: no temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  const std::string& path() const { return path_; }
  std::string release() { return std::exchange(path_, std::string()); }

 private:
  std::string path_;
};

std::string file_sha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  files::Sha256 hash;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    hash.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
  }
  return hash.hex_digest();
}

void add_documents(files::ZipWriter& zip, const files::FileStore& store, const accounts::Operation& op,
                   const nlohmann::json& archive, std::int64_t enterprise_id) {
  int category_number = 0;
  std::string category;
  for (const auto& item : archive.at("items")) {
    const auto item_category = item.at("category_zh").get<std::string>();
    if (item_category != category) ++category_number, category = item_category;
    if (item.at("versions").get<std::size_t>() == 0) continue;
    const auto code = item.at("code").get<std::string>();
    const auto folder = "一企一档/" + std::to_string(category_number) + "-" +
                        safe_segment(category, "category") + "/" +
                        safe_segment(code + " " + item.at("name_zh").get<std::string>(), "item") + "/";
    const auto history = item_history(op, enterprise_id, code);
    for (const auto& d : history.at("documents")) {
      if (!d.at("withdrawn_at").is_null()) continue;
      const auto name = "v" + std::to_string(d.at("version").get<int>()) + "-" +
                        safe_segment(d.at("uploaded_at").get<std::string>().substr(0, 10), "date") +
                        (d.at("current").get<bool>() ? "" : "-已被替代") +
                        extension_of(d.at("file").at("media_type").get<std::string>());
      zip.add_object(folder + name, store, d.at("file").at("sha256").get<std::string>());
    }
  }
}

// What the other capabilities keep of the enterprise, as the reader sees it: the visits' frozen report
// versions, the issued notices rendered from their records with their receipts (a signature drawn on the
// phone or the signed paper scanned), and the service plans. Returns how many of each were added.
nlohmann::json add_related(files::ZipWriter& zip, const files::FileStore& store,
                           const accounts::Operation& op, const nlohmann::json& related) {
  for (const auto& r : related.at("reports")) {
    const auto name =
        "服务报告/" +
        safe_segment("visit-" + std::to_string(r.at("visit_id").get<std::int64_t>()) + "-v" +
                         std::to_string(r.at("version").get<int>()) + "-" + r.at("title").get<std::string>(),
                     "report") +
        ".pdf";
    zip.add_object(name, store, r.at("sha256").get<std::string>());
  }
  int receipts = 0;
  for (const auto& n : related.at("notices")) {
    const auto id = n.at("id").get<std::int64_t>();
    const auto notice = notices::render_notice(op, store, id, "pdf");
    // The id first: unnumbered notices (温馨提示单) share their name.
    const auto stem = "文书/" + safe_segment(std::to_string(id) + "-" + notice.name, "notice");
    zip.add_bytes(stem + ".pdf", notice.bytes);
    if (!n.at("receipt_file_id").is_number()) continue;
    const auto receipt = file_row(op.db, n.at("receipt_file_id").get<std::int64_t>());
    if (!receipt) continue;
    zip.add_object(stem + "-回执" + extension_of(receipt->text("media_type")), store,
                   receipt->text("sha256"));
    ++receipts;
  }
  for (const auto& p : related.at("plans")) {
    const auto plan = services::plan_with_history(op, p.at("id").get<std::int64_t>());
    const auto name = std::to_string(plan.at("id").get<std::int64_t>()) + "-" +
                      std::to_string(plan.at("year").get<int>()) + "年度服务方案-" +
                      plan.at("agency").at("name").get<std::string>();
    zip.add_bytes("服务方案/" + safe_segment(name, "plan") + ".pdf",
                  documents::render_pdf(services::plan_document(plan)));
  }
  return {{"reports", related.at("reports").size()},
          {"notices", related.at("notices").size()},
          {"receipts", receipts},
          {"plans", related.at("plans").size()}};
}

}  // namespace

ExportFile export_archive(const accounts::Operation& op, const files::FileStore& store,
                          std::int64_t enterprise_id) {
  const auto archive = enterprise_archive(op, enterprise_id);
  TempFile temp;
  files::ZipWriter zip(temp.path());
  zip.add_bytes("00-" + safe_segment(archive.at("list").at("name_zh").get<std::string>(), "cover") + ".pdf",
                cover_sheet(archive, op.now_text()));
  add_documents(zip, store, op, archive, enterprise_id);
  const auto related = add_related(zip, store, op, archive.at("related"));
  const int entries = zip.entries();
  zip.close();
  const auto sha = file_sha256(temp.path());
  const auto name = archive.at("enterprise").at("name").get<std::string>() + "-一企一档";
  return {temp.release(),
          sha,
          entries,
          name,
          {{"list_code", archive.at("list").at("code")}, {"entries", entries}, {"related", related}}};
}

void record_export(const accounts::Operation& op, std::int64_t enterprise_id, const ExportFile& file) {
  append_event(op, {enterprise_id, "export", "", std::nullopt, file.sha256, file.detail});
}

}  // namespace rw::archive
