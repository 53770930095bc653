// protocol::LineIndex: byte offsets <-> (line, character) in UTF-8, UTF-16 and UTF-32 units,
// clamping of client positions, and the UTF-8 helpers beside it.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>

#include "protocol/position/line_index.h"

namespace eventlet_lsp::protocol {

// Readable failure messages: "{line, character}" instead of the object's bytes.
static void PrintTo(const Position& position, std::ostream* out) {
  *out << "{" << position.line << ", " << position.character << "}";
}

namespace {

using enum PositionEncoding;

// Byte layout of kMixed (offsets in brackets):
//   line 0 [0..3]   "a\tb\n"             tab is one unit everywhere
//   line 1 [4..11]  "中文x\n"           two 3-byte CJK characters (4-6, 7-9), 'x' at 10
//   line 2 [12..18] "😀y\r\n"            4-byte emoji (12-15, a surrogate pair), 'y' at 16, CRLF
//   line 3 [19..21] "\xFFz\n"            an invalid byte at 19, 'z' at 20
//   line 4 [22..24] "end"                last line, no newline; text size 25
const std::string kMixed =
    "a\tb\n"
    "\xE4\xB8\xAD\xE6\x96\x87x\n"
    "\xF0\x9F\x98\x80y\r\n"
    "\xFFz\n"
    "end";

TEST(LineIndexTest, CountsLinesAndTheirBounds) {
  const LineIndex index(kMixed);
  ASSERT_EQ(kMixed.size(), 25u);
  EXPECT_EQ(index.line_count(), 5u);
  EXPECT_EQ(index.line_start(0), 0u);
  EXPECT_EQ(index.line_start(1), 4u);
  EXPECT_EQ(index.line_start(2), 12u);
  EXPECT_EQ(index.line_start(3), 19u);
  EXPECT_EQ(index.line_start(4), 22u);
  EXPECT_EQ(index.line_end(0), 3u);   // before "\n"
  EXPECT_EQ(index.line_end(1), 11u);
  EXPECT_EQ(index.line_end(2), 17u);  // before "\r\n"
  EXPECT_EQ(index.line_end(3), 21u);
  EXPECT_EQ(index.line_end(4), 25u);  // last line: end of text
  // Lines past the end are the end of the text.
  EXPECT_EQ(index.line_start(5), 25u);
  EXPECT_EQ(index.line_end(99), 25u);
}

TEST(LineIndexTest, AsciiAndTabAreOneUnitInEveryEncoding) {
  const LineIndex index(kMixed);
  for (PositionEncoding encoding : {Utf8, Utf16, Utf32}) {
    EXPECT_EQ(index.position(0, encoding), (Position{0, 0}));
    EXPECT_EQ(index.position(1, encoding), (Position{0, 1}));  // the tab
    EXPECT_EQ(index.position(2, encoding), (Position{0, 2}));  // after the tab
    EXPECT_EQ(index.position(3, encoding), (Position{0, 3}));  // the newline: end of line 0
    EXPECT_EQ(index.offset({0, 2}, encoding), 2u);
  }
}

TEST(LineIndexTest, CjkCharactersAreThreeBytesButOneUnit) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(7, Utf8), (Position{1, 3}));
  EXPECT_EQ(index.position(7, Utf16), (Position{1, 1}));
  EXPECT_EQ(index.position(7, Utf32), (Position{1, 1}));
  EXPECT_EQ(index.position(10, Utf8), (Position{1, 6}));
  EXPECT_EQ(index.position(10, Utf16), (Position{1, 2}));
  EXPECT_EQ(index.position(10, Utf32), (Position{1, 2}));
  EXPECT_EQ(index.position(11, Utf16), (Position{1, 3}));

  EXPECT_EQ(index.offset({1, 6}, Utf8), 10u);
  EXPECT_EQ(index.offset({1, 1}, Utf16), 7u);
  EXPECT_EQ(index.offset({1, 2}, Utf16), 10u);
  EXPECT_EQ(index.offset({1, 2}, Utf32), 10u);
  EXPECT_EQ(index.offset({1, 3}, Utf32), 11u);
}

