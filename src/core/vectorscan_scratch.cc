#include "core/vectorscan_scratch.h"

#include <utility>

namespace inloco {

VectorscanScratchPool::Borrowed::Borrowed(Borrowed&& other) noexcept
    : pool_(other.pool_),
      scratch_(std::exchange(other.scratch_, nullptr)),
      generation_(other.generation_) {}

VectorscanScratchPool::Borrowed::~Borrowed() {
  if (scratch_) pool_->give_back(scratch_, generation_);
}

VectorscanScratchPool::~VectorscanScratchPool() {
  for (hs_scratch_t* s : idle_) hs_free_scratch(s);
  if (prototype_) hs_free_scratch(prototype_);
}

Status VectorscanScratchPool::serve(const hs_database_t* db) {
  std::lock_guard lock(mu_);
  if (hs_alloc_scratch(db, &prototype_) != HS_SUCCESS)
    return Error::internal("Cannot allocate Vectorscan scratch space.");
  // Idle copies were made for the databases before this one.
  for (hs_scratch_t* s : idle_) hs_free_scratch(s);
  idle_.clear();
  ++generation_;
  return ok_status();
}

bool VectorscanScratchPool::serves_any() const {
  std::lock_guard lock(mu_);
  return prototype_ != nullptr;
}

Result<VectorscanScratchPool::Borrowed> VectorscanScratchPool::borrow() const {
  std::lock_guard lock(mu_);
  if (!idle_.empty()) {
    hs_scratch_t* s = idle_.back();
    idle_.pop_back();
    return Borrowed(this, s, generation_);
  }
  // Copied under the lock: serve() may be reallocating the prototype.
  hs_scratch_t* s = nullptr;
  if (!prototype_ || hs_clone_scratch(prototype_, &s) != HS_SUCCESS)
    return Error::internal("Cannot allocate Vectorscan scratch space.");
  return Borrowed(this, s, generation_);
}

void VectorscanScratchPool::give_back(hs_scratch_t* scratch, uint64_t generation) const {
  std::lock_guard lock(mu_);
  if (generation == generation_) {
    idle_.push_back(scratch);
    return;
  }
  hs_free_scratch(scratch);  // made before the last serve(): it may not serve every database
}

}  // namespace inloco
