// The decision log (NET-5): one line per request the Squid helper answers,
// which the server ingests for monitoring. Tab-separated, in this order:
//
//   unix time | user | source address | URL | search terms | verdict |
//   category | rule
//
// e.g. "1763740800\tpupil1\t10.0.0.5\thttps://www.google.com/search?q=x\tx\t
// allow\t-\t-". An empty field is written "-"; tabs, line ends and other
// control bytes inside a field are written as %09, %0A, ... so a record is
// always exactly one line of eight fields. The verdict is "allow" or
// "block"; a URL that cannot be read is "block" with the rule
// "invalid:<why>".
//
// DecisionLog buffers records in memory and writes them when flush() is
// called (once per batch of requests read from Squid), so answering never
// waits on the log file for each line. When the file cannot be written the
// records are dropped, not held without limit, and the failure is reported
// once to the caller by flush() — answering Squid comes first.
//
// Thread-safety: a DecisionLog belongs to one thread (one helper process
// answers its lines in order). Ownership: it owns the file descriptor.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco::filter {

struct DecisionRecord {
  int64_t time = 0;
  std::string_view user;
  std::string_view source_address;
  std::string_view url;
  std::string_view search_terms;
  std::string_view verdict;  // "allow" | "block"
  std::string_view category;
  std::string_view rule;
};

// The record as one line, with its LF.
std::string format_decision_record(const DecisionRecord& record);

class DecisionLog {
 public:
  // Opens (creating, mode 0640) `path` for appending.
  [[nodiscard]] static Result<DecisionLog> open(const std::string& path);

  DecisionLog(DecisionLog&& other) noexcept;
  DecisionLog& operator=(DecisionLog&& other) noexcept;
  DecisionLog(const DecisionLog&) = delete;
  DecisionLog& operator=(const DecisionLog&) = delete;
  ~DecisionLog();  // flushes, then closes

  void add(const DecisionRecord& record);
  // Writes what is buffered. An error says the log could not be written (the
  // buffered records are then dropped).
  Status flush();

 private:
  explicit DecisionLog(int fd) : fd_(fd) {}
  void close_fd();

  int fd_ = -1;
  std::string buffer_;
};

}  // namespace inloco::filter
