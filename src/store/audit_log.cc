#include "store/audit_log.h"

#include "core/crypto.h"
#include "store/row_reader.h"

namespace inloco {

namespace {

// Length-prefixed fields: no separator can be smuggled inside a value.
void field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}

const char* kColumns =
    "id, at, actor_id, actor, action, record_type, record_id, school_id, detail, source, "
    "prev_hash, hash";

AuditEntry entry_from_row(const Row& r) {
  RowReader in(r);
  AuditEntry e;
  e.id = in.integer();
  e.at = in.integer();
  e.actor_id = in.optional_integer();
  e.actor = in.text();
  e.action = in.text();
  e.record_type = in.text();
  e.record_id = in.text();
  e.school_id = in.optional_integer();
  e.detail = in.text();
  e.source = in.text();
  e.prev_hash = in.text();
  e.hash = in.text();
  return e;
}

}  // namespace

std::string audit_canonical_text(const AuditEntry& e) {
  std::string out;
  field(out, std::to_string(e.id));
  field(out, std::to_string(e.at));
  field(out, e.actor_id ? std::to_string(*e.actor_id) : "");
  field(out, e.actor);
  field(out, e.action);
  field(out, e.record_type);
  field(out, e.record_id);
  field(out, e.school_id ? std::to_string(*e.school_id) : "");
  field(out, e.detail);
  field(out, e.source);
  return out;
}

Result<int64_t> append_audit(Connection& conn, const Clock& clock, const Actor& actor,
                             const AuditEvent& event) {
  // Touching the head row first takes its lock (PostgreSQL) or the write lock
  // (SQLite), so concurrent appenders queue here and the chain never forks.
  TRY(conn.execute("UPDATE audit_head SET last_id = last_id WHERE singleton = 1"));
  Row head = TRY(conn.query_one("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1", {},
                                "the audit log head"));
  RowReader in(head);
  const int64_t last_id = in.integer();
  const std::string last_hash = in.text();
  AuditEntry e;
  e.id = last_id + 1;
  e.at = clock.now();
  e.actor_id = actor.person_id;
  e.actor = actor.name;
  e.action = event.action;
  e.record_type = event.record_type;
  e.record_id = event.record_id;
  e.school_id = event.school_id;
  e.detail = event.detail;
  e.source = actor.source;
  e.prev_hash = last_hash;
  e.hash = sha256_hex(e.prev_hash + audit_canonical_text(e));
  TRY(conn.execute(
      "INSERT INTO audit_log (id, at, actor_id, actor, action, record_type, record_id, school_id, "
      "detail, source, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.id, e.at, e.actor_id, e.actor, e.action, e.record_type, e.record_id, e.school_id, e.detail,
       e.source, e.prev_hash, e.hash}));
  TRY(conn.execute("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE singleton = 1",
                   {e.id, e.hash}));
  return e.id;
}

Result<AuditVerification> verify_audit(Database& db) {
  return db.read([&](Connection& conn) -> Result<AuditVerification> {
    AuditVerification v;
    std::string prev(64, '0');
    int64_t expected_id = 1;
    // Page through by id so a long log never sits in memory at once.
    const int64_t kPage = 5000;
    int64_t after = 0;
    for (;;) {
      Rows rows = TRY(conn.query(
          std::string("SELECT ") + kColumns + " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
          {after, kPage}));
      for (const Row& r : rows) {
        AuditEntry e = entry_from_row(r);
        auto fail = [&](std::string reason) {
          v.intact = false;
          v.first_bad_id = e.id;
          v.reason = std::move(reason);
        };
        if (e.id != expected_id) {
          fail("entry " + std::to_string(expected_id) + " is missing (next entry found is " +
               std::to_string(e.id) + ")");
          v.first_bad_id = expected_id;
        } else if (e.prev_hash != prev) {
          fail(
              "its link to the previous entry does not match (an entry before it was removed or "
              "reordered)");
        } else if (e.hash != sha256_hex(e.prev_hash + audit_canonical_text(e))) {
          fail("its contents do not match its hash (the entry was changed)");
        }
        if (!v.intact) return v;
        prev = e.hash;
        ++expected_id;
        ++v.entries;
        after = e.id;
      }
      if (static_cast<int64_t>(rows.size()) < kPage) break;
    }
    Row head = TRY(conn.query_one("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1",
                                  {}, "the audit log head"));
    RowReader in(head);
    const int64_t last_id = in.integer();
    const std::string last_hash = in.text();
    if (last_id != v.entries || last_hash != prev) {
      v.intact = false;
      v.first_bad_id = v.entries + 1;
      v.reason = last_id > v.entries ? "the log ends at entry " + std::to_string(v.entries) +
                                           " but entry " + std::to_string(last_id) +
                                           " was written (entries were removed from the end)"
                                     : "the chain's recorded end does not match its last entry";
    }
    return v;
  });
}

Result<std::vector<AuditEntry>> list_audit(Connection& conn, const AuditQuery& q) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
  SqlParams params;
  if (q.record_type) {
    sql += " AND record_type = ?";
    params.emplace_back(*q.record_type);
  }
  if (q.record_id) {
    sql += " AND record_id = ?";
    params.emplace_back(*q.record_id);
  }
  if (q.school_id) {
    sql += " AND school_id = ?";
    params.emplace_back(*q.school_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(q.limit);
  Rows rows = TRY(conn.query(sql, params));
  std::vector<AuditEntry> out;
  for (const Row& r : rows) out.push_back(entry_from_row(r));
  return out;
}

}  // namespace inloco
