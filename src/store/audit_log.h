// The audit log (IAM-3): an append-only, hash-chained record of every change
// and of every view of a sensitive record.
//
// Entry n stores hash_n = SHA-256(hash_{n-1} || the canonical text of entry n,
// its id included), so changing, deleting or reordering any row breaks the
// chain at that row. Appends happen inside the caller's transaction, so an
// audited change and its entry are stored together or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace inloco {

// Who did something, and from where. Carried from the request into services.
struct Actor {
  std::optional<int64_t> person_id;  // empty for the system and the command line
  std::string name;                  // "Ruth Okafor (rokafor)", "command line", "system"
  std::string source;                // "127.0.0.1", "cli"

  static Actor command_line() { return {std::nullopt, "command line", "cli"}; }
  static Actor system() { return {std::nullopt, "system", "system"}; }
};

struct AuditEvent {
  std::string action;       // "person.view", "person.update", "session.sign_in", ...
  std::string record_type;  // "person", "user_account", "session", ...
  std::string record_id;
  std::optional<int64_t> school_id;
  std::string detail;  // short JSON or text: what changed
};

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<int64_t> actor_id;
  std::string actor;
  std::string action;
  std::string record_type;
  std::string record_id;
  std::optional<int64_t> school_id;
  std::string detail;
  std::string source;
  std::string prev_hash;
  std::string hash;
};

// Must be called inside a transaction (Database::transaction).
Result<int64_t> append_audit(Connection& conn, const Clock& clock, const Actor& actor,
                             const AuditEvent& event);

struct AuditVerification {
  int64_t entries = 0;
  bool intact = true;
  int64_t first_bad_id = 0;  // when not intact: the first entry that does not verify
  std::string reason;
};

Result<AuditVerification> verify_audit(Database& db);

struct AuditQuery {
  std::optional<std::string> record_type;
  std::optional<std::string> record_id;
  std::optional<int64_t> school_id;
  int64_t limit = 100;
};
Result<std::vector<AuditEntry>> list_audit(Connection& conn, const AuditQuery& query);

// The canonical text that is hashed; exposed for tests.
std::string audit_canonical_text(const AuditEntry& e);

}  // namespace inloco
