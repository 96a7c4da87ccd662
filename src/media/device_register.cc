#include "media/device_register.h"

#include <nlohmann/json.hpp>

#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

constexpr size_t kMaxText = 100;
constexpr size_t kMaxSerial = 64;

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Lower case (A-Z), single spaces: "  NIKON   Corporation " -> "nikon corporation".
std::string name_key(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Upper case, without spaces, dashes or leading zeros: "0012-34 ab" -> "1234AB".
std::string serial_key(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\0') continue;
    if (out.empty() && c == '0') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

const char* kColumns =
    "id, school_id, label, make, model, serial, approved_by, approved_at, retired_by, retired_at";

ApprovedDevice device_from_row(const Row& r) {
  RowReader in(r);
  ApprovedDevice d;
  d.id = in.integer();
  d.school_id = in.integer();
  d.details.label = in.text();
  d.details.make = in.text();
  d.details.model = in.text();
  d.details.serial = in.optional_text();
  d.approved_by = in.optional_integer();
  d.approved_at = in.integer();
  d.retired_by = in.optional_integer();
  d.retired_at = in.optional_integer();
  return d;
}

Status check_text(const std::string& value, const char* what, const char* example) {
  if (value.empty())
    return Error::invalid(std::string("Give the device's ") + what + " (for example " + example +
                          ").");
  if (value.size() > kMaxText)
    return Error::invalid(std::string("The device's ") + what + " is too long: at most " +
                          std::to_string(kMaxText) + " characters.");
  return {};
}

bool same_device(const DeviceDetails& a, const DeviceDetails& b) {
  return name_key(a.make) == name_key(b.make) && name_key(a.model) == name_key(b.model) &&
         serial_key(a.serial.value_or("")) == serial_key(b.serial.value_or(""));
}

}  // namespace

std::string_view device_match_key(DeviceMatchKind kind) {
  switch (kind) {
    case DeviceMatchKind::kApproved:
      return "approved";
    case DeviceMatchKind::kUnknown:
      return "unknown";
    case DeviceMatchKind::kNoMetadata:
      return "no_metadata";
  }
  return "no_metadata";
}

std::optional<DeviceMatchKind> parse_device_match(std::string_view key) {
  for (DeviceMatchKind k :
       {DeviceMatchKind::kApproved, DeviceMatchKind::kUnknown, DeviceMatchKind::kNoMetadata})
    if (device_match_key(k) == key) return k;
  return std::nullopt;
}

Status check_device_details(const DeviceDetails& input) {
  DeviceDetails d{trim(input.label), trim(input.make), trim(input.model), std::nullopt};
  if (input.serial && !trim(*input.serial).empty()) d.serial = trim(*input.serial);
  TRY(check_text(d.label, "name", "'Office iPad'"));
  TRY(check_text(d.make, "make, as its photos give it,", "'Apple' or 'Canon'"));
  TRY(check_text(d.model, "model, as its photos give it,", "'iPad (9th generation)'"));
  if (d.serial && d.serial->size() > kMaxSerial)
    return Error::invalid("The serial number is too long: at most " + std::to_string(kMaxSerial) +
                          " characters. Copy it from a photo's details.");
  return {};
}

Result<int64_t> add_device(const SchoolScope& at, const DeviceDetails& input) {
  TRY(check_device_details(input));
  DeviceDetails d{trim(input.label), trim(input.make), trim(input.model), std::nullopt};
  if (input.serial && !trim(*input.serial).empty()) d.serial = trim(*input.serial);
  School school = TRY(get_school(at.conn, at.school_id));

  for (const ApprovedDevice& other : TRY(list_devices(at.conn, at.school_id))) {
    if (name_key(other.details.label) == name_key(d.label))
      return Error::conflict("There is already an approved device called '" + other.details.label +
                             "' at " + school.name + ". Give this one a different name.");
    if (same_device(other.details, d))
      return Error::conflict("This device is already approved at " + school.name + " as '" +
                             other.details.label + "'.");
  }
  int64_t now = at.clock.now();
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO approved_devices (school_id, label, make, model, serial, approved_by, "
      "approved_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {at.school_id, d.label, d.make, d.model, d.serial, at.actor.person_id, now}));
  nlohmann::json detail = {{"label", d.label}, {"make", d.make}, {"model", d.model}};
  if (d.serial) detail["serial"] = *d.serial;
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"device.add", "approved_device", std::to_string(id), at.school_id,
                              detail.dump()}));
  return id;
}

Status retire_device(const SchoolScope& at, int64_t device_id) {
  Row row = TRY(at.conn.query_one(
      std::string("SELECT ") + kColumns + " FROM approved_devices WHERE id = ? AND school_id = ?",
      {device_id, at.school_id}, "The device"));
  ApprovedDevice d = device_from_row(row);
  if (d.retired())
    return Error::conflict("'" + d.details.label + "' was already retired on " +
                           format_utc(*d.retired_at).substr(0, 10) + ".");
  TRY(at.conn.execute("UPDATE approved_devices SET retired_at = ?, retired_by = ? WHERE id = ?",
                      {at.clock.now(), at.actor.person_id, device_id}));
  nlohmann::json detail = {{"label", d.details.label}};
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"device.retire", "approved_device", std::to_string(device_id),
                              at.school_id, detail.dump()}));
  return {};
}

Result<std::vector<ApprovedDevice>> list_devices(Connection& conn, int64_t school_id,
                                                 bool include_retired) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM approved_devices WHERE school_id = ?" +
                    (include_retired ? "" : " AND retired_at IS NULL") +
                    " ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, label, id";
  Rows rows = TRY(conn.query(sql, {school_id}));
  std::vector<ApprovedDevice> out;
  for (const Row& r : rows) out.push_back(device_from_row(r));
  return out;
}

Result<DeviceMatch> match_device(Connection& conn, int64_t school_id, std::string_view make,
                                 std::string_view model, const std::vector<std::string>& serials) {
  std::vector<std::string> serial_keys;
  for (const std::string& s : serials)
    if (!serial_key(s).empty()) serial_keys.push_back(serial_key(s));
  DeviceMatch m;
  if (name_key(make).empty() && name_key(model).empty() && serial_keys.empty()) {
    m.kind = DeviceMatchKind::kNoMetadata;
    m.explanation =
        "The image does not say which device took it, so it cannot be checked against the "
        "approved devices.";
    return m;
  }
  for (const ApprovedDevice& d : TRY(list_devices(conn, school_id))) {
    if (name_key(d.details.make) != name_key(make) || name_key(d.details.model) != name_key(model))
      continue;
    if (d.details.serial) {
      std::string want = serial_key(*d.details.serial);
      bool found = false;
      for (const std::string& k : serial_keys) found = found || k == want;
      if (!found) continue;
    }
    m.kind = DeviceMatchKind::kApproved;
    m.device_id = d.id;
    m.device_label = d.details.label;
    m.explanation = "Taken on an approved device: " + d.details.label + ".";
    return m;
  }
  m.kind = DeviceMatchKind::kUnknown;
  std::string what = trim(std::string(make) + " " + std::string(model));
  if (what.empty()) what = "a device";
  if (!serials.empty()) what += " (serial number " + serials.front() + ")";
  m.explanation = "Taken on " + what +
                  ", which is not one of the school's approved devices. Check who took it "
                  "and on what before it is used.";
  return m;
}

}  // namespace inloco
