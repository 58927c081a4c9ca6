// SPDX-License-Identifier: BSL-1.0
// PDF intake through poppler's C++ interface (poppler-cpp): the words of each page with their
// boxes, the page's text in reading order, and the errors of inputs fisc cannot read.
#include "fisc/pdf/document.hpp"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-rectangle.h>

#include "fisc/io/encoding.hpp"

namespace fisc {
namespace {

// ISO 32000-1 §7.5.2 puts the header on the first line; poppler, like Acrobat, finds it anywhere
// in the first 1024 bytes, and so does fisc, so that what poppler reads fisc does not refuse.
constexpr std::size_t header_window = 1024;

// poppler reports problems through one function for the whole process, by default to stderr.
// fisc replaces it once, before its first document, by one that keeps the calling thread's last
// message: poppler reports on the thread that reads, so each read sees only its own messages.
thread_local std::string poppler_last_message;

void keep_poppler_message(const std::string& message, void* /*closure*/) {
  // An exception must not unwind through poppler's frames; a lost message only shortens an
  // error that is reported anyway.
  try {
    poppler_last_message = message;
  } catch (const std::bad_alloc&) {
    poppler_last_message.clear();
  }
}

void catch_poppler_messages() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(keep_poppler_message, nullptr); });
}

std::string to_utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return {bytes.begin(), bytes.end()};
}

/// "300 MiB", "1.5 MiB", "900 bytes": sizes in the words fisc's other loaders use.
std::string size_words(std::uintmax_t bytes) {
  constexpr std::uintmax_t mib = std::uintmax_t{1024} * 1024;
  char buffer[48];
  if (bytes < mib) {
    std::snprintf(buffer, sizeof buffer, "%ju bytes", bytes);
  } else if (bytes % mib == 0) {
    std::snprintf(buffer, sizeof buffer, "%ju MiB", bytes / mib);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ju.%ju MiB", bytes / mib, (bytes % mib) * 10 / mib);
  }
  return buffer;
}

/// The first line of a text, up to 40 code points, for a message that quotes it.
std::string opening_words(std::string_view utf8) {
  constexpr int max_code_points = 40;
  const std::size_t line_end = std::min(utf8.find_first_of("\r\n"), utf8.size());
  std::size_t end = 0;
  int code_points = 0;
  while (end < line_end && code_points < max_code_points) {
    ++end;
    while (end < line_end && (static_cast<unsigned char>(utf8[end]) & 0xC0U) == 0x80U) ++end;
    ++code_points;
  }
  std::string quoted = "“" + std::string(utf8.substr(0, end));
  if (end < utf8.size()) quoted += "…";
  return quoted + "”";
}

/// What bytes that are not a PDF look like, as the end of a sentence: "it is a ZIP archive…".
std::string what_it_looks_like(std::string_view bytes) {
  struct Signature {
    std::string_view magic;
    std::string_view what;
  };
  static constexpr Signature signatures[] = {
      {"PK\x03\x04", "it is a ZIP archive, as .xlsx and .docx files are"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "it is an older Office file (.xls or .doc)"},
      {"\x89PNG", "it is a PNG image"},
      {"\xFF\xD8\xFF", "it is a JPEG image"},
  };
  for (const Signature& s : signatures) {
    if (bytes.starts_with(s.magic)) return std::string(s.what);
  }
  std::string_view head = bytes.substr(0, header_window);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::size_t invalid = invalid_utf8_offset(head);
  // A character cut by the end of the window is not a reason to call the text binary.
  const bool cut_at_window =
      head.size() < bytes.size() && invalid != std::string_view::npos && invalid + 4 > head.size();
  const bool controls = std::any_of(head.begin(), head.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  });
  if ((invalid == std::string_view::npos || cut_at_window) && !controls) {
    const std::size_t start = std::min(head.find_first_not_of(" \t\r\n\f"), head.size());
    const std::string_view text = head.substr(start);
    const bool json = text.starts_with('{') || text.starts_with('[');
    return std::string(json ? "it looks like JSON text, starting "
                            : "it looks like text, starting ") +
           opening_words(text);
  }
  std::string hex = "it starts with the bytes";
  for (std::size_t i = 0; i < std::min<std::size_t>(bytes.size(), 8); ++i) {
    char b[8];
    std::snprintf(b, sizeof b, " %02X",
                  static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
    hex += b;
  }
  return hex;
}