TEST(LineIndexTest, EmojiIsASurrogatePairInUtf16AndOneUnitInUtf32) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(16, Utf8), (Position{2, 4}));
  EXPECT_EQ(index.position(16, Utf16), (Position{2, 2}));
  EXPECT_EQ(index.position(16, Utf32), (Position{2, 1}));

  EXPECT_EQ(index.offset({2, 4}, Utf8), 16u);
  EXPECT_EQ(index.offset({2, 2}, Utf16), 16u);
  EXPECT_EQ(index.offset({2, 1}, Utf32), 16u);
  EXPECT_EQ(index.offset({2, 0}, Utf16), 12u);
}

TEST(LineIndexTest, CrlfLineEndsBeforeTheCarriageReturn) {
  const LineIndex index(kMixed);
  // The '\r' itself and the '\n' after it both map to the end of the line's content.
  EXPECT_EQ(index.position(17, Utf8), (Position{2, 5}));
  EXPECT_EQ(index.position(17, Utf16), (Position{2, 3}));
  EXPECT_EQ(index.position(18, Utf8), (Position{2, 5}));
  EXPECT_EQ(index.position(18, Utf16), (Position{2, 3}));
  EXPECT_EQ(index.position(18, Utf32), (Position{2, 2}));
  // The next line starts after "\r\n".
  EXPECT_EQ(index.position(19, Utf16), (Position{3, 0}));

  bool exact = false;
  EXPECT_EQ(index.offset({2, 3}, Utf16, &exact), 17u);
  EXPECT_TRUE(exact);
  EXPECT_EQ(index.offset({2, 4}, Utf16, &exact), 17u);  // would be past the line: before '\r'
  EXPECT_FALSE(exact);
}

TEST(LineIndexTest, CrlfOnlyTextAndTrailingCarriageReturn) {
  const LineIndex crlf("ab\r\n");
  EXPECT_EQ(crlf.line_count(), 2u);
  EXPECT_EQ(crlf.line_end(0), 2u);
  EXPECT_EQ(crlf.line_start(1), 4u);
  EXPECT_EQ(crlf.line_end(1), 4u);
  EXPECT_EQ(crlf.position(4, Utf16), (Position{1, 0}));
  // A lone '\r' ends a line, as LSP counts line ends ("\n", "\r\n", "\r").
  const LineIndex lone("ab\r");
  EXPECT_EQ(lone.line_count(), 2u);
  EXPECT_EQ(lone.line_end(0), 2u);
  EXPECT_EQ(lone.line_start(1), 3u);
  EXPECT_EQ(lone.position(3, Utf16), (Position{1, 0}));
}

TEST(LineIndexTest, LastLineWithoutNewline) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(22, Utf16), (Position{4, 0}));
  EXPECT_EQ(index.position(24, Utf16), (Position{4, 2}));
  EXPECT_EQ(index.position(25, Utf16), (Position{4, 3}));  // end of text
  EXPECT_EQ(index.position(25, Utf8), (Position{4, 3}));
  bool exact = false;
  EXPECT_EQ(index.offset({4, 3}, Utf16, &exact), 25u);
  EXPECT_TRUE(exact);
  EXPECT_EQ(index.offset({4, 3}, Utf8, &exact), 25u);
  EXPECT_TRUE(exact);
}

TEST(LineIndexTest, TextEndingWithNewlineHasAnEmptyLastLine) {
  const LineIndex index("ab\n");
  EXPECT_EQ(index.line_count(), 2u);
  EXPECT_EQ(index.position(3, Utf16), (Position{1, 0}));
  EXPECT_EQ(index.line_start(1), 3u);
  EXPECT_EQ(index.line_end(1), 3u);
  bool exact = false;
  EXPECT_EQ(index.offset({1, 0}, Utf16, &exact), 3u);
  EXPECT_TRUE(exact);
}

