#pragma once
// Argon2id password hashing (libsodium); the policy is in password_policy.hpp.
#include <string>

namespace rw::accounts {

// Calls sodium_init once; safe to call many times.
void init_crypto();

// What new hashes cost. `interactive` is libsodium's interactive limits (2 passes over 64 MiB), the default
// and the only choice for real users. `minimum` (1 pass over 8 KiB, still Argon2id) is for test servers,
// whose thousands of sign-ins would otherwise spend most of the suite's time hashing. Verifying reads the
// cost from the stored hash, so the setting only changes hashes made after it.
enum class PasswordCost { interactive, minimum };
void set_password_cost(PasswordCost cost);

std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// Runs a verification against a fixed hash so an unknown username costs the same time as a known one.
void spend_verify_time(const std::string& password);

// Random URL-safe token of 32 bytes, and its BLAKE2b-256 hex digest (what the database keeps).
std::string random_token();
std::string token_digest(const std::string& token);
bool constant_time_equal(const std::string& a, const std::string& b);

}  // namespace rw::accounts
