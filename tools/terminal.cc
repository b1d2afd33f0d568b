#include "tools/terminal.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace papers::cli {
namespace {

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value && *value;
}

size_t char_width(UChar32 c) {
    if (c < 0) return 1;  // not valid UTF-8; printable() never leaves one
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
        return 0;
    const auto jamo = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (jamo == U_HST_VOWEL_JAMO || jamo == U_HST_TRAILING_JAMO) return 0;
    const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

bool is_terminal(int fd) {
    return isatty(fd) == 1;
}

bool use_color(ColorMode mode, int fd) {
    switch (mode) {
        case ColorMode::Always:
            return true;
        case ColorMode::Never:
            return false;
        case ColorMode::Auto:
            break;
    }
    const char* term = std::getenv("TERM");
    return is_terminal(fd) && !env_set("NO_COLOR") && !(term && std::strcmp(term, "dumb") == 0);
}

size_t terminal_columns(int fd) {
    if (!is_terminal(fd)) return 0;
    winsize size{};
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

size_t display_width(std::string_view utf8) {
    size_t width = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        width += char_width(c);
    }
    return width;
}

std::string Style::paint(std::string_view text, Paint paint) const {
    if (!color_ || text.empty()) return std::string(text);
    const char* sgr = "";
    switch (paint) {
        case Paint::Title:
            sgr = "1";
            break;  // bold
        case Paint::Match:
            sgr = "1;33";
            break;  // bold yellow
        case Paint::Link:
            sgr = "34";
            break;  // blue
        case Paint::Dim:
            sgr = "2";
            break;  // faint
        case Paint::Heading:
            sgr = "1;36";
            break;  // bold cyan
    }
    return std::string("\x1b[") + sgr + "m" + std::string(text) + "\x1b[0m";
}

ProgressLine::ProgressLine(int fd) : fd_(fd), active_(is_terminal(fd)) {}

ProgressLine::~ProgressLine() {
    clear();
}

void ProgressLine::show(std::string_view status, std::string_view detail) {
    if (!active_) return;
    // One column spare so that the line never wraps.
    const size_t columns = terminal_columns(fd_);
    const size_t room =
        columns > display_width(status) + 2 ? columns - display_width(status) - 2 : 0;
    std::string tail(detail);
    if (display_width(tail) > room) {
        while (!tail.empty() && display_width(tail) + 1 > room) {
            size_t cut = 1;
            while (cut < tail.size() && (static_cast<unsigned char>(tail[cut]) & 0xC0) == 0x80)
                ++cut;
            tail.erase(0, cut);
        }
        tail = "\u2026" + tail;
    }
    const std::string line = "\r\x1b[K" + std::string(status) + " " + tail;
    (void)!write(fd_, line.data(), line.size());
    shown_ = true;
}

void ProgressLine::clear() {
    if (!active_ || !shown_) return;
    static constexpr char kErase[] = "\r\x1b[K";
    (void)!write(fd_, kErase, sizeof kErase - 1);
    shown_ = false;
}

std::string human_bytes(uint64_t bytes) {
    static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double size = static_cast<double>(bytes);
    size_t unit = 0;
    while (size >= 1024 && unit + 1 < std::size(kUnits)) {
        size /= 1024;
        ++unit;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", size, kUnits[unit]);
    return buffer;
}

}  // namespace papers::cli
