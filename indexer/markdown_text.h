// Inline markdown clean-up for digest text: the parser keeps what upstream
// wrote, minus the markup. Each function is one pass over its input and never
// fails: anything it does not recognise is left as written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace papers {

// `s` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);

// Removes HTML tags of common elements (<div>, <video ...>, </div>, <br/>,
// <!-- comments -->). Only known tag names are removed, so text such as
// "<image> token" or "x < y" survives. <br> becomes a space.
std::string strip_html_tags(std::string_view s);

// Removes markdown emphasis delimiters (*, **, ***, _, __) that pair up by the
// CommonMark flanking rules, and the backticks of code spans. Unpaired
// delimiters stay ("Beyond A*: ..."), intraword underscores stay ("D_A"), and
// a '*' between two digits is multiplication, not emphasis ("1120*1120").
std::string strip_emphasis(std::string_view s);

// Decodes &amp; &lt; &gt; &quot; &apos; &#39; &nbsp; and numeric references
// (&#233; &#xE9;). Unknown entities stay as written.
std::string decode_entities(std::string_view s);

// The clean-up for one line of digest text: tags, emphasis, entities, trim.
std::string clean_inline(std::string_view s);

}  // namespace papers
