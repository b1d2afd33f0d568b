// Terminal decisions: whether to colour, how wide a line is, and the one
// progress line `papers index` keeps redrawing. Nothing here writes an escape
// sequence to a stream that is not a terminal unless the user asked for it
// with --color always.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace papers::cli {

enum class ColorMode { Auto, Always, Never };

bool is_terminal(int fd);

// Always and Never as asked. Auto: only when `fd` is a terminal, NO_COLOR is
// unset or empty (no-color.org) and TERM is not "dumb".
bool use_color(ColorMode mode, int fd);

// Columns of the terminal on `fd`, or 0 when `fd` is not a terminal.
size_t terminal_columns(int fd);

// Columns `utf8` takes on a terminal: East Asian wide and fullwidth
// characters (Hangul, CJK) count 2, combining marks and Hangul medial/final
// jamo 0. `utf8` must already be printable().
size_t display_width(std::string_view utf8);

// The roles text can be painted in. The palette avoids plain red (31) so that
// tests can tell our escapes from an "ESC [31m" smuggled in by a digest.
enum class Paint { Title, Match, Link, Dim, Heading };

// Paints text when colour is on, passes it through untouched otherwise.
class Style {
  public:
    explicit Style(bool color) : color_(color) {}
    bool color() const { return color_; }
    std::string paint(std::string_view text, Paint paint) const;

  private:
    bool color_;
};

// A size for people: "512 B", "64.2 KiB", "1.3 GiB".
std::string human_bytes(uint64_t bytes);

// One status line redrawn in place on a terminal ("\r" + erase line); does
// nothing at all when `fd` is not a terminal.
class ProgressLine {
  public:
    explicit ProgressLine(int fd);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // Shows "status detail"; both must be printable(). A detail too long for
    // the terminal loses its beginning ("…/2024/09/25.md"): for a path, the
    // end says most.
    void show(std::string_view status, std::string_view detail);
    void clear();

  private:
    int fd_;
    bool active_;
    bool shown_ = false;
};

}  // namespace papers::cli
