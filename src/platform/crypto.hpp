#pragma once
// libsodium: Argon2id for passwords, random tokens, SHA-256 for token storage, HMAC-SHA-256 for
// the audit chain and its checkpoints.
#include <optional>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace hearth::crypto {

Status initialise();
std::string random_token();  // 32 random bytes as 64 hex characters
std::string random_bytes(std::size_t n);
std::string sha256_hex(std::string_view data);
// HMAC-SHA-256 of data under key (any length), as 64 hex characters.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// The bytes that hex text stands for, or nullopt when it is not even-length hex.
std::optional<std::string> from_hex(std::string_view hex);

// Argon2id with opslimit 2 and 64 MiB (crypto_pwhash_*_INTERACTIVE), about 90 ms here.
// At most two hashes run at once; a caller that cannot start within two seconds gets
// `unavailable` (503) instead of queueing unboundedly.
Result<std::string> hash_password(std::string_view password);
Result<bool> verify_password(const std::string& stored_hash, std::string_view password);
// The same work as a real check, for unknown accounts, so timing does not reveal which emails
// exist.
void spend_password_time(std::string_view password);

bool constant_time_equal(std::string_view a, std::string_view b);

// Authenticated encryption (XSalsa20-Poly1305, crypto_secretbox) under a 32-byte key, as hex with
// its nonce in front; opening fails when the text or the key is not the one it was sealed with.
std::string seal(std::string_view key, std::string_view plain);
std::optional<std::string> open_sealed(std::string_view key, std::string_view sealed_hex);

}  // namespace hearth::crypto
