#include "store/database_errors.h"

namespace inloco::database_errors {

Error clash(std::string detail) {
  return Error::conflict("That clashes with a record already stored, so nothing was saved.")
      .with_internal_detail(std::move(detail));
}

Error busy(std::string detail) {
  return Error::unavailable("The database is busy; please try again in a moment.")
      .with_internal_detail(std::move(detail));
}

Error disk_full(std::string detail) {
  return Error::unavailable(
             "The server has run out of disk space, so nothing was saved. Please tell your ICT "
             "technician; what you entered can be sent again once space is freed.")
      .with_internal_detail(std::move(detail));
}

Error read_only(std::string detail) {
  return Error::unavailable(
             "The database cannot be written to at the moment, so nothing was saved. Please "
             "tell your ICT technician.")
      .with_internal_detail(std::move(detail));
}

Error unreachable(std::string detail) {
  return Error::unavailable(
             "The database cannot be reached at the moment. Please try again in a "
             "few minutes, and tell your ICT technician if it goes on.")
      .with_internal_detail(std::move(detail));
}

Error failed(std::string detail) {
  return Error::internal("Something went wrong on our side, and nothing was saved.")
      .with_internal_detail(std::move(detail));
}

}  // namespace inloco::database_errors
