#include "query/query_parser.h"

#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzers/arxiv_id.h"
#include "analyzers/author_name.h"
#include "analyzers/schema.h"
#include "query/range_filter.h"

namespace papers {
namespace {

struct SyntaxError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class TokenType { Word, Phrase, Field, LParen, RParen, And, Or, Not, End };

struct Token {
    TokenType type;
    std::string text;        // a word, a phrase's content, or a field name
    bool negated = false;    // written with a leading '-'
    size_t column = 0;       // 1-based, for messages
    size_t text_offset = 0;  // byte offset of `text` in the query
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool ends_word(char c) {
    return is_space(c) || c == '(' || c == ')' || c == '"';
}

// Groups nest at most this deep: the parser recurses once a level, and a
// pasted "((((...))))" of thousands must be an error, not a stack overflow.
constexpr size_t kMaxNesting = 100;

std::string column_note(size_t column) {
    return " (at character " + std::to_string(column) + ")";
}

// A field whose value is taken whole, colons and slashes included: an id.
bool takes_whole_word(const std::string& field) {
    const schema::Field* found = schema::find_field(field);
    return found && found->analysis == schema::Analysis::Boolean;
}

// Splits the query into tokens. A field name is "name:" directly followed
// by its value.
std::vector<Token> tokenize(std::string_view q) {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < q.size()) {
        if (is_space(q[i])) {
            ++i;
            continue;
        }
        Token token{TokenType::Word, "", false, i + 1, i};
        // A sign binds to what follows it: a word, a "phrase" or a (group).
        if ((q[i] == '-' || q[i] == '+') && i + 1 < q.size() && !is_space(q[i + 1]) &&
            q[i + 1] != ')') {
            token.negated = q[i] == '-';
            ++i;
        }
        if (q[i] == '(') {
            token.type = TokenType::LParen;
            ++i;
        } else if (q[i] == ')') {
            token.type = TokenType::RParen;
            ++i;
        } else {
            if (q[i] == '"') {
                const size_t close = q.find('"', i + 1);
                if (close == std::string_view::npos)
                    throw SyntaxError("unclosed quote" + column_note(i + 1));
                token.type = TokenType::Phrase;
                token.text = std::string(q.substr(i + 1, close - i - 1));
                token.text_offset = i + 1;
                i = close + 1;
            } else {
                size_t end = i;
                while (end < q.size() && !ends_word(q[end])) ++end;
                std::string word(q.substr(i, end - i));
                const size_t colon = word.find(':');
                size_t name_end = 0;
                while (name_end < word.size() &&
                       std::isalpha(static_cast<unsigned char>(word[name_end])))
                    ++name_end;
                if (colon != std::string::npos && colon == name_end && colon > 0 &&
                    word.compare(colon + 1, 2, "//") != 0) {
                    // "name:" - the value follows directly (a word, "phrase" or group).
                    token.type = TokenType::Field;
                    token.text = word.substr(0, colon);
                    i += colon + 1;
                    tokens.push_back(token);
                    if (takes_whole_word(token.text) && i < end) {
                        // id:arXiv:2406.09760, id:https://arxiv.org/abs/...: one value.
                        tokens.push_back(Token{TokenType::Word, std::string(q.substr(i, end - i)),
                                               false, i + 1, i});
                        i = end;
                    }
                    continue;
                }
                if (!token.negated && word == "AND") token.type = TokenType::And;
                if (!token.negated && word == "OR") token.type = TokenType::Or;
                if (!token.negated && word == "NOT") token.type = TokenType::Not;
                token.text = std::move(word);
                token.text_offset = i;
                i = end;
            }
        }
        tokens.push_back(std::move(token));
    }
    tokens.push_back(Token{TokenType::End, "", false, q.size() + 1});
    return tokens;
}

std::string known_fields() {
    std::string names;
    for (const auto& field : schema::fields()) {
        if (!names.empty()) names += ", ";
        names += std::string(field.name) + ":";
    }
    return names;
}

// Recursive descent over the tokens:
//   or   := and (OR and)*
//   and  := unit ((AND)? unit)*          unit := NOT unit | -primary | primary
//   primary := ( or ) | field:value | "phrase" | word
class Parser {
  public:
    Parser(std::vector<Token> tokens, const TextQueryBuilder& text, const Xapian::Database& db,
           std::vector<TextSpan>* spans)
        : tokens_(std::move(tokens)),
          text_(text),
          db_(db),
          default_op_(text.default_op()),
          spans_(spans) {}

    Xapian::Query parse() {
        Xapian::Query query = parse_or(nullptr);
        if (peek().type == TokenType::RParen)
            throw SyntaxError("unmatched ')'" + column_note(peek().column));
        if (peek().type != TokenType::End)
            throw SyntaxError("unexpected '" + peek().text + "'" + column_note(peek().column));
        return query;
    }

