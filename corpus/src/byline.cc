#include "byline.h"

#include <array>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

using utf8::EndsWith;
using utf8::StartsWith;

enum class Role { kReporter, kCorrespondent, kPhotographer };

struct RoleMarker {
  std::string_view text;
  Role role;
};

// Longest first, so that "本报通讯员" wins over "通讯员".
constexpr std::array<RoleMarker, 13> kRoleMarkers = {{
    {"本报特约记者", Role::kReporter},
    {"本报见习记者", Role::kReporter},
    {"本报通讯员", Role::kCorrespondent},
    {"本报实习生", Role::kReporter},
    {"新华社记者", Role::kReporter},
    {"特约记者", Role::kReporter},
    {"见习记者", Role::kReporter},
    {"本报记者", Role::kReporter},
    {"通讯员", Role::kCorrespondent},
    {"实习生", Role::kReporter},
    {"记者", Role::kReporter},
    {"摄影", Role::kPhotographer},
    {"图/", Role::kPhotographer},
}};

// Splits on ASCII/ideographic spaces and the list separators 、,,.
std::vector<std::string_view> SplitNames(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  size_t start = 0;
  auto flush = [&](size_t end) {
    std::string_view piece = utf8::Trim(s.substr(start, end - start));
    if (!piece.empty()) out.push_back(piece);
  };
  while (pos < s.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(s, pos);
    if (utf8::IsSpace(cp) || cp == U'、' || cp == U',' || cp == U'，') {
      flush(before);
      start = pos;
    }
  }
  flush(s.size());
  return out;
}

// Reads "记者 X Y 通讯员 Z" (role markers may be glued to the names) into
// `byline`. Returns false when a piece is neither a marker nor a name.
bool ReadRoleList(std::string_view s, Role initial, Byline& byline) {
  Role role = initial;
  bool any_name = false;
  for (std::string_view piece : SplitNames(s)) {
    bool matched = true;
    while (matched && !piece.empty()) {
      matched = false;
      for (const auto& marker : kRoleMarkers) {
        if (StartsWith(piece, marker.text)) {
          role = marker.role;
          if (StartsWith(marker.text, "本报")) byline.source = "本报";
          if (StartsWith(marker.text, "新华社")) byline.source = "新华社";
          piece.remove_prefix(marker.text.size());
          matched = true;
          break;
        }
      }
    }
    if (piece.empty()) continue;
    if (!LooksLikeName(piece)) return false;
    std::string name(piece);
    switch (role) {
      case Role::kReporter:
        byline.reporters.push_back(name);
        break;
      case Role::kCorrespondent:
        byline.correspondents.push_back(name);
        break;
      case Role::kPhotographer:
        byline.photographers.push_back(name);
        break;
    }
    any_name = true;
  }
  return any_name;
}

bool StartsWithRoleMarker(std::string_view s) {
  for (const auto& marker : kRoleMarkers) {
    if (StartsWith(s, marker.text)) return true;
  }
  return false;
}

bool IsOpenParen(char32_t cp) { return cp == U'(' || cp == U'（'; }
bool IsCloseParen(char32_t cp) { return cp == U')' || cp == U'）'; }

// If s starts with a parenthesis, returns the text inside and sets `after`
// to the byte offset past the closing one.
std::optional<std::string_view> Parenthesised(std::string_view s,
                                              size_t& after) {
  size_t pos = 0;
  if (s.empty() || !IsOpenParen(utf8::Next(s, pos))) return std::nullopt;
  size_t inner = pos;
  int chars = 0;
  while (pos < s.size() && chars < 40) {
    size_t before = pos;
    char32_t cp = utf8::Next(s, pos);
    if (IsCloseParen(cp)) {
      after = pos;
      return s.substr(inner, before - inner);
    }
    if (IsOpenParen(cp)) return std::nullopt;
    ++chars;
  }
  return std::nullopt;
}

constexpr size_t kMaxBylineChars = 40;

