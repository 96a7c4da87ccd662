#include "filter/decision_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace inloco::filter {
namespace {

// Above this the file is not keeping up (or failing): drop rather than grow.
constexpr size_t kMaxBuffered = 8 << 20;

void append_field(std::string& out, std::string_view field) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  if (field.empty()) {
    out.push_back('-');
    return;
  }
  for (char c : field) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

std::string format_decision_record(const DecisionRecord& r) {
  std::string out = std::to_string(r.time);
  for (std::string_view field :
       {r.user, r.source_address, r.url, r.search_terms, r.verdict, r.category, r.rule}) {
    out.push_back('\t');
    append_field(out, field);
  }
  out.push_back('\n');
  return out;
}

Result<DecisionLog> DecisionLog::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0)
    return Error::unavailable("Cannot open the decision log " + path + ": " + std::strerror(errno) +
                              ". Check that the folder exists and the proxy's user may write it.");
  return DecisionLog(fd);
}

DecisionLog::DecisionLog(DecisionLog&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), buffer_(std::move(other.buffer_)) {}

DecisionLog& DecisionLog::operator=(DecisionLog&& other) noexcept {
  if (this != &other) {
    (void)flush();
    close_fd();
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
  }
  return *this;
}

DecisionLog::~DecisionLog() {
  (void)flush();
  close_fd();
}

void DecisionLog::close_fd() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void DecisionLog::add(const DecisionRecord& record) {
  if (fd_ < 0 || buffer_.size() > kMaxBuffered) return;
  buffer_ += format_decision_record(record);
}

Status DecisionLog::flush() {
  if (fd_ < 0 || buffer_.empty()) return ok_status();
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string why = n < 0 ? std::strerror(errno) : "nothing written";
      buffer_.clear();
      return Error::unavailable("Cannot write the decision log: " + why +
                                "; these records were dropped.");
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
  return ok_status();
}

}  // namespace inloco::filter