  private:
    // A query matching every document, for "NOT x" with nothing positive.
    static Xapian::Query everything() { return Xapian::Query::MatchAll; }

    const Token& peek() const { return tokens_[pos_]; }
    Token next() { return tokens_[pos_++]; }

    Xapian::Query parse_or(const schema::Field* field) {
        std::vector<Xapian::Query> alternatives{parse_and(field)};
        while (peek().type == TokenType::Or) {
            const Token op = next();
            if (starts_operand(peek().type))
                alternatives.push_back(parse_and(field));
            else
                throw SyntaxError("OR needs a term on both sides" + column_note(op.column));
        }
        if (alternatives.size() == 1) return alternatives.front();
        return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }

    static bool starts_operand(TokenType type) {
        return type == TokenType::Word || type == TokenType::Phrase || type == TokenType::Field ||
               type == TokenType::LParen || type == TokenType::Not;
    }

    Xapian::Query parse_and(const schema::Field* field) {
        std::vector<Xapian::Query> wanted, excluded, filters;
        if (!starts_operand(peek().type)) {
            const Token& bad = peek();
            if (bad.type == TokenType::End) throw SyntaxError("the query is empty");
            throw SyntaxError("'" + bad.text + (bad.text.empty() ? ")" : "") +
                              "' needs a term before it" + column_note(bad.column));
        }
        while (true) {
            const TokenType type = peek().type;
            if (type == TokenType::And) {
                const Token op = next();
                if (!starts_operand(peek().type))
                    throw SyntaxError("AND needs a term on both sides" + column_note(op.column));
                continue;
            }
            if (type == TokenType::Not) {
                const Token op = next();
                if (!starts_operand(peek().type) || peek().type == TokenType::Not)
                    throw SyntaxError("NOT needs a term after it" + column_note(op.column));
                excluded.push_back(parse_primary(field, nullptr));
                continue;
            }
            if (!starts_operand(type)) break;
            if (peek().negated) {
                excluded.push_back(parse_primary(field, nullptr));
                continue;
            }
            if (type == TokenType::Word) {
                // Adjacent bare words are analysed together, so that a Korean
                // run such as "보상 모델" can match "보상모델".
                std::string words;
                while (peek().type == TokenType::Word && !peek().negated)
                    words += (words.empty() ? "" : " ") + noted(field, next()).text;
                add_nonempty(wanted, field_words(field, words, peek().column));
                continue;
            }
            parse_primary_into(field, wanted, filters);
        }
        Xapian::Query query;
        if (!wanted.empty())
            query = wanted.size() == 1 ? wanted.front()
                                       : Xapian::Query(default_op_, wanted.begin(), wanted.end());
        if (!filters.empty()) {
            Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
            query = query.empty() ? filter : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        }
        if (!excluded.empty()) {
            Xapian::Query exclude(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query.empty() ? everything() : query,
                                  exclude);
        }
        return query;
    }

    static void add_nonempty(std::vector<Xapian::Query>& into, Xapian::Query query) {
        if (!query.empty()) into.push_back(std::move(query));
    }

    // Parses one primary; ranges go to `filters` (they restrict, not rank).
    void parse_primary_into(const schema::Field* field, std::vector<Xapian::Query>& wanted,
                            std::vector<Xapian::Query>& filters) {
        bool is_filter = false;
        Xapian::Query query = parse_primary(field, &is_filter);
        add_nonempty(is_filter ? filters : wanted, std::move(query));
    }

    Xapian::Query parse_primary(const schema::Field* field, bool* is_filter) {
        const Token token = noted(field, next());
        switch (token.type) {
            case TokenType::LParen:
                return parse_group(field, token);
            case TokenType::Phrase:
                return field_phrase(field, token.text, token.column);
            case TokenType::Word:
                return field_words(field, token.text, token.column);
            case TokenType::Field:
                return parse_field(token, is_filter);
            default:
                throw SyntaxError("unexpected '" + token.text + "'" + column_note(token.column));
        }
    }

    // After '(': the group and its ')'.
    Xapian::Query parse_group(const schema::Field* field, const Token& open) {
        if (++depth_ > kMaxNesting)
            throw SyntaxError("groups nest more than " + std::to_string(kMaxNesting) + " deep" +
                              column_note(open.column));
        if (peek().type == TokenType::End)
            throw SyntaxError("unmatched '('" + column_note(open.column));
        if (peek().type == TokenType::RParen)
            throw SyntaxError("empty group '()'" + column_note(open.column));
        Xapian::Query inner = parse_or(field);
        if (next().type != TokenType::RParen)
            throw SyntaxError("unmatched '('" + column_note(open.column));
        --depth_;
        return inner;
    }

