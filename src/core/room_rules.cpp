// Participants' room rules: per-device dots, own cards before the reveal, shuffled reveal.

#include "room_rules.hpp"

#include "commands_detail.hpp"
#include "validate.hpp"

#include <algorithm>
#include <numeric>

namespace lernraum::core {

using namespace detail;

namespace {

constexpr std::string_view kTexts[] = {
    "All your {1} dots are used",
    "You have no dot on this card",
    "This card is already revealed",
};

std::optional<Refusal> votingOpen(const Retrospective& retro) {
    if (!retro.voting.open) return refuse(refusal::VotingClosed, "Voting is not open");
    return std::nullopt;
}

// Votes on a revealed item or a group, by delta, without the room-wide limits of addVote.
CommandResult changeVotes(const Retrospective& retro, const Id& targetId, int delta) {
    const std::string label = delta > 0 ? "Vote" : "Remove vote";
    if (const auto i = indexOf(retro.items, targetId); i && !retro.items[*i].hidden) {
        auto before = slotOf(retro.items, retro.id, *i);
        auto after = before;
        after.value->votes += delta;
        if (auto r = checkCount("votes", after.value->votes)) return *r;
        return Change::single(label, std::move(before), std::move(after));
    }
    if (const auto g = indexOf(retro.groups, targetId)) {
        RetroFrame before = frameOf(retro);
        RetroFrame after = before;
        after.retro.groups[*g].votes += delta;
        if (auto r = checkCount("votes", after.retro.groups[*g].votes)) return *r;
        return Change::single(label, std::move(before), std::move(after));
    }
    // A face-down card is "not found": its existence is nobody's business before the reveal.
    return notFound("retro item or group", targetId);
}

std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

std::span<const std::string_view> roomRuleTexts() { return kTexts; }

CommandResult castDeviceVote(const Session& s, const Id& retroId, const Id& targetId, const DeviceVotes& mine) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = votingOpen(*retro)) return *r;
    const int budget = retro->voting.budgetPerParticipant;
    if (budget > 0 && mine.spent >= budget)
        return refuse(refusal::DeviceBudgetSpent, "All your {1} dots are used", {std::to_string(budget)});
    const int limit = retro->voting.perItemLimit;
    if (limit > 0 && mine.onTarget >= limit)
        return refuse(refusal::VoteLimitReached, "At most {1} votes per card", {std::to_string(limit)});
    return changeVotes(*retro, targetId, +1);
}

CommandResult removeDeviceVote(const Session& s, const Id& retroId, const Id& targetId, const DeviceVotes& mine) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = votingOpen(*retro)) return *r;
    if (mine.onTarget <= 0) return refuse(refusal::NoVotes, "You have no dot on this card");
    return changeVotes(*retro, targetId, -1);
}

bool mayChangeOwnCard(const Retrospective& retro, const Id& itemId) {
    const auto* item = find(retro.items, itemId);
    return item && item->hidden;
}

CommandResult editOwnCard(const Session& s, const Id& retroId, const Id& itemId, std::string text) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (!find(retro->items, itemId)) return notFound("retro item", itemId);
    if (!mayChangeOwnCard(*retro, itemId)) return refuse(refusal::Revealed, "This card is already revealed");
    return editRetroItemText(s, retroId, itemId, std::move(text));
}

CommandResult removeOwnCard(const Session& s, const Id& retroId, const Id& itemId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (!find(retro->items, itemId)) return notFound("retro item", itemId);
    if (!mayChangeOwnCard(*retro, itemId)) return refuse(refusal::Revealed, "This card is already revealed");
    return removeRetroItem(s, retroId, itemId);
}

std::vector<std::size_t> shuffledOrder(std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::uint64_t state = seed;
    for (std::size_t i = n; i > 1; --i) {
        // Rejection sampling keeps every permutation equally likely.
        const std::uint64_t bound = i;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t r = splitMix64(state);
        while (r >= limit) r = splitMix64(state);
        std::swap(order[i - 1], order[static_cast<std::size_t>(r % bound)]);
    }
    return order;
}

CommandResult revealShuffled(const Session& s, const Id& retroId, std::uint64_t seed) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    std::vector<std::size_t> hiddenAt;
    for (std::size_t i = 0; i < retro->items.size(); ++i)
        if (retro->items[i].hidden) hiddenAt.push_back(i);
    if (hiddenAt.empty()) return Change{};
    auto before = slotOf(s.retrospectives, Id{}, static_cast<std::size_t>(retro - s.retrospectives.data()));
    auto after = before;
    auto& items = after.value->items;
    const auto order = shuffledOrder(hiddenAt.size(), seed);
    std::vector<RetroItem> moved;
    moved.reserve(hiddenAt.size());
    for (std::size_t k : order) moved.push_back(retro->items[hiddenAt[k]]);
    for (std::size_t k = 0; k < hiddenAt.size(); ++k) {
        items[hiddenAt[k]] = std::move(moved[k]);
        items[hiddenAt[k]].hidden = false;
    }
    return Change::single("Reveal all cards", std::move(before), std::move(after));
}

std::optional<Scale> scaleOfPhase(Phase phase) {
    if (phase == Phase::SetTheStage) return Scale::CheckIn;
    if (phase == Phase::Close) return Scale::Roti;
    return std::nullopt;
}

} // namespace lernraum::core
