#include "analyzers/korean_stemmer.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/utf8.h"

namespace papers {
namespace {

// Every Hangul code point is three bytes of UTF-8, so syllables are counted
// and cut in steps of three bytes.
constexpr size_t kSyllable = kHangulSyllableBytes;
constexpr std::string_view kPlural = "들";

// ---------------------------------------------------------------------------
// The tables. Built from counts of the 26,000 distinct Hangul word forms of
// the shared corpus (2023-11 .. 2024-08, 270,000 words): for each frequent
// noun, the suffixes glued to it, by frequency (을 15k, 의 7.9k, 를 7.8k,
// 는 3.8k, 에 3.7k, 하여 3.1k, 은 3.0k, 된 2.9k, 합니다 2.9k, 하는 2.9k...).
// ---------------------------------------------------------------------------

// clang-format off
// Function words with no search value: the whole word yields no term.
constexpr std::string_view kStopWords[] = {"및", "또는", "혹은",   "그리고", "또한",
                                           "즉", "등",   "하지만", "그러나", "따라서"};

// Particles (조사), their common stacks, and the copula 이다 glued to nouns.
// A one-syllable particle is stripped only if two syllables remain (평가,
// 차이, 정의 stay whole; 평가가 -> 평가), or one syllable from
// kMonosyllabicNouns (값을 -> 값). Longer particles need one syllable left
// (것으로 -> 것). Stacks are listed whole (에서는, 으로의...), and 들 goes
// after them: 모델들에서는 -> 모델들 -> 모델.
//
// Left out on purpose: bare 고/며/임/란/라 (they end common nouns: 프레임,
// 혼란, 카메라; 임 alone would cut 게임, 패러다임), and 인지 (인지 = cognition).
constexpr std::string_view kParticles[] = {
    // one syllable
    "이", "가", "은", "는", "을", "를", "의", "도", "로", "와", "과", "에", "만", "들", "나", "뿐",
    // the copula's 인: 모델인 (172 times) -> 모델; loanwords ending in 인 are in kNounExceptions
    "인",
    // two or more syllables
    "으로", "에서", "에게", "에게서", "까지", "부터", "보다", "처럼", "마다", "만큼", "조차",
    "마저", "이나", "이든", "라도", "이라도", "로서", "으로서", "로써", "으로써", "로부터",
    "으로부터", "에서부터", "뿐만",
    // stacks
    "에서는", "에서도", "에서의", "에서만", "에는", "에도", "에만", "에의", "에게는", "으로는",
    "으로도", "으로의", "으로만", "로는", "로도", "로의", "로만", "과의", "와의", "과는", "와는",
    "과도", "와도", "만을", "만이", "만의", "만으로", "만으로도", "까지의", "부터의", "보다는",
    "보다도", "처럼의", "로부터의", "으로부터의", "에서부터의", "로부터는", "으로부터는",
};

// The copula 이다 glued to a noun (모델입니다, 방법이며). Like a one-syllable
// particle it needs two syllables left (or a noun of kMonosyllabicNouns:
// 것입니다 -> 것), else verbs such as 보였습니다, 보이며 would all become 보.
constexpr std::string_view kCopula[] = {
    "이다", "입니다", "이며", "이고", "이었다", "였다", "이었습니다", "였습니다", "이지만",
    "이라는", "라는", "이라고", "라고", "이란", "이었으며", "였으며",
};

// Endings of verbs and adjectives made from a noun with 하다 / 되다 / 시키다
// / -적, the way Sino-Korean technical prose builds nearly all its verbs:
// 제안합니다, 제안된, 향상시키는, 효율적인. Always need two syllables left
// (최적 and 목적 keep their 적; 위한, 대한, 위해 stay whole).
//
// 효율적인 -> 효율, not 효율적: "효율" must find papers about "효율적인
// 추론", and the -적 form is a regular derivation of the noun, not a new
// concept (Lucene's Korean analyzer drops the -적 suffix, XSN, the same way).
// -화 is kept: 최적화 (optimisation) is not 최적 (optimal).
constexpr std::string_view kPredicateEndings[] = {
    // 하다
    "하다", "합니다", "한다", "했다", "하였다", "했습니다", "하였습니다", "하는", "한", "할", "함",
    "하고", "하며", "하여", "해", "해서", "하기", "하게", "하면", "하지", "하지만", "하도록",
    "하거나", "하면서", "하면서도", "함으로써", "했으며", "하였으며", "했고", "하였고", "했을",
    "하였을", "했던", "하던", "해야", "하려는", "하려면", "하려고", "한다는", "한다고", "했다는",
    "하였다는", "하는데", "하므로", "하여야", "할지", "할수록", "했지만", "하였지만", "하고자",
    "하는지", "한지", "해온", "해왔다", "했음", "하였음", "하자", "한다면", "했다면", "하더라도",
    "하여도", "해도", "하듯", "해졌다",
    // 되다
    "되다", "됩니다", "된다", "됐다", "되었다", "됐습니다", "되었습니다", "되는", "된", "될", "됨",
    "되고", "되며", "되어", "돼", "되어서", "되기", "되게", "되면", "되지", "되지만", "되도록",
    "되거나", "되면서", "됨으로써", "되었으며", "됐으며", "되었고", "됐고", "되었을", "되었던",
    "되던", "되어야", "돼야", "된다는", "된다고", "되었다는", "되는데", "되므로", "되었지만",
    "됐지만", "되었음", "됐음", "되어온", "되어왔다", "되더라도", "되는지", "될지",
    // 시키다
    "시키다", "시킵니다", "시킨다", "시켰다", "시켰습니다", "시키는", "시킨", "시킬", "시킴",
    "시키고", "시키며", "시켜", "시켜서", "시키기", "시키게", "시키면", "시키지", "시키도록",
    "시키면서", "시킴으로써", "시켰으며", "시켰고", "시켰을", "시켜야", "시킨다는", "시켰지만",
    "시켰음", "시키려는", "시키고자",
    // -적 (효율적, 효율적인 via 인, 효율적으로 via 으로...), -적임 (효과적임을)
    "적", "적임",
    // -스럽다, -롭다 adjectives: 자연스러운 -> 자연, 흥미로운 -> 흥미
    "스러운", "스럽게", "스럽다", "스러움", "스럽고", "로운", "롭게", "롭다", "로움", "롭고",
};

// Nouns that end in a particle-like syllable and must stay whole. Entries of
// three or more syllables also protect compounds ending in them
// (고해상도, 비전문가); two-syllable ones only match a whole word, since as
// word endings they mostly are noun + particle (해결+과, 구분+할, 범주+의).
// From the corpus: 정확도 (340 uses, 252 with a particle), 해상도 (166),
// 선호도 (124), 전문가 (156), 도메인 (147), 파이프라인 (163), 온라인 (77),
// 페르소나 (21)... Two-syllable entries matter when a stacked particle could
// cut into them (결과도 must not lose 과도, 카메라는 not 라는).
constexpr std::string_view kNounExceptions[] = {
    // ...도 (degree, 度)
    "정확도", "해상도", "선호도", "충실도", "복잡도", "신뢰도", "정밀도", "중요도", "유사도",
    "난이도", "민감도", "만족도", "의존도", "혼란도", "가능도", "친화도", "세밀도", "자유도",
    "선명도", "다각도", "경사도", "기여도", "활용도", "이해도", "일치도", "적합도", "완성도",
    "인지도", "밀집도", "고밀도", "저밀도", "고빈도", "가속도", "투명도", "명료도", "일관도",
    "속도", "밀도", "강도", "빈도", "온도", "각도", "척도", "정도", "의도", "시도", "유도", "주도",
    "궤도", "지도", "제도", "태도", "용도", "한도", "도로", "과도", "수도",
    // ...가, ...이, ...의, ...과, ...로, ...라
    "전문가", "비평가", "평가", "추가", "증가", "대가", "차이", "사이", "길이", "깊이", "높이",
    "넓이", "나이", "디스플레이", "어레이", "오버레이", "릴레이", "엑스레이", "플레이",
    "게이트웨이", "정의", "회의", "논의", "합의", "주의", "질의", "의의", "결과", "효과", "성과",
    "경로", "회로", "가로", "마이크로", "매크로", "워크플로", "카메라", "인프라", "키메라",
    // ...인 (loanwords: -ine, -ain, -in)
    "도메인", "온라인", "오프라인", "디자인", "파이프라인", "베이스라인", "가이드라인",
    "스토리라인", "스플라인", "폴리라인", "인라인", "트리플레인", "트라이플레인", "플러그인",
    "코사인", "블록체인", "로그인", "원인", "요인", "개인",
    // ...나, ...만, ...적, ...한, ...해, ...할, ...함, and names
    "페르소나", "안테나", "미만", "백만", "천만", "수백만", "수천만", "다목적", "준최적", "최소한",
    "최대한", "이해", "포함", "역할", "분할", "비지도", "자기지도", "준지도", "약지도", "다용도",
    "몬테카를로", "오델로",
};

// One-syllable nouns that take particles often enough to matter (것을 443,
// 수를 44, 점을 67, 쌍을 59, 맵을 35, 값을 25, 개의 715 after numbers).
constexpr std::string_view kMonosyllabicNouns[] = {
    "것", "수", "점", "쌍", "맵", "층", "값", "양", "뷰", "팀", "축", "셀", "개", "배", "번", "명",
};

// The particles a monosyllabic noun may shed (not 도, 만, 나, 인: 수도, 개인).
constexpr std::string_view kCaseParticles[] = {"이", "가", "은", "는", "을", "를",
                                               "의", "와", "과", "에", "로", "들"};

// clang-format on

enum class SuffixKind : uint8_t { Particle, Copula, Ending };

struct Suffix {
    uint8_t min_left;  // syllables that must remain
    SuffixKind kind;
    bool particle() const { return kind != SuffixKind::Ending; }  // may make up a whole word
};

template <size_t N>
std::unordered_set<std::string_view> set_of(const std::string_view (&words)[N]) {
    return {std::begin(words), std::end(words)};
}

constexpr size_t kSyllableCount = kHangulSyllableCount;

// Index of the last Hangul syllable of `w`, or kSyllableCount.
size_t last_syllable_index(std::string_view w) {
    const char32_t c = w.size() < kSyllable ? 0 : hangul_syllable_at(w, w.size() - kSyllable);
    return c ? c - kFirstHangulSyllable : kSyllableCount;
}

// The last syllables that occur in a table: most words can be ruled out
// with one bit test instead of several hash lookups.
class LastSyllables {
  public:
    void add(std::string_view w) {
        const size_t i = last_syllable_index(w);
        if (i < kSyllableCount) bits_.set(i);
    }
    bool may_end(std::string_view w) const {
        const size_t i = last_syllable_index(w);
        return i < kSyllableCount && bits_.test(i);
    }

