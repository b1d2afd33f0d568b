// The export of the spelling and synonym tables (analyzers/lexicon_export.h):
// what a remote reader rebuilds is what the index holds.
#include "analyzers/lexicon_export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "analyzers/schema.h"

namespace papers {
namespace {
namespace fs = std::filesystem;

class LexiconExportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("lexicon-export-" + std::to_string(::getpid()));
        db_ = Xapian::WritableDatabase(dir_.string(),
                                       Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        db_.add_spelling("diffusion", 3);
        db_.add_spelling("모델", 7);
        db_.add_synonym("reward model", "보상 모델");
        db_.add_synonym("보상 모델", "reward model");
        db_.add_synonym("~reward", "보상");
    }
    void TearDown() override {
        db_.close();
        fs::remove_all(dir_);
    }

    fs::path dir_;
    Xapian::WritableDatabase db_;
};

TEST_F(LexiconExportTest, UnpacksToTheTables) {
    const auto lexicon = unpack_lexicon(pack_lexicon(db_));
    ASSERT_TRUE(lexicon);
    using Spelling = std::pair<std::string, Xapian::termcount>;
    EXPECT_EQ(lexicon->spellings, (std::vector<Spelling>{{"diffusion", 3}, {"모델", 7}}));
    using Synonym = std::pair<std::string, std::string>;
    EXPECT_EQ(lexicon->synonyms, (std::vector<Synonym>{{"reward model", "보상 모델"},
                                                       {"~reward", "보상"},
                                                       {"보상 모델", "reward model"}}));
}

TEST_F(LexiconExportTest, StoredWithItsHashOnlyWhenChanged) {
    store_lexicon_export(db_);
    db_.commit();
    const std::string id = db_.get_metadata(std::string(schema::kMetaLexiconId));
    EXPECT_EQ(id, lexicon_id(db_.get_metadata(std::string(schema::kMetaLexicon))));
    EXPECT_EQ(id.size(), 16u);
    store_lexicon_export(db_);
    db_.commit();
    EXPECT_EQ(db_.get_metadata(std::string(schema::kMetaLexiconId)), id);
    db_.add_spelling("reward");
    store_lexicon_export(db_);
    db_.commit();
    EXPECT_NE(db_.get_metadata(std::string(schema::kMetaLexiconId)), id);
}

TEST(LexiconUnpack, RejectsWhatIsNoExport) {
    for (const std::string text :
         {"", "hello\n", "papers-lexicon 1\ns\tword\n", "papers-lexicon 1\ns\tword\tmany\n",
          "papers-lexicon 1\nq\ta\tb\n", "papers-lexicon 1\ny\ta\tb\tc\n"})
        EXPECT_FALSE(unpack_lexicon(text)) << text;
    EXPECT_TRUE(unpack_lexicon("papers-lexicon 1\n"));
}

}  // namespace
}  // namespace papers