/// poppler's last message on this thread as a parenthesis for an error, or nothing. poppler-cpp
/// words its messages "error: WHAT" or "error (OFFSET): WHAT".
std::string poppler_says() {
  std::string_view message = poppler_last_message;
  if (message.empty()) return {};
  std::string where;
  constexpr std::string_view plain = "error: ";
  constexpr std::string_view placed = "error (";
  if (message.starts_with(plain)) {
    message.remove_prefix(plain.size());
  } else if (const std::size_t close = message.find("): ");
             message.starts_with(placed) && close != std::string_view::npos) {
    where = ", at byte " + std::string(message.substr(placed.size(), close - placed.size()));
    message.remove_prefix(close + 3);
  }
  return " (poppler" + where + ": " + std::string(message) + ")";
}

/// poppler's reading-order text ends each page with a form feed, and writes line ends as the
/// platform's; fisc's page text is lines ending in '\n' and nothing else.
std::string normalise_page_text(std::string text) {
  if (text.ends_with('\f')) text.pop_back();
  std::string out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  if (!out.empty() && !out.ends_with('\n')) out += '\n';
  return out;
}

/// Whether `word` is written at `at` in `text`, and how many bytes of the text it takes there.
/// poppler's reading-order text joins a word broken by a hyphen at the end of a line ("expen-",
/// "diture" → "expenditure"), so the first part also matches without its hyphen.
std::size_t match_length(std::string_view text, std::size_t at, std::string_view word) {
  if (text.substr(at).starts_with(word)) return word.size();
  if (word.size() > 1 && word.ends_with('-')) {
    word.remove_suffix(1);
    if (text.substr(at).starts_with(word)) return word.size();
  }
  return 0;
}