TEST(LineIndexTest, EmptyText) {
  const LineIndex index("");
  EXPECT_EQ(index.line_count(), 1u);
  EXPECT_EQ(index.line_start(0), 0u);
  EXPECT_EQ(index.line_end(0), 0u);
  for (PositionEncoding encoding : {Utf8, Utf16, Utf32}) {
    EXPECT_EQ(index.position(0, encoding), (Position{0, 0}));
    EXPECT_EQ(index.position(7, encoding), (Position{0, 0}));  // clamped
    bool exact = false;
    EXPECT_EQ(index.offset({0, 0}, encoding, &exact), 0u);
    EXPECT_TRUE(exact);
    EXPECT_EQ(index.offset({0, 1}, encoding, &exact), 0u);
    EXPECT_FALSE(exact);
    EXPECT_EQ(index.offset({1, 0}, encoding, &exact), 0u);
    EXPECT_FALSE(exact);
  }
}

TEST(LineIndexTest, ByteOffsetPastTheEndClampsToTheEndOfText) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(26, Utf16), (Position{4, 3}));
  EXPECT_EQ(index.position(100000, Utf8), (Position{4, 3}));
  EXPECT_EQ(index.position(0xFFFFFFFFu, Utf32), (Position{4, 3}));
}

TEST(LineIndexTest, LineAndByteColumnOverload) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(1, 3, Utf16), (Position{1, 1}));
  EXPECT_EQ(index.position(2, 4, Utf16), (Position{2, 2}));
  EXPECT_EQ(index.position(2, 4, Utf32), (Position{2, 1}));
  // A column past the line's content clamps to its end (before "\r\n").
  EXPECT_EQ(index.position(1, 100, Utf16), (Position{1, 3}));
  EXPECT_EQ(index.position(2, 100, Utf8), (Position{2, 5}));
  EXPECT_EQ(index.position(4, 100, Utf8), (Position{4, 3}));
  // A line past the end is the end of the text.
  EXPECT_EQ(index.position(9, 0, Utf16), (Position{4, 3}));
}

TEST(LineIndexTest, OffsetClampsLineAndCharacter) {
  const LineIndex index(kMixed);
  bool exact = true;
  // Character past the end of a line: the line's end, before its newline.
  EXPECT_EQ(index.offset({0, 4}, Utf8, &exact), 3u);
  EXPECT_FALSE(exact);
  EXPECT_EQ(index.offset({0, 3}, Utf8, &exact), 3u);
  EXPECT_TRUE(exact);
  EXPECT_EQ(index.offset({1, 10}, Utf16, &exact), 11u);
  EXPECT_FALSE(exact);
  EXPECT_EQ(index.offset({1, 0xFFFFFFFFu}, Utf8, &exact), 11u);
  EXPECT_FALSE(exact);
  EXPECT_EQ(index.offset({4, 10}, Utf32, &exact), 25u);
  EXPECT_FALSE(exact);
  // Line past the end: end of the text.
  EXPECT_EQ(index.offset({5, 0}, Utf16, &exact), 25u);
  EXPECT_FALSE(exact);
  EXPECT_EQ(index.offset({1000, 3}, Utf8, &exact), 25u);
  EXPECT_FALSE(exact);
  // Without the out-parameter the same clamping happens.
  EXPECT_EQ(index.offset({0, 4}, Utf8), 3u);
  EXPECT_EQ(index.offset({7, 7}, Utf16), 25u);
}

