#pragma once
// SHA-256 over a stream of chunks (libsodium), as lower-case hex: the name of every stored file.
#include <sodium/crypto_hash_sha256.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace rw::files {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::string hex_digest();  // ends the hash; call once

 private:
  crypto_hash_sha256_state state_;
};

// The hash of a file's bytes, read in chunks.
std::string sha256_of_file(const std::filesystem::path& path);

// Exactly 64 lower-case hexadecimal characters: the only text ever turned into a path of the store.
bool is_sha256_hex(std::string_view text);

}  // namespace rw::files
