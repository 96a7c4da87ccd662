#include "web/media_view.h"

#include "core/clock.h"

namespace inloco::web {

namespace {

std::string size_label(int64_t bytes) {
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  return std::to_string(bytes / (1024 * 1024)) + "." +
         std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) + " MB";
}

std::string rights_label(const MediaRights& r) {
  switch (r.basis) {
    case RightsBasis::kOwn:
      return "The school's own";
    case RightsBasis::kPermission:
      return "Used with permission: " + r.note;
    case RightsBasis::kAcknowledgement:
      return "Used with acknowledgement: " + r.note;
  }
  return "";
}

}  // namespace

mstch::map media_card(const MediaItem& item) {
  std::string href =
      "/schools/" + std::to_string(item.school_id) + "/media/" + std::to_string(item.id);
  std::string device = (item.device_make + " " + item.device_model);
  if (device == " ") device.clear();
  std::string device_label, device_class;
  switch (item.device_match) {
    case DeviceMatchKind::kApproved:
      device_label = "Approved device";
      device_class = "govuk-tag--green";
      break;
    case DeviceMatchKind::kUnknown:
      device_label = "Unknown device";
      device_class = "govuk-tag--yellow";
      break;
    case DeviceMatchKind::kNoMetadata:
      device_label = "Device not recorded";
      device_class = "govuk-tag--grey";
      break;
  }
  return mstch::map{
      {"id", std::to_string(item.id)},
      {"href", href},
      {"src", href + "/file"},
      {"name",
       item.original_name.empty() ? "Image " + std::to_string(item.id) : item.original_name},
      {"type", std::string(image_type_label(item.type))},
      {"size", size_label(item.byte_size)},
      {"dimensions",
       item.width > 0 ? std::to_string(item.width) + " × " + std::to_string(item.height) : ""},
      {"source", item.rights.source},
      {"owner", item.rights.owner},
      {"rights", rights_label(item.rights)},
      {"device", device},
      {"serial", item.device_serial},
      {"device_label", device_label},
      {"device_class", device_class},
      {"taken_at", item.taken_at.value_or("")},
      {"gps_removed", item.gps_was_present},
      {"removed", item.metadata_removed.empty() ? std::string("nothing: it carried none")
                                                : item.metadata_removed},
      {"uploaded_by", item.uploaded_by_name},
      {"uploaded_on", format_utc(item.uploaded_at).substr(0, 10)}};
}

}  // namespace inloco::web