TEST(LineIndexTest, OffsetInsideAMultiByteCharacterMapsToItsStartInUtf16AndUtf32) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(5, Utf16), (Position{1, 0}));  // 2nd byte of 中
  EXPECT_EQ(index.position(6, Utf32), (Position{1, 0}));  // 3rd byte of 中
  EXPECT_EQ(index.position(8, Utf16), (Position{1, 1}));  // inside 文
  EXPECT_EQ(index.position(13, Utf16), (Position{2, 0}));  // inside the emoji
  EXPECT_EQ(index.position(15, Utf16), (Position{2, 0}));
  EXPECT_EQ(index.position(15, Utf32), (Position{2, 0}));
  EXPECT_EQ(index.position(2, 2, Utf16), (Position{2, 0}));  // line/column overload
}

TEST(LineIndexTest, OffsetInsideAMultiByteCharacterMapsToItsStartInUtf8) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(5, Utf8), (Position{1, 0}));
  EXPECT_EQ(index.position(8, Utf8), (Position{1, 3}));
  EXPECT_EQ(index.position(14, Utf8), (Position{2, 0}));
}

TEST(LineIndexTest, Utf16PositionInsideASurrogatePairGoesToTheNextBoundary) {
  const LineIndex index(kMixed);
  bool exact = false;
  // Character 1 on line 2 is between the two halves of the emoji's surrogate pair: the offset
  // is never in the middle of the UTF-8 sequence; it lands after the whole emoji.
  EXPECT_EQ(index.offset({2, 1}, Utf16, &exact), 16u);
  EXPECT_TRUE(exact);
}

TEST(LineIndexTest, InvalidUtf8BytesCountAsOneUnit) {
  const LineIndex index(kMixed);
  EXPECT_EQ(index.position(20, Utf8), (Position{3, 1}));
  EXPECT_EQ(index.position(20, Utf16), (Position{3, 1}));
  EXPECT_EQ(index.position(20, Utf32), (Position{3, 1}));
  EXPECT_EQ(index.offset({3, 1}, Utf16), 20u);
  EXPECT_EQ(index.offset({3, 1}, Utf32), 20u);

  // A truncated 4-byte sequence: each of its three bytes is one unit, even in UTF-16.
  const std::string truncated = "\xF0\x9F\x98z";
  const LineIndex broken(truncated);
  EXPECT_EQ(broken.position(3, Utf16), (Position{0, 3}));
  EXPECT_EQ(broken.position(4, Utf16), (Position{0, 4}));
  EXPECT_EQ(broken.offset({0, 3}, Utf16), 3u);
  // A lone continuation byte and an overlong lead are one unit each too.
  const LineIndex stray("\x80\xC0\x80x");
  EXPECT_EQ(stray.position(3, Utf16), (Position{0, 3}));
  EXPECT_EQ(stray.offset({0, 3}, Utf32), 3u);
}

TEST(LineIndexTest, RoundTripsEveryCharacterBoundary) {
  const LineIndex index(kMixed);
  // Every boundary that is not inside a line ending survives byte -> position -> byte.
  const std::uint32_t boundaries[] = {0, 1, 2, 3, 4, 7, 10, 11, 12, 16, 17, 19, 20, 21, 22, 23, 24, 25};
  for (PositionEncoding encoding : {Utf8, Utf16, Utf32}) {
    for (std::uint32_t offset : boundaries) {
      bool exact = false;
      EXPECT_EQ(index.offset(index.position(offset, encoding), encoding, &exact), offset)
          << "offset " << offset << " encoding " << static_cast<int>(encoding);
      EXPECT_TRUE(exact) << "offset " << offset;
    }
  }
}

