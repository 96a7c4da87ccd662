// Squid's helper line protocol, for the external ACL helper
// (external_acl_type) and the URL rewriter (url_rewrite_program), as Squid 5
// documents it in squid.conf:
//
//   request:  [channel-ID SP] value [SP value ...] LF
//   answer:   [channel-ID SP] OK|ERR|BH [SP key=value ...] LF
//
// With concurrency=N Squid puts a channel ID (0..N-1) in front of every
// request, answers may come back in any order and must carry the ID back.
// Without it there is no ID; a line is read as having one when its first
// token is all digits (a URL or authority never is).
//
// Squid URL-escapes each request value so it holds no white space; it leaves
// '%' alone, so the URL token must NOT be decoded again (that would turn a
// path's %2F into '/'); other values (a user name) are decoded with
// decode_token(). "-" stands for a value Squid does not have.
//
// Answer values are always written quoted: "...", with '"' and '\' escaped by
// '\' and CR/LF written as \r \n (which Squid turns back), because a bare
// value is read as URL-escaped and a message holds spaces.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inloco::filter {

struct HelperLine {
  std::optional<std::string_view> channel;  // absent without concurrency
  std::vector<std::string_view> tokens;     // the values after the channel ID
};

// Splits a request line (without its LF; a trailing CR is ignored) into the
// channel ID and the values. Views point into `line`.
HelperLine parse_helper_line(std::string_view line);

// Percent-decodes a request value (not the URL: see above); "-" and an empty
// value become "".
std::string decode_token(std::string_view token);

// `value` as a Squid answer value: "..." with \" \\ \r \n escapes, and any
// other control byte written as a space (a line must stay one line).
std::string quote_value(std::string_view value);

// One key=value pair of an answer.
struct AnswerPair {
  std::string_view key;
  std::string value;
};

// "[channel ]RESULT key="value" ...\n".
std::string format_answer(std::optional<std::string_view> channel, std::string_view result,
                          const std::vector<AnswerPair>& pairs = {});

// Percent-encodes everything but A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved),
// for a value put into a query string (the block page's ?url=...).
std::string percent_encode_component(std::string_view value);

}  // namespace inloco::filter
