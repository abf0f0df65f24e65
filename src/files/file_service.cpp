#include "files/file_service.hpp"

#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "files/file_record.hpp"
#include "files/image_probe.hpp"
#include "platform/errors.hpp"
#include "platform/files/sha256.hpp"
#include "platform/json_rows.hpp"

namespace rw::files {
namespace {

ApiError unsupported_file_type() {
  return {ErrorKind::unsupported_type, "unsupported_file_type",
          "只能上传 JPEG、PNG、WebP、HEIC 图片或 PDF 文件",
          "Only JPEG, PNG, WebP and HEIC images and PDF documents can be uploaded"};
}

// A phone's own id for an offline upload: short, printable, no spaces (a UUID fits).
void check_client_id(const std::string& client_id) {
  const bool ok = !client_id.empty() && client_id.size() <= 64 &&
                  std::all_of(client_id.begin(), client_id.end(), [](unsigned char c) {
                    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
                  });
  if (!ok)
    throw invalid_field("client_id", "invalid_client_id", "client_id 应为 1–64 个字母、数字或 - _ . :",
                        "client_id must be 1–64 letters, digits or - _ . :");
}

std::string sha256_of(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes);
  return hash.hex_digest();
}

// A first upload of these bytes: stored, and for an image read and thumbnailed.
FileRecord new_content(FileStore& store, std::string_view bytes, const std::string& sha256, MediaType type) {
  FileRecord record;
  record.sha256 = sha256;
  record.media_type = std::string(mime_of(type));
  record.size = static_cast<std::int64_t>(bytes.size());
  if (is_image(type)) {
    const auto facts = probe_image(bytes, type);  // before anything is stored: a corrupt image leaves nothing
    record.width = facts.width;
    record.height = facts.height;
    if (facts.taken_at) record.taken_at = format_utc(*facts.taken_at);
    record.latitude = facts.latitude;
    record.longitude = facts.longitude;
    record.phash = facts.phash;
    record.small_sha256 = store.put(facts.small_jpeg).sha256;
    record.large_sha256 = store.put(facts.large_jpeg).sha256;
  }
  store.put(bytes);
  return record;
}

// The caller's earlier upload of these bytes, or under this client_id (409 client_id_reused when that was
// of other bytes).
std::optional<std::int64_t> earlier_upload(const accounts::Operation& op, const std::string& sha256,
                                           const std::optional<std::string>& client_id) {
  if (client_id) {
    if (auto before = find_upload_by_client_id(op.db, op.actor.id, *client_id)) {
      if (before->sha256 != sha256)
        throw conflict("client_id_reused", "该 client_id 已用于另一个文件",
                       "The client_id was used for another file");
      return before->id;
    }
  }
  if (auto before = find_upload_by_sha(op.db, op.actor.id, sha256)) return before->id;
  return std::nullopt;
}

// The new upload's row, in a transaction of its own. The same caller's upload of these bytes or this
// client_id may have been written since earlier_upload looked (a phone sending again while its first try is
// still being decoded), and the answer is that upload, as for a retry that comes later. Looked for again in
// the write transaction: SQLite's writers that queue commit in one transaction (db::CommitGroup), and a row
// another member wrote is seen there, not by a read after this writer left the group. Written by another
// process (PostgreSQL), it makes the unique constraint refuse this row, and it is read after the refusal.
Uploaded insert_upload(const accounts::Operation& op, const FileRecord& record) {
  try {
    db::Transaction transaction(op.db, true);
    if (const auto earlier = earlier_upload(op, record.sha256, record.client_id)) {
      transaction.commit();
      return {*earlier, false};
    }
    const auto id = insert_file(op.db, record);
    transaction.commit();
    return {id, true};
  } catch (const db::ConstraintViolation&) {
    if (const auto earlier = earlier_upload(op, record.sha256, record.client_id)) return {*earlier, false};
    throw;
  }
}

// The bytes and thumbnails this upload stored, when its row could not be written: removed unless a row of
// the same bytes was written meanwhile (another user's upload of them: the objects are that row's now).
// What is left is a race with such an upload still between its store and its insert. The error that got
// here is the one to report, so a failure here is only logged.
void remove_unrecorded(db::Connection& db, FileStore& store, const FileRecord& record) {
  try {
    if (find_any_with_sha(db, record.sha256)) return;
    store.remove(record.sha256);
    if (record.small_sha256) store.remove(*record.small_sha256);
    if (record.large_sha256) store.remove(*record.large_sha256);
  } catch (const std::exception& error) {
    spdlog::warn("files: objects of an unrecorded upload {} not removed: {}", record.sha256, error.what());
  }
}

bool sees(const accounts::Operation& op, const FileRecord& file) {
  if (file.uploaded_by == op.actor.id) return true;
  for (const auto& owner : links_of_file(op.db, file.id)) {
    const auto* kind = find_owner_kind(owner.kind);
    if (kind && kind->visible(op.db, op.actor, owner.id)) return true;
  }
  return false;
}

std::vector<OwnerRef> visible_links(const accounts::Operation& op, std::int64_t file_id) {
  std::vector<OwnerRef> out;
  for (auto& owner : links_of_file(op.db, file_id)) {
    const auto* kind = find_owner_kind(owner.kind);
    if (kind && kind->visible(op.db, op.actor, owner.id)) out.push_back(std::move(owner));
  }
  return out;
}

nlohmann::json file_json(const accounts::Operation& op, const FileRecord& f) {
  const auto type = f.media_type.substr(f.media_type.find('/') + 1);
  nlohmann::json links = nlohmann::json::array();
  for (const auto& owner : visible_links(op, f.id))
    links.push_back(
        {{"owner_kind", owner.kind}, {"owner_id", owner.id}, {"enterprise_id", owner.enterprise_id}});
  return {{"id", f.id},
          {"sha256", f.sha256},
          {"type", type},
          {"media_type", f.media_type},
          {"size", f.size},
          {"width", optional_json(f.width)},
          {"height", optional_json(f.height)},
          {"taken_at", optional_json(f.taken_at)},
          {"lat", optional_json(f.latitude)},
          {"lon", optional_json(f.longitude)},
          {"thumbnails",
           f.small_sha256 ? nlohmann::json{kSmallThumbnail, kLargeThumbnail} : nlohmann::json::array()},
          {"uploaded_by", f.uploaded_by},
          {"created_at", f.created_at},
          {"links", std::move(links)}};
}

}  // namespace