TEST(Utf8Test, SequenceLength) {
  using namespace std::string_view_literals;
  EXPECT_EQ(utf8_sequence_length("a"sv, 0), 1u);
  EXPECT_EQ(utf8_sequence_length("\xC3\xA9"sv, 0), 2u);              // é
  EXPECT_EQ(utf8_sequence_length("\xE4\xB8\xAD"sv, 0), 3u);          // 中
  EXPECT_EQ(utf8_sequence_length("\xF0\x9F\x98\x80"sv, 0), 4u);      // 😀
  EXPECT_EQ(utf8_sequence_length("x\xF0\x9F\x98\x80"sv, 1), 4u);
  EXPECT_EQ(utf8_sequence_length("\xFF"sv, 0), 1u);                  // never a lead byte
  EXPECT_EQ(utf8_sequence_length("\x80"sv, 0), 1u);                  // continuation alone
  EXPECT_EQ(utf8_sequence_length("\xE4\xB8"sv, 0), 1u);              // truncated at the end
  EXPECT_EQ(utf8_sequence_length("\xE4x\xAD"sv, 0), 1u);             // bad continuation
  EXPECT_EQ(utf8_sequence_length("\xC0\x80"sv, 0), 1u);              // overlong 2-byte
  EXPECT_EQ(utf8_sequence_length("\xE0\x80\x80"sv, 0), 1u);          // overlong 3-byte
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80"sv, 0), 1u);          // UTF-16 surrogate
  EXPECT_EQ(utf8_sequence_length("\xF0\x80\x80\x80"sv, 0), 1u);      // overlong 4-byte
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80"sv, 0), 1u);      // above U+10FFFF
  EXPECT_EQ(utf8_sequence_length("\xF4\x8F\xBF\xBF"sv, 0), 4u);      // U+10FFFF
  EXPECT_EQ(utf8_sequence_length("\xED\x9F\xBF"sv, 0), 3u);          // U+D7FF
}

TEST(Utf8Test, UnitsOfSequenceForValidLeads) {
  EXPECT_EQ(units_of_sequence('a', Utf16), 1u);
  EXPECT_EQ(units_of_sequence(0xC3, Utf16), 1u);
  EXPECT_EQ(units_of_sequence(0xE4, Utf16), 1u);
  EXPECT_EQ(units_of_sequence(0xF0, Utf16), 2u);
  EXPECT_EQ(units_of_sequence(0xF4, Utf16), 2u);
  EXPECT_EQ(units_of_sequence(0xF0, Utf32), 1u);
  EXPECT_EQ(units_of_sequence(0xF0, Utf8), 1u);
}

TEST(Utf8Test, UnitsOfSequenceForInvalidLeadsIsOne) {
  EXPECT_EQ(units_of_sequence(0xF5, Utf16), 1u);
  EXPECT_EQ(units_of_sequence(0xF8, Utf16), 1u);
  EXPECT_EQ(units_of_sequence(0xFF, Utf16), 1u);
}

TEST(Utf8Test, IsValidUtf8) {
  using namespace std::string_view_literals;
  std::uint32_t first_invalid = 12345;
  EXPECT_TRUE(is_valid_utf8(""sv, &first_invalid));
  EXPECT_EQ(first_invalid, 12345u);  // untouched when valid
  EXPECT_TRUE(is_valid_utf8("plain ascii\n"sv));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80"sv));

  EXPECT_FALSE(is_valid_utf8("\xFF"sv, &first_invalid));
  EXPECT_EQ(first_invalid, 0u);
  EXPECT_FALSE(is_valid_utf8("ab\xC3"sv, &first_invalid));  // truncated at the end
  EXPECT_EQ(first_invalid, 2u);
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8\xAD" "a\x80"sv, &first_invalid));  // stray continuation
  EXPECT_EQ(first_invalid, 4u);
  EXPECT_FALSE(is_valid_utf8("x\xC0\x80"sv, &first_invalid));  // overlong NUL
  EXPECT_EQ(first_invalid, 1u);
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"sv, &first_invalid));  // surrogate
  EXPECT_EQ(first_invalid, 0u);
  EXPECT_FALSE(is_valid_utf8("ok\xF4\x90\x80\x80"sv, &first_invalid));  // > U+10FFFF
  EXPECT_EQ(first_invalid, 2u);
  EXPECT_FALSE(is_valid_utf8(kMixed, &first_invalid));
  EXPECT_EQ(first_invalid, 19u);
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"sv));  // no out-parameter
}

}  // namespace
}  // namespace eventlet_lsp::protocol