  private:
    std::bitset<kSyllableCount> bits_;
};

struct Tables {
    std::unordered_map<std::string_view, Suffix> suffixes;
    size_t longest_suffix = 0;  // in syllables
    std::unordered_set<std::string_view> stop_words = set_of(kStopWords);
    std::unordered_set<std::string_view> exceptions = set_of(kNounExceptions);
    size_t longest_exception = 0;
    std::unordered_set<std::string_view> monosyllabic_nouns = set_of(kMonosyllabicNouns);
    std::unordered_set<std::string_view> case_particles = set_of(kCaseParticles);
    LastSyllables suffix_ends;
    LastSyllables exception_ends;

    Tables() {
        for (std::string_view p : kParticles) {
            const bool one_syllable = p.size() == kSyllable;
            suffixes.emplace(
                p, Suffix{static_cast<uint8_t>(one_syllable ? 2 : 1), SuffixKind::Particle});
        }
        for (std::string_view c : kCopula) suffixes.emplace(c, Suffix{2, SuffixKind::Copula});
        for (std::string_view e : kPredicateEndings)
            suffixes.emplace(e, Suffix{2, SuffixKind::Ending});
        for (const auto& [s, _] : suffixes) {
            longest_suffix = std::max(longest_suffix, s.size());
            suffix_ends.add(s);
        }
        longest_suffix /= kSyllable;
        for (std::string_view e : exceptions) {
            longest_exception = std::max(longest_exception, e.size());
            exception_ends.add(e);
        }
        longest_exception /= kSyllable;
    }
};

const Tables& tables() {
    static const Tables instance;
    return instance;
}

size_t syllables(std::string_view w) {
    return w.size() / kSyllable;
}

std::string_view last_syllables(std::string_view w, size_t n) {
    return w.substr(w.size() - n * kSyllable);
}

std::string_view drop_syllables(std::string_view w, size_t n) {
    return w.substr(0, w.size() - n * kSyllable);
}

// True if `w` is, or (for entries of 3+ syllables) ends in, a protected noun.
bool is_protected_noun(std::string_view w) {
    const Tables& t = tables();
    if (!t.exception_ends.may_end(w)) return false;
    if (t.exceptions.count(w)) return true;
    const size_t n = syllables(w);
    for (size_t k = 3; k <= std::min(n, t.longest_exception); ++k) {
        if (t.exceptions.count(last_syllables(w, k))) return true;
    }
    return false;
}

// Stripping the last `n` syllables of `w` must not cut into a protected noun
// (결과도: 과도 would cut 결과; 카메라는: 라는 would cut 카메라).
bool cuts_protected_noun(std::string_view w, size_t n) {
    for (size_t k = 1; k < n; ++k) {
        if (is_protected_noun(drop_syllables(w, k))) return true;
    }
    return false;
}

bool may_strip(std::string_view w, std::string_view suffix, const Suffix& rule) {
    const size_t n = syllables(suffix);
    const size_t left = syllables(w) - n;
    if (left < rule.min_left) {
        const Tables& t = tables();
        const bool monosyllable_case =
            left == 1 && t.monosyllabic_nouns.count(drop_syllables(w, n)) &&
            (rule.kind == SuffixKind::Copula || t.case_particles.count(suffix));
        if (!monosyllable_case) return false;
    }
    return !cuts_protected_noun(w, n);
}

// What may be stripped next. Korean stacks suffixes in one order: noun
// (+ 들) (+ -적/하기/됨...) + particles. So after a particle only 들 or a
// nominal ending may go, after 들 or an ending nothing: 몬테카를로 loses 로
// but not then 를, 효율적으로 loses 으로 then 적.
enum class Allowed { Any, PluralOrEnding, Nothing };

// The longest suffix of `w` that may be stripped now, in syllables (0 if none).
size_t strippable_suffix(std::string_view w, Allowed allowed) {
    const Tables& t = tables();
    if (allowed == Allowed::Nothing || !t.suffix_ends.may_end(w)) return 0;
    for (size_t n = std::min(syllables(w) - 1, t.longest_suffix); n >= 1; --n) {
        const std::string_view suffix = last_syllables(w, n);
        const auto it = t.suffixes.find(suffix);
        if (it == t.suffixes.end()) continue;
        if (allowed == Allowed::PluralOrEnding && it->second.particle() && suffix != kPlural)
            continue;
        if (may_strip(w, suffix, it->second)) return n;
    }
    return 0;
}

Allowed allowed_after(std::string_view stripped) {
    const auto it = tables().suffixes.find(stripped);
    return it->second.particle() && stripped != kPlural ? Allowed::PluralOrEnding
                                                        : Allowed::Nothing;
}

// A word made only of particles, as happens when they are glued to a Latin
// word or a number: LLM들은, GPT-4o를, 'MIMO'라는. Only a particle (or stack)
// from the table, optionally after 들: 의도, 인과, 도로 are words.
bool only_particles(std::string_view w) {
    const Tables& t = tables();
    if (w.substr(0, kPlural.size()) == kPlural) w.remove_prefix(kPlural.size());
    if (w.empty()) return true;
    const auto it = t.suffixes.find(w);
    return it != t.suffixes.end() && it->second.particle();
}

bool is_three_byte_text(std::string_view w) {
    if (w.empty() || w.size() % kSyllable != 0) return false;
    for (size_t i = 0; i < w.size(); i += kSyllable) {
        if ((static_cast<uint8_t>(w[i]) & 0xF0) != 0xE0) return false;
    }
    return true;
}

}  // namespace

std::string_view korean_stem(std::string_view word) {
    if (!is_three_byte_text(word)) return word;  // not a Hangul run: leave it alone
    const Tables& t = tables();
    if (t.stop_words.count(word)) return {};
    if (is_protected_noun(word)) return word;
    if (only_particles(word)) return {};
    // Undo stacked particles and endings one at a time, longest first.
    std::string_view stem = word;
    Allowed allowed = Allowed::Any;
    while (!is_protected_noun(stem)) {
        const size_t n = strippable_suffix(stem, allowed);
        if (n == 0) break;
        allowed = allowed_after(last_syllables(stem, n));
        stem = drop_syllables(stem, n);
    }
    return stem;
}

}  // namespace papers
