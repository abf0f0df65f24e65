#pragma once
// The pieces of texts that a search of one or two characters looks up (enterprise search, V017): every two
// consecutive characters of each text and its last character, ASCII letters lowered (as SQLite's LIKE
// compares), each written as its UTF-8 bytes in hex so that a tokenizer sees one plain word per piece. A text
// holds a two-character string exactly when that string's token is among its pieces, and a character exactly
// when some piece's token starts with the character's token.
#include <string>
#include <string_view>
#include <vector>

namespace rw::db {

// The token of a search text (lowered and in hex, as the pieces are).
std::string piece_token(std::string_view text);
// The tokens of every piece of the texts, separated by spaces.
std::string text_pieces(const std::vector<std::string_view>& texts);
// The FTS5 query for the texts whose pieces could hold `text`: one character is a token's prefix; two or more
// are the tokens of every two consecutive characters together, which a text holding it has, but so may one
// holding them apart (the caller tests the text itself when it is longer than two). Empty for an empty text.
std::string pieces_query(std::string_view text);

}  // namespace rw::db
