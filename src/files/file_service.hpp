#pragma once
// Files 照片与文件: uploads of photos and documents, what they are attached to and who sees them. Operations
// for every caller (the files routes, and capabilities that attach files to their records: an inspection's
// answers, findings, signatures), with no HTTP types.
//
// Who sees a file: the uploader, while it is attached to nothing; once attached, whoever may see any of its
// owners (owner_kinds.hpp). Everyone else gets 404.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/operation.hpp"
#include "files/owner_kinds.hpp"
#include "platform/files/file_store.hpp"

namespace rw::files {

struct Uploaded {
  std::int64_t id = 0;
  bool created = false;  // false: the caller had uploaded these bytes (or this client_id) before
};

// Stores the bytes once per SHA-256, sniffing their type from the bytes (415 unsupported_file_type unless
// JPEG, PNG, WebP, HEIC that libvips decodes, or PDF); for an image reads its EXIF and makes its thumbnails
// and perceptual hash (422 corrupt_image when it does not decode in full). The same caller uploading the
// same bytes, or the same `client_id` again, gets the file it has (created false), also when both uploads
// run at once; a client_id used before for other bytes is 409 client_id_reused. `own`: called outside any
// transaction, it decodes and stores holding no lock, then writes the row in a transaction of its own;
// `callers`: inside the caller's transaction (the demo data), which a refused row leaves to the caller.
enum class RowTransaction { own, callers };
Uploaded upload_file(const accounts::Operation& op, FileStore& store, std::string_view bytes,
                     const std::optional<std::string>& client_id, RowTransaction row = RowTransaction::own);

// {id, sha256, type, media_type, size, width, height, taken_at, lat, lon, created_at, links}; 404 unless
// visible. `links` are the owners the caller may see.
nlohmann::json get_file(const accounts::Operation& op, std::int64_t id);

// A stored object to send: the original or a thumbnail.
struct StoredObject {
  std::string sha256;  // also its ETag: the bytes never change
  std::string media_type;
};
StoredObject file_content(const accounts::Operation& op, std::int64_t id);
// `size` is 320 or 1280 (else 422); 404 no_thumbnail for a document.
StoredObject file_thumbnail(const accounts::Operation& op, std::int64_t id, int size);

// Attaches the file to the owner; the caller must have uploaded the file or see it (else 404). The owner's
// kind must be registered (owner_kinds.hpp). Checking that the caller may attach to this owner is the calling
// capability's rule. True when the link is new.
bool link(const accounts::Operation& op, std::int64_t file_id, const OwnerRef& owner);
// Attaches the files a request body names in `field` (an answer's or a finding's photos): each must be an
// image the caller sees, else 422 `unknown_file` / `not_an_image` at the field — an id the caller cannot
// see is bad input, not a missing page.
void link_named(const accounts::Operation& op, const std::vector<std::int64_t>& file_ids,
                const OwnerRef& owner, const std::string& field);
// A file a body names as the caller's own drawing (a signature on the phone's canvas): uploaded by the
// caller, and a PNG or JPEG; else 422 `invalid_signature_file` at the field.
void require_own_drawing(const accounts::Operation& op, std::int64_t file_id, const std::string& field);
// The same, for a request naming an owner by kind and id: the owner's kind decides whether the caller may
// attach to it (404 when it cannot see the owner, 403 when it sees but may not attach).
bool link_to_owner(const accounts::Operation& op, std::int64_t file_id, const std::string& kind,
                   std::int64_t owner_id);
// The file's owners the caller may see (404 unless the file is visible).
std::vector<OwnerRef> links_of(const accounts::Operation& op, std::int64_t file_id);
// The files attached to an owner, as get_file answers them; the caller must see the owner (else 404).
nlohmann::json files_of(const accounts::Operation& op, const std::string& kind, std::int64_t owner_id);

// The file if the caller may see it, else 404 (flag_service.cpp shares the rule).
struct FileRecord;
FileRecord visible_file(const accounts::Operation& op, std::int64_t id);
// The owner's kind, or 404 for an unknown kind; 404 unless the caller sees the owner.
const OwnerKind& visible_owner(const accounts::Operation& op, const std::string& kind, std::int64_t owner_id);

}  // namespace rw::files