Uploaded upload_file(const accounts::Operation& op, FileStore& store, std::string_view bytes,
                     const std::optional<std::string>& client_id, RowTransaction row) {
  if (client_id) check_client_id(*client_id);
  const auto type = sniff_media_type(bytes);
  if (!type || (is_image(*type) && !can_decode(*type))) throw unsupported_file_type();
  const auto sha256 = sha256_of(bytes);
  if (const auto earlier = earlier_upload(op, sha256, client_id)) return {*earlier, false};
  // Someone else uploaded these bytes: their facts and thumbnails are these bytes' too.
  auto record = find_any_with_sha(op.db, sha256);
  const bool stored_here = !record || !store.exists(sha256);
  if (stored_here) record = new_content(store, bytes, sha256, *type);
  record->uploaded_by = op.actor.id;
  record->uploader_org_id = op.actor.org_id;
  record->client_id = client_id;
  record->created_at = op.now_text();
  if (row == RowTransaction::callers) return {insert_file(op.db, *record), true};
  try {
    return insert_upload(op, *record);
  } catch (...) {
    if (stored_here) remove_unrecorded(op.db, store, *record);
    throw;
  }
}

FileRecord visible_file(const accounts::Operation& op, std::int64_t id) {
  auto file = find_file(op.db, id);
  if (!file || !sees(op, *file)) throw not_found();
  return *file;
}

const OwnerKind& visible_owner(const accounts::Operation& op, const std::string& kind,
                               std::int64_t owner_id) {
  const auto* how = find_owner_kind(kind);
  if (!how || !how->visible(op.db, op.actor, owner_id)) throw not_found();
  return *how;
}

nlohmann::json get_file(const accounts::Operation& op, std::int64_t id) {
  return file_json(op, visible_file(op, id));
}

StoredObject file_content(const accounts::Operation& op, std::int64_t id) {
  const auto file = visible_file(op, id);
  return {file.sha256, file.media_type};
}

StoredObject file_thumbnail(const accounts::Operation& op, std::int64_t id, int size) {
  if (size != kSmallThumbnail && size != kLargeThumbnail)
    throw invalid_field("size", "invalid_thumbnail_size", "size 应为 320 或 1280",
                        "size must be 320 or 1280");
  const auto file = visible_file(op, id);
  const auto& sha256 = size == kSmallThumbnail ? file.small_sha256 : file.large_sha256;
  if (!sha256)
    throw ApiError(ErrorKind::not_found, "no_thumbnail", "该文件没有缩略图（不是图片）",
                   "The file has no thumbnail (it is not an image)");
  return {*sha256, "image/jpeg"};
}

bool link(const accounts::Operation& op, std::int64_t file_id, const OwnerRef& owner) {
  if (!find_owner_kind(owner.kind))
    throw std::logic_error("files::link: unregistered owner kind " + owner.kind);
  visible_file(op, file_id);
  return insert_link(op.db, file_id, owner, op.now_text());
}

void link_named(const accounts::Operation& op, const std::vector<std::int64_t>& file_ids,
                const OwnerRef& owner, const std::string& field) {
  for (const auto id : file_ids) {
    const auto file = find_file(op.db, id);
    if (!file || !sees(op, *file))
      throw invalid_field(field, "unknown_file", "文件 " + std::to_string(id) + " 不存在或无权使用",
                          "file " + std::to_string(id) + " does not exist or is not yours to use");
    if (!file->media_type.starts_with("image/"))
      throw invalid_field(field, "not_an_image", "文件 " + std::to_string(id) + " 不是图片",
                          "file " + std::to_string(id) + " is not an image");
    link(op, id, owner);
  }
}

void require_own_drawing(const accounts::Operation& op, std::int64_t file_id, const std::string& field) {
  const auto file = find_file(op.db, file_id);
  if (!file || file->uploaded_by != op.actor.id ||
      (file->media_type != "image/png" && file->media_type != "image/jpeg"))
    throw invalid_field(field, "invalid_signature_file", "签名应为本人上传的 PNG 或 JPEG 图片",
                        "the signature must be a PNG or JPEG image you uploaded");
}

bool link_to_owner(const accounts::Operation& op, std::int64_t file_id, const std::string& kind,
                   std::int64_t owner_id) {
  const auto& how = visible_owner(op, kind, owner_id);
  if (!how.may_attach(op.db, op.actor, owner_id)) throw forbidden();
  const auto setting = how.setting(op.db, owner_id);
  if (!setting) throw not_found();
  return link(op, file_id, {kind, owner_id, setting->enterprise_id});
}

std::vector<OwnerRef> links_of(const accounts::Operation& op, std::int64_t file_id) {
  visible_file(op, file_id);
  return visible_links(op, file_id);
}

nlohmann::json files_of(const accounts::Operation& op, const std::string& kind, std::int64_t owner_id) {
  visible_owner(op, kind, owner_id);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& file : files_of_owner(op.db, kind, owner_id)) items.push_back(file_json(op, file));
  return {{"items", std::move(items)}};
}

}  // namespace rw::files