// "□本报记者 X", "■记者 X": a marker some papers print before a byline.
std::string_view WithoutMarker(std::string_view line) {
  size_t pos = 0;
  if (line.empty()) return line;
  char32_t cp = utf8::Next(line, pos);
  if (cp == U'□' || cp == U'■' || cp == U'●' || cp == U'◎' || cp == U'▲' ||
      cp == U'◆' || cp == U'★' || cp == U'△' || cp == U'○') {
    return utf8::Trim(line.substr(pos));
  }
  return line;
}

}  // namespace

bool LooksLikeName(std::string_view s) {
  size_t han = 0;
  size_t dots = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::Next(s, pos);
    if (utf8::IsHan(cp)) {
      ++han;
    } else if (cp == U'·' || cp == U'•' || cp == U'‧') {
      ++dots;
    } else {
      return false;
    }
  }
  if (dots > 0) return dots <= 2 && han >= 3 && han <= 12;
  return han >= 2 && han <= 4;
}

std::optional<Byline> ParseBylineLine(std::string_view line) {
  line = utf8::Trim(line);
  if (line.empty() || utf8::LongerThan(line, kMaxBylineChars)) {
    return std::nullopt;
  }
  line = WithoutMarker(line);
  Byline byline;
  byline.text = std::string(line);
  if (line == "本报评论员" || line == "本报特约评论员") {
    byline.commentary = true;
    byline.source = "本报";
    return byline;
  }
  std::string_view rest = line;
  bool photo_too = false;
  for (std::string_view prefix :
       {"文/图/", "文·图/", "文・图/", "图文/", "文/图", "文／图", "文图"}) {
    if (StartsWith(rest, prefix)) {
      rest = utf8::Trim(rest.substr(prefix.size()));
      photo_too = true;
      break;
    }
  }
  // "文/X 图/Y": the writer, then the photographer.
  bool writer = false;
  for (std::string_view prefix : {"文/", "文／"}) {
    if (!photo_too && StartsWith(rest, prefix)) {
      rest = utf8::Trim(rest.substr(prefix.size()));
      writer = true;
      break;
    }
  }
  if (!writer && !photo_too && !StartsWithRoleMarker(rest)) {
    return std::nullopt;
  }
  // A bare "记者" glued to what follows opens a title ("记者追踪", "记者手记"),
  // not a byline: on a byline line it is followed by a space.
  if (StartsWith(rest, "记者")) {
    size_t pos = std::string_view("记者").size();
    if (pos < rest.size() && !utf8::IsSpace(utf8::Next(rest, pos))) {
      return std::nullopt;
    }
  }
  if (!writer && photo_too && !StartsWithRoleMarker(rest) &&
      !LooksLikeName(rest.substr(0, rest.find(' ')))) {
    return std::nullopt;
  }
  if (!ReadRoleList(rest, Role::kReporter, byline)) return std::nullopt;
  if (photo_too) {
    byline.photographers.insert(byline.photographers.end(),
                                byline.reporters.begin(),
                                byline.reporters.end());
  }
  return byline;
}

std::optional<Byline> ParsePhotoCredit(std::string_view line) {
  line = WithoutMarker(utf8::Trim(line));
  if (!EndsWith(line, "摄") || utf8::LongerThan(line, 30)) {
    return std::nullopt;
  }
  std::string_view names = utf8::Trim(line.substr(0, line.size() - 3));
  Byline byline;
  byline.text = std::string(line);
  if (!ReadRoleList(names, Role::kPhotographer, byline)) return std::nullopt;
  // Every name in a credit is a photographer, whatever its role marker.
  for (auto* list : {&byline.reporters, &byline.correspondents}) {
    byline.photographers.insert(byline.photographers.end(), list->begin(),
                                list->end());
    list->clear();
  }
  return byline;
}

