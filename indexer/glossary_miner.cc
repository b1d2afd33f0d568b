#include "indexer/glossary_miner.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "analyzers/korean_stemmer.h"
#include "analyzers/utf8.h"

namespace papers {
namespace {

constexpr size_t kMaxKoreanWords = 4;
constexpr size_t kMaxEnglishWords = 6;
constexpr size_t kMaxParenthesisBytes = 120;
constexpr size_t kHangulBytes = kHangulSyllableBytes;

// True when the 3 bytes before `end` are one Hangul syllable.
bool hangul_before(std::string_view text, size_t end) {
    return end >= kHangulBytes && hangul_syllable_at(text, end - kHangulBytes);
}

// Words that modify a term rather than belong to it: adnominal endings
// ("새로운", "높은", "하는", "된") and a few adverbs and determiners seen
// before terms in the corpus ("특히 확산 모델", "여러 벤치마크").
bool is_modifier(std::string_view word) {
    static constexpr std::string_view kEndings[] = {"은", "는", "운", "된", "던", "위해", "통해"};
    static constexpr std::string_view kWords[] = {"특히", "최근", "또한", "여러", "모든", "기존",
                                                  "주로", "다음", "매우", "가장", "이",   "그",
                                                  "각",   "및",   "더",   "새",   "총"};
    for (const auto ending : kEndings)
        if (word.size() >= ending.size() &&
            word.compare(word.size() - ending.size(), ending.size(), ending) == 0)
            return true;
    return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The Hangul words right before `paren`, nearest first, up to kMaxKoreanWords.
// Empty when the nearest one is glued to Latin text ("LoRA모델(...)").
std::vector<std::string_view> korean_words_before(std::string_view text, size_t paren) {
    std::vector<std::string_view> words;
    size_t pos = paren;
    if (pos > 0 && text[pos - 1] == ' ') --pos;
    while (words.size() < kMaxKoreanWords) {
        const size_t end = pos;
        while (hangul_before(text, pos)) pos -= kHangulBytes;
        const std::string_view word = text.substr(pos, end - pos);
        if (word.empty()) break;
        const bool glued = pos > 0 && ascii_alnum(text[pos - 1]);
        // Only the word next to "(" may carry a particle or ending.
        if (glued || (!words.empty() && (korean_stem(word) != word || is_modifier(word)))) {
            if (words.empty()) return {};
            break;
        }
        words.push_back(word);
        if (pos == 0 || text[pos - 1] != ' ' || !hangul_before(text, pos - 1)) break;
        --pos;
    }
    return words;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t end = text.find(separator, start);
        const std::string_view part = text.substr(start, end - start);
        if (!part.empty()) parts.push_back(part);
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

// "RL", "LLMs", "NeRF", "GPT-4o": mostly capitals.
bool is_abbreviation(std::string_view word) {
    size_t letters = 0, capitals = 0;
    for (char c : word) {
        letters += ascii_letter(c);
        capitals += (c >= 'A' && c <= 'Z');
    }
    return capitals >= 2 && capitals * 2 >= letters;
}

struct EnglishTerm {
    std::string text;  // lower case, single spaces
    size_t parts = 0;  // words, counting each part of "pre-trained"
};

// The English term of "(Large Language Models, LLMs)", or nullopt for noise.
std::optional<EnglishTerm> english_term(std::string_view inside) {
    const std::vector<std::string_view> items = split(inside, ',');
    if (items.empty() || items.size() > 2) return std::nullopt;
    if (items.size() == 2) {
        const std::string_view abbreviation = trim(items[1]);
        if (abbreviation.find(' ') != std::string_view::npos || !is_abbreviation(abbreviation))
            return std::nullopt;
    }
    const std::string_view term = trim(items[0]);
    if (term.empty() || !ascii_letter(term.front())) return std::nullopt;
    for (char c : term)
        if (!ascii_alnum(c) && c != ' ' && c != '-' && c != '\'') return std::nullopt;
    const std::vector<std::string_view> words = split(term, ' ');
    if (words.size() > kMaxEnglishWords) return std::nullopt;
    if (words.size() == 1 && is_abbreviation(words[0])) return std::nullopt;
    EnglishTerm english;
    for (const auto word : words) {
        if (!english.text.empty()) english.text += ' ';
        for (char c : word) english.text += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        english.parts += split(word, '-').size();
    }
    return english;
}

// "확산 모델" from the words nearest first.
std::string join_nearest_first(const std::vector<std::string_view>& words, size_t count) {
    std::string joined;
    for (size_t i = count; i-- > 0;) {
        joined += words[i];
        if (i > 0) joined += ' ';
    }
    return joined;
}

}  // namespace

std::vector<GlossaryPair> mine_glossary_pairs(std::string_view text, const Analyzer& analyzer) {
    std::vector<GlossaryPair> pairs;
    for (size_t open = text.find('('); open != std::string_view::npos;
         open = text.find('(', open + 1)) {
        const size_t close = text.find_first_of("()", open + 1);
        if (close == std::string_view::npos || text[close] != ')' ||
            close - open - 1 > kMaxParenthesisBytes)
            continue;
        const auto english = english_term(text.substr(open + 1, close - open - 1));
        if (!english) continue;
        const auto words = korean_words_before(text, open);
        if (words.empty()) continue;
        const GlossaryKeys english_keys = glossary_keys(english->text, analyzer);
        if (english_keys.english.empty() || !english_keys.korean.empty()) continue;
        const size_t longest = std::min(words.size(), english->parts);
        for (size_t count = 1; count <= longest; ++count) {
            GlossaryPair pair;
            pair.korean = join_nearest_first(words, count);
            const GlossaryKeys korean_keys = glossary_keys(pair.korean, analyzer);
            if (korean_keys.korean.size() < (english->parts + 1) * kHangulBytes ||
                !korean_keys.english.empty())
                continue;
            pair.korean_key = korean_keys.korean;
            pair.english = english->text;
            pair.english_key = english_keys.english;
            pairs.push_back(std::move(pair));
        }
    }
    return pairs;
}

}  // namespace papers
