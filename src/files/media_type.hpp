#pragma once
// What an uploaded file is, decided from its first bytes: the name and Content-Type a client sends are
// not believed (a phone may call anything "image/jpeg", an attacker anything at all).
#include <optional>
#include <string_view>

namespace rw::files {

enum class MediaType { jpeg, png, webp, heic, pdf };  // media_type.cpp lists their types in this order

// The type whose signature the bytes start with; nullopt for anything else (an executable, text, a ZIP).
std::optional<MediaType> sniff_media_type(std::string_view bytes);

std::string_view mime_of(MediaType type);  // "image/jpeg"; the API's `type` is its second part
bool is_image(MediaType type);

}  // namespace rw::files
