#include "accounts/official_account.h"

#include <array>

#include "accounts/platform.h"

namespace inloco {
namespace {

template <typename E>
struct Names {
  E value;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<Names<AccountStatus>, 4> kStatuses = {{
    {AccountStatus::kProposed, "proposed", "Waiting for approval"},
    {AccountStatus::kOpen, "open", "Open"},
    {AccountStatus::kRejected, "rejected", "Not approved"},
    {AccountStatus::kClosed, "closed", "Closed"},
}};

constexpr std::array<Names<InteractionLevel>, 3> kInteractions = {{
    {InteractionLevel::kBroadcast, "broadcast", "Announcements only: comments and messages off"},
    {InteractionLevel::kModeratedComments, "moderated_comments", "Comments allowed and moderated"},
    {InteractionLevel::kConversation, "conversation",
     "Two-way: comments and messages are answered"},
}};

constexpr std::array<Names<AuthorisationKind>, 2> kKinds = {{
    {AuthorisationKind::kPost, "post", "post"},
    {AuthorisationKind::kAdmin, "admin", "administer"},
}};

template <typename E, size_t N>
const Names<E>& find(const std::array<Names<E>, N>& table, E value) {
  for (const auto& n : table)
    if (n.value == value) return n;
  return table[0];
}

template <typename E, size_t N>
std::optional<E> parse(const std::array<Names<E>, N>& table, std::string_view key) {
  for (const auto& n : table)
    if (n.key == key) return n.value;
  return std::nullopt;
}

}  // namespace

std::string_view account_status_key(AccountStatus s) { return find(kStatuses, s).key; }
std::string_view account_status_label(AccountStatus s) { return find(kStatuses, s).label; }
std::optional<AccountStatus> parse_account_status(std::string_view key) {
  return parse(kStatuses, key);
}

std::string_view interaction_key(InteractionLevel i) { return find(kInteractions, i).key; }
std::string_view interaction_label(InteractionLevel i) { return find(kInteractions, i).label; }
std::optional<InteractionLevel> parse_interaction(std::string_view key) {
  return parse(kInteractions, key);
}

std::string_view authorisation_kind_key(AuthorisationKind k) { return find(kKinds, k).key; }
std::string_view authorisation_kind_label(AuthorisationKind k) { return find(kKinds, k).label; }
std::optional<AuthorisationKind> parse_authorisation_kind(std::string_view key) {
  return parse(kKinds, key);
}

std::string OfficialAccount::describe() const {
  return platform_label(platform) + " account '" + account_name + "'";
}

}  // namespace inloco
