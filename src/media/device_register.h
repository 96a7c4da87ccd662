// Each school's register of devices approved for taking pictures (PST-10),
// and matching an image's device, as read from its metadata, against it.
//
// A device is registered with its make and model exactly as it writes them
// into its photos' metadata (look at a photo's details), and its serial
// number when it writes one. An image matches an approved device when its
// make and model are the same (ignoring case and spacing) and, if the device
// was registered with a serial number, the image carries that serial
// (ignoring case, spaces, dashes and leading zeros). Phones and tablets write
// no serial numbers, so for them make and model are all that can be checked.
// Retired devices match nothing.
//
// Functions take a Connection so that callers compose them in one
// transaction; those that write must be called inside Database::transaction
// and are audited there ("device.add", "device.retire").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct DeviceDetails {
  std::string label;                  // "Office iPad"; unique among the school's approved devices
  std::string make;                   // "Apple"
  std::string model;                  // "iPad (9th generation)"
  std::optional<std::string> serial;  // "123052001234"
};

struct ApprovedDevice {
  int64_t id = 0;
  int64_t school_id = 0;
  DeviceDetails details;
  std::optional<int64_t> approved_by;
  int64_t approved_at = 0;
  std::optional<int64_t> retired_by;
  std::optional<int64_t> retired_at;

  bool retired() const { return retired_at.has_value(); }
};

enum class DeviceMatchKind {
  kApproved,    // an approved device of the school took it
  kUnknown,     // the metadata names a device that is not approved: flag it
  kNoMetadata,  // the image does not say which device took it
};
std::string_view device_match_key(DeviceMatchKind kind);  // "approved", "unknown", "no_metadata"
std::optional<DeviceMatchKind> parse_device_match(std::string_view key);

struct DeviceMatch {
  DeviceMatchKind kind = DeviceMatchKind::kNoMetadata;
  std::optional<int64_t> device_id;  // when approved
  std::string device_label;          // when approved
  std::string explanation;           // one sentence for the reviewer
};

// kInvalid for a missing or over-long label, make or model, or an over-long
// serial: what add_device checks first, for callers that check it before
// anything else.
Status check_device_details(const DeviceDetails& device);

// kInvalid as check_device_details; kNotFound for an unknown school; kConflict when an approved
// device of the school has the label, or the same make, model and serial.
Result<int64_t> add_device(const SchoolScope& at, const DeviceDetails& device);

// kNotFound unless the device belongs to the school; kConflict if already retired.
Status retire_device(const SchoolScope& at, int64_t device_id);

// The school's devices by label; retired ones (after the approved) only when asked.
Result<std::vector<ApprovedDevice>> list_devices(Connection& conn, int64_t school_id,
                                                 bool include_retired = false);

// Matches what an image's metadata says against the school's approved devices.
Result<DeviceMatch> match_device(Connection& conn, int64_t school_id, std::string_view make,
                                 std::string_view model, const std::vector<std::string>& serials);

}  // namespace inloco
