#pragma once
// Shared by the retrospective rule tests: apply a command that must succeed through the history,
// check that the session stays valid and that undo restores it exactly, then redo it.

#include "core/history.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace lernraum::test {

inline void applyOk(core::Session& s, core::History& h, const core::CommandResult& r) {
    INFO((r ? std::string("ok") : r.refusal().message()));
    REQUIRE(r.ok());
    const core::Session before = s;
    REQUIRE(h.apply(s, r));
    for (const auto& problem : core::validate(s)) FAIL_CHECK(problem.toString());
    h.undo(s);
    CHECK(s == before);
    h.redo(s);
}

} // namespace lernraum::test
