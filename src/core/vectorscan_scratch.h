// VectorscanScratchPool: the scratch space Vectorscan's hs_scan needs, kept
// for reuse by the owner of one or more compiled databases (the text
// checker's two, the filter's expressions).
//
// hs_scan needs a scratch that no other scan is using and that was allocated
// for the database scanned. Allocating one per scan costs more than a short
// scan, so scans borrow one here and give it back. One scratch can serve
// several databases: serve() grows the pool's scratch (hs_alloc_scratch) for
// each database its owner will scan, and every scratch borrowed afterwards
// serves all of them.
//
// Thread-safety: every member function may be called from any thread. Two
// borrows never hold the same scratch at once. A scratch borrowed before a
// later serve() serves only the databases served before it was borrowed; it
// is freed, not reused, when it comes back.
//
// Ownership: the pool owns every scratch and frees them when it goes; a
// Borrowed must not outlive its pool. The databases stay their owner's, who
// must keep each one alive while it is scanned.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <mutex>
#include <vector>

#include "core/result.h"

namespace inloco {

class VectorscanScratchPool {
 public:
  // A scratch on loan; given back to the pool when it goes.
  class Borrowed {
   public:
    Borrowed(Borrowed&& other) noexcept;
    Borrowed& operator=(Borrowed&&) = delete;
    Borrowed(const Borrowed&) = delete;
    Borrowed& operator=(const Borrowed&) = delete;
    ~Borrowed();

    hs_scratch_t* get() const { return scratch_; }

   private:
    friend class VectorscanScratchPool;
    Borrowed(const VectorscanScratchPool* pool, hs_scratch_t* scratch, uint64_t generation)
        : pool_(pool), scratch_(scratch), generation_(generation) {}

    const VectorscanScratchPool* pool_;
    hs_scratch_t* scratch_;
    uint64_t generation_;  // the pool's generation when borrowed
  };

  VectorscanScratchPool() = default;
  ~VectorscanScratchPool();
  VectorscanScratchPool(const VectorscanScratchPool&) = delete;
  VectorscanScratchPool& operator=(const VectorscanScratchPool&) = delete;

  // Makes scratch borrowed from now on serve `db` as well. kInternal when
  // Vectorscan cannot allocate it.
  [[nodiscard]] Status serve(const hs_database_t* db);

  // Whether serve() has been given a database: before that there is nothing to lend.
  bool serves_any() const;

  // A scratch no other borrower holds: an idle one, or a new copy of the
  // pool's. kInternal before the first serve() or when Vectorscan cannot
  // allocate one.
  [[nodiscard]] Result<Borrowed> borrow() const;

 private:
  void give_back(hs_scratch_t* scratch, uint64_t generation) const;

  mutable std::mutex mu_;
  hs_scratch_t* prototype_ = nullptr;        // grown by serve(); copied, never lent
  mutable std::vector<hs_scratch_t*> idle_;  // copies of the current prototype
  uint64_t generation_ = 0;                  // serve() calls so far
};

}  // namespace inloco
