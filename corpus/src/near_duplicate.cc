#include "baoku/corpus/near_duplicate.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "baoku/corpus/utf8.h"
#include "normalizer.h"

namespace baoku::corpus {
namespace {

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// SplitMix64's finalizer: a strong 64-bit mix, so that hash i of a shingle
// is Mix(shingle ^ seed i) and the kMinHashSize hashes act independently.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Fixed seeds: signatures must be the same in every run that reads an index.
const std::array<uint64_t, kMinHashSize>& Seeds() {
  static const std::array<uint64_t, kMinHashSize> seeds = [] {
    std::array<uint64_t, kMinHashSize> s{};
    for (size_t i = 0; i < kMinHashSize; ++i) s[i] = Mix(0xba0c0ull + i);
    return s;
  }();
  return seeds;
}

}  // namespace

std::string ShingleText(std::string_view text) {
  const std::string normalized = analysis::Normalize(text);
  std::string out;
  out.reserve(normalized.size());
  size_t pos = 0;
  while (pos < normalized.size()) {
    const char32_t cp = utf8::Next(normalized, pos);
    if (u_isalnum(static_cast<UChar32>(cp))) utf8::Append(out, cp);
  }
  return out;
}

std::vector<uint64_t> Shingles(std::string_view text) {
  const std::string clean = ShingleText(text);
  // Byte offsets of each code point, so a shingle is one substring.
  std::vector<size_t> starts;
  size_t pos = 0;
  while (pos < clean.size()) {
    starts.push_back(pos);
    utf8::Next(clean, pos);
  }
  starts.push_back(clean.size());
  std::vector<uint64_t> shingles;
  const size_t count = starts.size() - 1;
  if (count < kShingleLength) return shingles;
  shingles.reserve(count - kShingleLength + 1);
  for (size_t i = 0; i + kShingleLength <= count; ++i) {
    shingles.push_back(Fnv1a(std::string_view(clean).substr(
        starts[i], starts[i + kShingleLength] - starts[i])));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t common = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

MinHashSignature MinHashOf(const std::vector<uint64_t>& shingles) {
  const auto& seeds = Seeds();
  MinHashSignature signature;
  signature.fill(std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i < kMinHashSize; ++i) {
    uint64_t best = std::numeric_limits<uint64_t>::max();
    for (uint64_t shingle : shingles)
      best = std::min(best, Mix(shingle ^ seeds[i]));
    signature[i] = static_cast<uint32_t>(best >> 32);
  }
  return signature;
}

std::optional<MinHashSignature> ComputeMinHash(std::string_view text) {
  const std::vector<uint64_t> shingles = Shingles(text);
  if (shingles.size() < kMinShingles) return std::nullopt;
  return MinHashOf(shingles);
}

double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(kMinHashSize);
}

std::array<uint64_t, kBandCount> BandHashes(const MinHashSignature& signature) {
  std::array<uint64_t, kBandCount> hashes;
  for (size_t band = 0; band < kBandCount; ++band) {
    uint64_t h = Mix(band);
    for (size_t r = 0; r < kRowsPerBand; ++r) {
      h = Mix(h ^ signature[band * kRowsPerBand + r]);
    }
    hashes[band] = h;
  }
  return hashes;
}

std::vector<std::string> BandKeys(const MinHashSignature& signature) {
  std::vector<std::string> keys;
  keys.reserve(kBandCount);
  const auto hashes = BandHashes(signature);
  for (size_t band = 0; band < kBandCount; ++band) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02zx%016llx", band,
                  static_cast<unsigned long long>(hashes[band]));
    keys.emplace_back(buf);
  }
  return keys;
}

std::string EncodeSignature(const MinHashSignature& signature) {
  std::string bytes;
  bytes.reserve(kMinHashSize * 4);
  for (uint32_t v : signature) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes.push_back(static_cast<char>((v >> shift) & 0xff));
    }
  }
  return bytes;
}

std::optional<MinHashSignature> DecodeSignature(std::string_view bytes) {
  if (bytes.size() != kMinHashSize * 4) return std::nullopt;
  MinHashSignature signature;
  for (size_t i = 0; i < kMinHashSize; ++i) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      v = (v << 8) | static_cast<unsigned char>(bytes[i * 4 + k]);
    }
    signature[i] = v;
  }
  return signature;
}

}  // namespace baoku::corpus
