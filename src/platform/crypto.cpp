#include "platform/crypto.hpp"

#include <sodium.h>

#include <semaphore>

namespace hearth::crypto {

namespace {
std::counting_semaphore<2>& hashing_slots() {
    static std::counting_semaphore<2> slots{2};
    return slots;
}

class HashingSlot {
  public:
    HashingSlot() : held_(hashing_slots().try_acquire_for(std::chrono::seconds(2))) {}
    ~HashingSlot() {
        if (held_) {
            hashing_slots().release();
        }
    }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;
    bool held() const { return held_; }

  private:
    bool held_;
};

Error busy() {
    return Error::make(ErrorKind::unavailable,
                       "Hearth is busy signing people in. Please try again in a moment.");
}

std::string to_hex(const unsigned char* data, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}
}  // namespace

Status initialise() {
    if (sodium_init() < 0) {
        return Error::internal("libsodium could not initialise");
    }
    return {};
}

std::string random_token() {
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return to_hex(buf, sizeof buf);
}

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    randombytes_buf(out.data(), n);
    return out;
}

std::string seal(std::string_view key, std::string_view plain) {
    std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), nonce,
                          reinterpret_cast<const unsigned char*>(key.data()));
    return to_hex(nonce, box.size());
}

std::optional<std::string> open_sealed(std::string_view key, std::string_view sealed_hex) {
    auto box = from_hex(sealed_hex);
    if (key.size() != crypto_secretbox_KEYBYTES || !box ||
        box->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        return std::nullopt;
    }
    const auto* nonce = reinterpret_cast<const unsigned char*>(box->data());
    const std::size_t cipher = box->size() - crypto_secretbox_NONCEBYTES;
    std::string plain(cipher - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES, cipher, nonce,
                                   reinterpret_cast<const unsigned char*>(key.data())) != 0) {
        return std::nullopt;
    }
    return plain;
}

std::string sha256_hex(std::string_view data) {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return to_hex(out, sizeof out);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                  data.size());
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, out);
    return to_hex(out, sizeof out);
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        return std::nullopt;
    }
    std::string out(hex.size() / 2, '\0');
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                       hex.size(), nullptr, &written, &end) != 0 ||
        written != out.size() || end != hex.data() + hex.size()) {
        return std::nullopt;
    }
    return out;
}

Result<std::string> hash_password(std::string_view password) {
    HashingSlot slot;
    if (!slot.held()) {
        return busy();
    }
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Error::internal("argon2id ran out of memory");
    }
    return std::string(out);
}

Result<bool> verify_password(const std::string& stored_hash, std::string_view password) {
    HashingSlot slot;
    if (!slot.held()) {
        return busy();
    }
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

void spend_password_time(std::string_view password) {
    static const std::string decoy = [] {
        char out[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str_alg(out, "decoy", 5, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE,
                                  crypto_pwhash_ALG_ARGON2ID13) != 0) {
            return std::string();
        }
        return std::string(out);
    }();
    if (!decoy.empty()) {
        (void)verify_password(decoy, password);
    }
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace hearth::crypto