/// Gives each word the 1-based line of `text` it is on. poppler lists a page's words in the
/// order its reading-order text writes them, with spaces and line ends between, so each word is
/// looked for where the previous one ended, after whitespace. A word the two outputs write
/// differently is not there: the next words are then looked for up to the end of the following
/// line, so that one such word keeps line 0 without taking the others' lines with it.
void number_lines(std::vector<PageWord>& words, std::string_view text) {
  std::size_t cursor = 0;  // where the last word found ends
  std::uint32_t line = 1;  // the line `cursor` is on
  for (PageWord& word : words) {
    if (word.text.empty()) continue;
    std::size_t at = std::min(text.find_first_not_of(" \n", cursor), text.size());
    std::size_t length = match_length(text, at, word.text);
    if (length == 0) {
      const std::size_t line_end = std::min(text.find('\n', cursor), text.size());
      const std::size_t next_line_end = std::min(text.find('\n', line_end + 1), text.size());
      at = text.substr(0, next_line_end).find(word.text, cursor);
      if (at == std::string_view::npos) continue;
      length = word.text.size();
    }
    line += static_cast<std::uint32_t>(
        std::count(text.begin() + static_cast<std::ptrdiff_t>(cursor),
                   text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    word.line = line;
    cursor = at + length;
  }
}

PdfPage read_page(const poppler::page& page, std::uint32_t number) {
  PdfPage out;
  out.layout.number = number;
  // The page as displayed: a /Rotate of 90 or 270 turns the crop box on its side, and
  // poppler's word boxes are already in the turned frame.
  const poppler::rectf crop = page.page_rect(poppler::crop_box);
  const bool on_its_side = page.orientation() == poppler::page::landscape ||
                           page.orientation() == poppler::page::seascape;
  out.layout.width = on_its_side ? crop.height() : crop.width();
  out.layout.height = on_its_side ? crop.width() : crop.height();
  out.text = normalise_page_text(
      to_utf8(page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
  const std::vector<poppler::text_box> boxes = page.text_list();
  out.layout.words.reserve(boxes.size());
  for (const poppler::text_box& box : boxes) {
    const poppler::rectf r = box.bbox();
    out.layout.words.push_back(
        PageWord{to_utf8(box.text()), r.left(), r.top(), r.right(), r.bottom(), 0});
  }
  number_lines(out.layout.words, out.text);
  return out;
}

tl::expected<PdfDocument, LoadError> read_pdf_unguarded(std::string_view bytes,
                                                        std::string_view file_name) {
  const auto fail = [&](std::string message) {
    return tl::unexpected(LoadError{std::string(file_name), 0, 0, {}, std::move(message)});
  };
  if (bytes.empty()) return fail("the file is empty (expected a PDF file)");
  if (bytes.substr(0, header_window).find("%PDF-") == std::string_view::npos) {
    return fail("not a PDF file (no %PDF- header in its first 1024 bytes): " +
                what_it_looks_like(bytes));
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return fail("the PDF is " + size_words(bytes.size()) + "; poppler reads PDFs under 2 GiB");
  }
  catch_poppler_messages();
  poppler_last_message.clear();
  // poppler reads the bytes in place: `bytes` outlives `document`.
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    return fail("the PDF is damaged: poppler cannot read it" + poppler_says());
  }
  // A locked document must not be asked anything else: poppler 22.12 crashes on pages() or
  // is_encrypted() of a document it could not decrypt.
  if (document->is_locked()) {
    return fail(
        "the PDF is encrypted and needs a password to open; fisc reads PDFs that open without "
        "one: remove the password first");
  }
  const int page_count = document->pages();
  if (page_count <= 0) return fail("the PDF has no pages");
  PdfDocument out;
  out.title = to_utf8(document->get_title());
  out.pages.reserve(static_cast<std::size_t>(page_count));
  bool any_text = false;
  for (int i = 0; i < page_count; ++i) {
    const auto number = static_cast<std::uint32_t>(i + 1);
    poppler_last_message.clear();
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      return fail("page " + std::to_string(number) + " of " + std::to_string(page_count) +
                  " is damaged: poppler cannot read it" + poppler_says());
    }
    out.pages.push_back(read_page(*page, number));
    any_text = any_text || !out.pages.back().layout.words.empty();
  }
  if (!any_text) {
    return fail("the PDF has no text layer: none of its " + std::to_string(page_count) +
                (page_count == 1 ? " page holds" : " pages hold") +
                " text (a scan, or only images); fisc reads text, not images: run OCR on it "
                "first");
  }
  return out;
}

/// The whole file, refused before reading when larger than `max_bytes`, with the messages of
/// fisc's other loaders (src/io/common.cpp, which is private to io/).
tl::expected<std::string, LoadError> read_file(const std::filesystem::path& path,
                                               std::uintmax_t max_bytes) {
  const auto fail = [&](std::string message) {
    return tl::unexpected(LoadError{path.string(), 0, 0, {}, std::move(message)});
  };
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  // status() reports a missing file as an error ("No such file or directory").
  if (ec) return fail("cannot read the PDF file: " + ec.message());
  if (std::filesystem::is_directory(status)) {
    return fail("cannot read the PDF file: it is a directory");
  }
  if (std::filesystem::is_regular_file(status)) {
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return fail("cannot read the PDF file: " + ec.message());
    if (size > max_bytes) {
      return fail("the file is " + size_words(size) + "; fisc reads a PDF file of at most " +
                  size_words(max_bytes) + " and has not read it");
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open the PDF file for reading (permission denied?)");
  std::string bytes;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<std::size_t>(in.gcount());
    // A pipe or a file that grows while it is read has no size to check beforehand.
    if (bytes.size() + n > max_bytes) {
      return fail("the file is larger than " + size_words(max_bytes) +
                  "; fisc reads a PDF file of at most that size and has not read it");
    }
    bytes.append(buffer, n);
  }
  if (in.bad()) return fail("reading the PDF file failed");
  return bytes;
}

}  // namespace

tl::expected<PdfDocument, LoadError> read_pdf(std::string_view bytes, std::string_view file_name) {
  try {
    return read_pdf_unguarded(bytes, file_name);
  } catch (const std::exception& e) {
    return tl::unexpected(LoadError{
        std::string(file_name), 0, 0, {}, std::string("reading the PDF failed: ") + e.what()});
  }
}

tl::expected<PdfDocument, LoadError> load_pdf(const std::filesystem::path& path,
                                              std::uintmax_t max_bytes) {
  try {
    auto bytes = read_file(path, max_bytes);
    if (!bytes) return tl::unexpected(std::move(bytes.error()));
    return read_pdf_unguarded(*bytes, path.string());
  } catch (const std::exception& e) {
    return tl::unexpected(
        LoadError{path.string(), 0, 0, {}, std::string("reading the PDF failed: ") + e.what()});
  }
}

}  // namespace fisc