std::optional<Byline> ParseTrailingAuthor(std::string_view line) {
  line = utf8::Trim(line);
  size_t after = 0;
  auto inner = Parenthesised(line, after);
  if (!inner || after != line.size()) return std::nullopt;
  Byline byline;
  byline.text = std::string(line);
  if (!ReadRoleList(*inner, Role::kReporter, byline)) return std::nullopt;
  return byline;
}

std::optional<TrailingAuthor> SplitTrailingAuthor(std::string_view paragraph) {
  paragraph = utf8::Trim(paragraph);
  // Find the last opening parenthesis within the last few characters.
  size_t open = paragraph.npos;
  size_t tail = paragraph.size() > 90 ? paragraph.size() - 90 : 0;
  for (std::string_view p : {"(", "（"}) {
    size_t at = paragraph.substr(tail).rfind(p);
    if (at != paragraph.npos) at += tail;
    if (at != paragraph.npos && (open == paragraph.npos || at > open)) {
      open = at;
    }
  }
  if (open == paragraph.npos || open == 0) return std::nullopt;
  std::string_view before = paragraph.substr(0, open);
  char32_t last = utf8::Last(before);
  bool after_sentence = last == U'。' || last == U'!' || last == U'！' ||
                        last == U'?' || last == U'？' || last == U'”' ||
                        last == U'…';
  if (!after_sentence) return std::nullopt;
  auto author = ParseTrailingAuthor(paragraph.substr(open));
  if (!author) return std::nullopt;
  return TrailingAuthor{std::string(utf8::Trim(before)), *author};
}

std::optional<Lead> ParseLead(std::string_view paragraph) {
  paragraph = utf8::Trim(paragraph);
  Lead lead;
  std::string_view rest;
  if (StartsWith(paragraph, "据新华社") || StartsWith(paragraph, "据中新社")) {
    // "据新华社电", "据新华社北京6月10日电": copy taken from the agency.
    size_t dian = paragraph.substr(0, 60).find("电");
    if (dian == paragraph.npos) return std::nullopt;
    size_t end = dian + std::string_view("电").size();
    lead.byline.source = std::string(paragraph.substr(3, 9));
    lead.byline.text = std::string(paragraph.substr(0, end));
    lead.rest = std::string(utf8::Trim(paragraph.substr(end)));
    return lead;
  }
  if (StartsWith(paragraph, "本报讯")) {
    lead.byline.source = "本报";
    rest = paragraph.substr(std::string_view("本报讯").size());
  } else {
    // "新华社北京6月10日电" / "本报北京6月10日电": a dateline ending in 电.
    std::string_view source;
    for (std::string_view s : {"新华社", "中新社", "本报"}) {
      if (StartsWith(paragraph, s)) source = s;
    }
    if (source.empty()) return std::nullopt;
    size_t dian = paragraph.substr(0, 90).find("电");
    if (dian == paragraph.npos ||
        utf8::LongerThan(paragraph.substr(0, dian), 20)) {
      return std::nullopt;
    }
    size_t end = dian + std::string_view("电").size();
    lead.byline.source = std::string(source);
    lead.byline.dateline = std::string(paragraph.substr(0, end));
    rest = paragraph.substr(end);
  }
  std::string_view after_space = utf8::Trim(rest);
  size_t after = 0;
  if (auto inner = Parenthesised(after_space, after)) {
    Byline names;
    if (ReadRoleList(*inner, Role::kReporter, names)) {
      lead.byline.reporters = names.reporters;
      lead.byline.correspondents = names.correspondents;
      lead.byline.photographers = names.photographers;
      size_t printed_end = (paragraph.size() - after_space.size()) + after;
      lead.byline.text =
          std::string(utf8::Trim(paragraph.substr(0, printed_end)));
      lead.rest = std::string(utf8::Trim(after_space.substr(after)));
      return lead;
    }
  }
  lead.byline.text = std::string(
      utf8::Trim(paragraph.substr(0, paragraph.size() - rest.size())));
  lead.rest = std::string(after_space);
  return lead;
}

}  // namespace baoku::corpus
