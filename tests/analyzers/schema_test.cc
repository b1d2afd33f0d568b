#include "analyzers/schema.h"

#include <gtest/gtest.h>

#include <set>

namespace papers::schema {
namespace {

TEST(SchemaTest, FieldTable) {
    struct Expected {
        const char* name;
        const char* prefix;
        Analysis analysis;
        Xapian::termcount wdf;
        bool free_text;
        bool positions;
    };
    const Expected expected[] = {
        {"title", "S", Analysis::Text, 3, true, true},
        {"author", "A", Analysis::Author, 1, true, true},
        {"whatsnew", "XN", Analysis::Text, 1, true, false},
        {"details", "XT", Analysis::Text, 1, true, false},
        {"highlights", "XP", Analysis::Text, 1, true, false},
        {"section", "XS", Analysis::Text, 1, true, false},
        {"id", "Q", Analysis::Boolean, 0, false, false},
        {"date", "", Analysis::Range, 0, false, false},
        {"votes", "", Analysis::Range, 0, false, false},
    };
    ASSERT_EQ(fields().size(), std::size(expected));
    for (size_t i = 0; i < fields().size(); ++i) {
        const Field& f = fields()[i];
        EXPECT_EQ(f.name, expected[i].name);
        EXPECT_EQ(f.prefix, expected[i].prefix) << f.name;
        EXPECT_EQ(f.analysis, expected[i].analysis) << f.name;
        EXPECT_FALSE(f.description.empty()) << f.name;
        if (f.analysis == Analysis::Text || f.analysis == Analysis::Author) {
            EXPECT_EQ(f.wdf_inc, expected[i].wdf) << f.name;
        }
        EXPECT_EQ(f.free_text, expected[i].free_text) << f.name;
        EXPECT_EQ(f.positions, expected[i].positions) << f.name;
    }
}

TEST(SchemaTest, PositionalTermOfEachKind) {
    EXPECT_EQ(positional_term("diffusion"), "diffusion");    // free text
    EXPECT_EQ(positional_term("Sdiffusion"), "Sdiffusion");  // title: positions of its own
    EXPECT_EQ(positional_term("Azhang"), "Azhang");
    EXPECT_EQ(positional_term("XTdiffusion"), "diffusion");  // a section: the unprefixed copy
    EXPECT_EQ(positional_term("XS강화"), "강화");
    EXPECT_EQ(positional_term("Q2409.16191"), "");  // no positions anywhere
    EXPECT_EQ(positional_term("XAKge zhang"), "");
}

TEST(SchemaTest, TermPrefixesAreUnambiguous) {
    // Each field and each special term kind has its own prefix (the id field
    // and id_term share Q by design), or terms would be read as the wrong one.
    std::set<std::string_view> prefixes;
    for (const Field& f : fields()) {
        if (f.prefix.empty()) continue;
        EXPECT_TRUE(prefixes.insert(f.prefix).second) << f.prefix;
    }
    for (std::string_view p :
         {kIdPrefix, kAuthorKeyPrefix, kDayPrefix, kMonthPrefix, kYearPrefix}) {
        EXPECT_TRUE(prefixes.insert(p).second || p == kIdPrefix) << p;
    }
}

TEST(SchemaTest, FindField) {
    ASSERT_NE(find_field("title"), nullptr);
    EXPECT_EQ(find_field("title")->prefix, "S");
    EXPECT_EQ(find_field("votes")->analysis, Analysis::Range);
    EXPECT_EQ(find_field("Title"), nullptr);
    EXPECT_EQ(find_field("nonsense"), nullptr);
    EXPECT_EQ(find_field(""), nullptr);
}

TEST(SchemaTest, FieldForSection) {
    struct Case {
        const char* section;
        const char* field;
    };
    const Case cases[] = {
        {"What's New", "whatsnew"},
        {"What’s New", "whatsnew"},
        {"**What's New**", "whatsnew"},
        {"what's new:", "whatsnew"},
        {"  WHAT'S   NEW  ", "whatsnew"},
        {"Whats New", "whatsnew"},
        {"Technical Details", "details"},
        {"**Technical Details**:", "details"},
        {"Performance Highlights", "highlights"},
        {"performance-highlights", "highlights"},
        {"Technical Details - Related Work", "section"},  // qualified: related work
        {"What's New - Related Work", "section"},
        {"Limitations", "section"},
        {"Summary", "section"},
        {"", "section"},
        {"비전 인코더 (Vision Encoder)", "section"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(field_for_section(c.section).name, c.field) << c.section;
    }
}

TEST(SchemaTest, Terms) {
    EXPECT_EQ(id_term("2409.16191"), "Q2409.16191");
    EXPECT_EQ(id_term("cs/0101001"), "Qcs/0101001");
    EXPECT_EQ(author_key_term("ge zhang"), "XAKge zhang");
    EXPECT_EQ(date_terms("2024-09-25"),
              (std::vector<std::string>{"D20240925", "M202409", "Y2024"}));
    EXPECT_TRUE(date_terms("2024-02-30").empty());
    EXPECT_EQ(vote_bands(5), (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(vote_band_of(5), 4);
    EXPECT_EQ(vote_band_of(0.5), 0);
    EXPECT_EQ(vote_band_of(1e9), kTopVoteBand);
    EXPECT_DOUBLE_EQ(votes_of_prior(vote_prior(41)), 41);
}

TEST(SchemaTest, DateRangeTermsAreTheFewestThatCover) {
    const auto range = [](const char* first, const char* last) {
        return date_range_terms(*parse_day(first), *parse_day(last));
    };
    EXPECT_EQ(range("2024-01-01", "2024-12-31"), (std::vector<std::string>{"Y2024"}));
    EXPECT_EQ(range("2024-02-01", "2024-02-29"), (std::vector<std::string>{"M202402"}));
    EXPECT_EQ(range("2024-12-30", "2025-02-01"),
              (std::vector<std::string>{"D20241230", "D20241231", "M202501", "D20250201"}));
}

TEST(SchemaTest, ClassifyTerm) {
    EXPECT_EQ(classify_term("diffus").kind, TermKind::FreeText);
    const TermParts title = classify_term("Sdiffus");
    EXPECT_EQ(title.kind, TermKind::Field);
    EXPECT_EQ(title.field->name, "title");
    EXPECT_EQ(title.text, "diffus");
    EXPECT_EQ(classify_term("Q2409.16191").field->name, "id");
    const TermParts key = classify_term("XAKge zhang");
    EXPECT_EQ(key.kind, TermKind::AuthorKey);
    EXPECT_EQ(key.text, "ge zhang");
    for (const char* filter : {"D20240925", "M202409", "Y2024", "XV16"})
        EXPECT_EQ(classify_term(filter).kind, TermKind::Filter) << filter;
    EXPECT_EQ(classify_term("XGfoo").kind, TermKind::Other);
    EXPECT_EQ(classify_term("Dx").kind, TermKind::Other);
}

}  // namespace
}  // namespace papers::schema