    Xapian::Query parse_field(const Token& name_token, bool* is_filter) {
        const schema::Field* field = schema::find_field(name_token.text);
        if (!field)
            throw SyntaxError("unknown field '" + name_token.text + ":'" +
                              column_note(name_token.column) + "; known fields: " + known_fields());
        const Token& value = peek();
        const bool adjacent = value.column == name_token.column + name_token.text.size() + 1;
        const bool attached = adjacent && !value.negated;
        if (adjacent && value.negated && field->analysis == schema::Analysis::Range)
            throw SyntaxError("'" + name_token.text + ":' takes a range of " +
                              (field->name == "date" ? "dates" : "whole numbers") +
                              ", not a negative: " + std::string(field->description) +
                              column_note(name_token.column));
        if (!attached || (value.type != TokenType::Word && value.type != TokenType::Phrase &&
                          value.type != TokenType::LParen))
            throw SyntaxError("'" + name_token.text + ":' needs a value right after the colon" +
                              column_note(name_token.column));
        if (field->analysis == schema::Analysis::Range) {
            if (value.type == TokenType::LParen)
                throw SyntaxError("'" + name_token.text + ":' takes a range, not a group" +
                                  column_note(value.column));
            if (is_filter) *is_filter = true;
            std::string error;
            Xapian::Query range = range_filter(*field, next().text, db_, error);
            if (!error.empty()) throw SyntaxError(error + column_note(value.column));
            return range;
        }
        if (value.type == TokenType::LParen) return parse_group(field, next());
        const Token token = noted(field, next());
        return token.type == TokenType::Phrase ? field_phrase(field, token.text, token.column)
                                               : field_words(field, token.text, token.column);
    }

    // Records a word or phrase of free text in `spans_`; returns it.
    const Token& noted(const schema::Field* field, const Token& token) {
        const bool text = token.type == TokenType::Word || token.type == TokenType::Phrase;
        if (spans_ && text && spans_->size() < kMaxQueryWords &&
            (!field || field->analysis == schema::Analysis::Text))
            spans_->push_back({token.text_offset, token.text, std::string(prefix_of(field))});
        return token;
    }

    std::string_view prefix_of(const schema::Field* field) const {
        return field ? field->prefix : std::string_view();
    }

    Xapian::Query field_words(const schema::Field* field, const std::string& text, size_t column) {
        if (field && field->analysis == schema::Analysis::Boolean)
            return Xapian::Query(schema::id_term(canonical_arxiv_id(text)));
        if (auto exact = exact_author(field, text)) return *exact;
        (void)column;
        return text_.words(text, prefix_of(field));
    }

    Xapian::Query field_phrase(const schema::Field* field, const std::string& text, size_t column) {
        if (field && field->analysis == schema::Analysis::Boolean)
            return Xapian::Query(schema::id_term(canonical_arxiv_id(text)));
        if (auto exact = exact_author(field, text)) return *exact;
        const size_t left_out = text_.words_left_out();
        Xapian::Query query = text_.phrase(text, prefix_of(field));
        if (query.empty() && text_.words_left_out() == left_out)
            throw SyntaxError("the phrase has no words" + column_note(column));
        return query;
    }

    // author:"Ge Zhang" means that author exactly, not any Zhang named Ge.
    std::optional<Xapian::Query> exact_author(const schema::Field* field,
                                              const std::string& text) const {
        if (!field || field->analysis != schema::Analysis::Author) return std::nullopt;
        if (author_name_words(text).size() < 2) return std::nullopt;
        const std::string term = schema::author_key_term(author_key(text));
        if (!db_.term_exists(term)) return std::nullopt;
        return Xapian::Query(term);
    }

    std::vector<Token> tokens_;
    size_t pos_ = 0;
    size_t depth_ = 0;  // groups open around the current token
    const TextQueryBuilder& text_;
    const Xapian::Database& db_;
    Xapian::Query::op default_op_;
    std::vector<TextSpan>* spans_;
};

}  // namespace

QueryParser::QueryParser(const Analyzer& analyzer, const Xapian::Database& db)
    : analyzer_(analyzer), db_(db) {}

Result<Xapian::Query> QueryParser::parse(std::string_view text, Strictness strictness,
                                         ParseNotes* notes, bool synonyms) const {
    try {
        TextQueryBuilder builder(analyzer_, db_, strictness, synonyms);
        Parser parser(tokenize(text), builder, db_, notes ? &notes->spans : nullptr);
        Xapian::Query query = parser.parse();
        if (notes) {
            notes->origins = builder.origins();
            notes->words_left_out = builder.words_left_out();
        }
        return query;
    } catch (const SyntaxError& e) {
        return Error{ErrorKind::BadQuery, e.what()};
    }
}

}  // namespace papers
