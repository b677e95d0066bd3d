#include "import/trello.hpp"

#include "core/text.hpp"
#include "core/validate.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

// RapidJSON reports internal errors through RAPIDJSON_ASSERT; make them exceptions (caught below)
// instead of abort(). The file is parsed iteratively: nesting depth costs heap, not stack.
#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x)                                                                                \
    if (!(x)) throw std::runtime_error("rapidjson assertion: " #x)
#endif
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace lernraum::importer {
namespace {

using Value = rapidjson::Value;

// The first member of `names` that `object` has, or null. Trello, Wekan and Deck name the same
// thing differently ("name"/"title", "idList"/"listId", ...).
const Value* member(const Value& object, std::initializer_list<const char*> names) {
    if (!object.IsObject()) return nullptr;
    for (const char* name : names) {
        const auto it = object.FindMember(name);
        if (it != object.MemberEnd() && !it->value.IsNull()) return &it->value;
    }
    return nullptr;
}

std::string text(const Value& object, std::initializer_list<const char*> names) {
    const Value* v = member(object, names);
    if (!v || !v->IsString()) return {};
    return core::normalizeLineBreaks(std::string_view(v->GetString(), v->GetStringLength()));
}

bool flag(const Value& object, std::initializer_list<const char*> names) {
    const Value* v = member(object, names);
    return v && v->IsBool() && v->GetBool();
}

// "pos" is a number in Trello (int or float), sometimes a numeric string; missing = after the rest.
double position(const Value& object) {
    const Value* v = member(object, {"pos", "sort"});
    if (!v) return 1e300;
    if (v->IsNumber()) return v->GetDouble();
    if (v->IsString()) {
        try {
            return std::stod(v->GetString());
        } catch (const std::exception&) {
        }
    }
    return 1e300;
}

const Value* array(const Value& object, std::initializer_list<const char*> names) {
    const Value* v = member(object, names);
    return v && v->IsArray() ? v : nullptr;
}

// Indices of the objects of `list` in the order of their "pos" (stable for equal positions).
std::vector<const Value*> byPosition(const Value* list) {
    std::vector<std::pair<double, const Value*>> items;
    if (list)
        for (const auto& x : list->GetArray())
            if (x.IsObject()) items.emplace_back(position(x), &x);
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Value*> out;
    out.reserve(items.size());
    for (const auto& [pos, x] : items) out.push_back(x);
    return out;
}

std::string idOf(const Value& object) { return text(object, {"id", "_id"}); }

// Trello's label colours (also "green_dark", "sky_light", ...) in the Okabe-Ito card palette.
core::CardColour colourOf(std::string name) {
    if (const auto cut = name.find('_'); cut != std::string::npos) name.resize(cut);
    static const std::unordered_map<std::string, core::CardColour> kColours{
        {"green", core::CardColour::BluishGreen}, {"lime", core::CardColour::BluishGreen},
        {"yellow", core::CardColour::Yellow},     {"orange", core::CardColour::Orange},
        {"red", core::CardColour::Vermillion},    {"purple", core::CardColour::ReddishPurple},
        {"pink", core::CardColour::ReddishPurple}, {"blue", core::CardColour::Blue},
        {"sky", core::CardColour::SkyBlue},       {"navy", core::CardColour::Blue},
        {"black", core::CardColour::Grey},        {"silver", core::CardColour::Grey},
        {"crimson", core::CardColour::Vermillion}, {"peachpuff", core::CardColour::Orange},
        {"gold", core::CardColour::Yellow},       {"magenta", core::CardColour::ReddishPurple},
        {"midnight", core::CardColour::Blue},     {"darkgreen", core::CardColour::BluishGreen},
        {"indigo", core::CardColour::Blue},       {"plum", core::CardColour::ReddishPurple},
        {"white", core::CardColour::None},        {"slateblue", core::CardColour::Blue},
    };
    const auto it = kColours.find(name);
    return it == kColours.end() ? core::CardColour::None : it->second;
}

struct Label {
    std::string name;
    core::CardColour colour = core::CardColour::None;
};

Label labelOf(const Value& label) {
    Label l;
    l.name = std::string(core::trim(text(label, {"name"})));
    l.colour = colourOf(text(label, {"color"}));
    return l;
}

core::ImportNote note(std::string_view pattern, std::vector<std::string> args = {}) {
    return core::ImportNote{pattern, std::move(args)};
}

TrelloImport refuse(std::string_view pattern, std::vector<std::string> args = {}) {
    TrelloImport out;
    out.error = note(pattern, std::move(args));
    return out;
}

// A card title short enough for a summary line.
std::string shortTitle(const std::string& title) {
    if (title.size() <= 60) return title;
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut; // not inside a UTF-8 sequence
    return title.substr(0, cut) + "...";
}

// A board or list name as a title: control characters become spaces, at most 1,000 bytes (Trello
// itself allows 16,384 characters), trimmed. Cards are checked instead (and skipped when bad).
std::string cleanName(std::string name) {
    for (char& c : name)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    if (name.size() > 1000) {
        std::size_t cut = 1000;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    return std::string(core::trim(name));
}

TrelloImport read(const Value& root) {
    if (!root.IsObject()) return refuse("This JSON file is not a Trello board export (it has no lists and cards).");
    const Value* lists = array(root, {"lists"});
    const Value* cards = array(root, {"cards"});
    if (!lists || !cards) {
        // A card exported on its own ("Export JSON" in a card's menu) has the card's fields at the top.
        if (member(root, {"idList", "listId"}) && !lists)
            return refuse("This is a single card, not a board. Export the whole board in Trello: "
                          "Menu > Print, export and share > Export as JSON.");
        return refuse("This JSON file is not a Trello board export (it has no lists and cards).");
    }
    if (cards->Size() > core::kMaxListSize)
        return refuse("The board has {1} cards, more than {2}.", {std::to_string(cards->Size()), std::to_string(core::kMaxListSize)});

    TrelloImport out;
    out.draft.title = cleanName(text(root, {"name", "title"}));
    if (out.draft.title.empty()) out.draft.title = "Trello";

    // Lists -> columns (open ones, by position); archived lists are counted and left out.
    std::unordered_map<std::string, std::size_t> columnOf;
    std::unordered_set<std::string> archivedLists;
    for (const Value* list : byPosition(lists)) {
        const std::string id = idOf(*list);
        if (flag(*list, {"closed", "archived"})) {
            archivedLists.insert(id);
            continue;
        }
        std::string title = cleanName(text(*list, {"name", "title"}));
        columnOf.emplace(id, out.draft.columns.size());
        out.draft.columns.push_back(core::DraftColumn{title, core::guessColumnKind(title)});
    }
    if (out.draft.columns.size() > core::kMaxColumns)
        return refuse("The board has {1} open lists, a Lernraum board has at most {2} columns.",
                      {std::to_string(out.draft.columns.size()), std::to_string(core::kMaxColumns)});
    if (out.draft.columns.empty()) return refuse("The board has no open lists, so there is nothing to import.");

    // Labels of the board (modern schema); older exports have them only inside the cards.
    std::unordered_map<std::string, Label> labels;
    if (const Value* all = array(root, {"labels"}))
        for (const auto& l : all->GetArray())
            if (l.IsObject()) labels.emplace(idOf(l), labelOf(l));

    // Checklists by card: the top-level array (Trello, Deck) or per card (older exports); Wekan
    // keeps the items in a separate "checklistItems" array.
    std::unordered_map<std::string, std::vector<const Value*>> checklistsOf;
    if (const Value* all = array(root, {"checklists"}))
        for (const Value* c : byPosition(all)) checklistsOf[text(*c, {"idCard", "cardId"})].push_back(c);
    std::unordered_map<std::string, std::vector<const Value*>> wekanItems;
    if (const Value* all = array(root, {"checklistItems"}))
        for (const Value* item : byPosition(all)) wekanItems[text(*item, {"checklistId"})].push_back(item);

    std::size_t archivedListCards = 0, orphanCards = 0, archivedCards = 0, checklistCount = 0, itemCount = 0, dueCount = 0;
    std::unordered_set<std::string> tagNames;
    std::vector<core::ImportNote> skipped;
    out.draft.cards.reserve(cards->Size());
    for (const Value* c : byPosition(cards)) {
        const std::string listId = text(*c, {"idList", "listId"});
        const auto column = columnOf.find(listId);
        if (column == columnOf.end()) {
            ++(archivedLists.count(listId) ? archivedListCards : orphanCards);
            continue;
        }
        core::DraftCard card;
        card.column = column->second;
        card.title = std::string(core::trim(text(*c, {"name", "title"})));
        card.description = text(*c, {"desc", "description"});
        card.archived = flag(*c, {"closed", "archived"});

        // Labels: the card's own label objects, else its label ids resolved against the board's.
        std::vector<Label> cardLabels;
        if (const Value* own = array(*c, {"labels"}); own && own->Size() > 0 && (*own)[0].IsObject()) {
            for (const auto& l : own->GetArray())
                if (l.IsObject()) cardLabels.push_back(labelOf(l));
        } else if (const Value* ids = array(*c, {"idLabels", "labelIds"})) {
            for (const auto& id : ids->GetArray())
                if (id.IsString())
                    if (const auto it = labels.find(id.GetString()); it != labels.end()) cardLabels.push_back(it->second);
        }
        for (const auto& l : cardLabels) {
            if (card.colour == core::CardColour::None) card.colour = l.colour;
            if (!l.name.empty() && std::find(card.tags.begin(), card.tags.end(), l.name) == card.tags.end()) {
                card.tags.push_back(l.name);
                tagNames.insert(l.name);
            }
        }

        // Due date: the day of Trello's ISO timestamp ("2026-12-24T11:00:00.000Z").
        const std::string due = text(*c, {"due", "dueAt", "duedate"});
        if (due.size() >= 10)
            if (const auto d = core::Date::parse(std::string_view(due).substr(0, 10)); d && d->isValid()) {
                card.due = *d;
                ++dueCount;
            }

        // Checklists in position order; with more than one, each item says which list it is from.
        std::vector<const Value*> cardLists;
        if (const auto it = checklistsOf.find(idOf(*c)); it != checklistsOf.end()) cardLists = it->second;
        else if (const Value* own = array(*c, {"checklists"})) cardLists = byPosition(own);
        std::unordered_map<std::string, bool> states; // old schema: check item states on the card
        if (const Value* s = array(*c, {"checkItemStates"}))
            for (const auto& st : s->GetArray()) states[text(st, {"idCheckItem"})] = text(st, {"state"}) == "complete";
        for (const Value* list : cardLists) {
            ++checklistCount;
            const std::string listName = std::string(core::trim(text(*list, {"name", "title"})));
            std::vector<const Value*> items = byPosition(array(*list, {"checkItems", "items"}));
            if (items.empty())
                if (const auto it = wekanItems.find(idOf(*list)); it != wekanItems.end()) items = it->second;
            for (const Value* item : items) {
                core::ChecklistItem ci;
                ci.text = std::string(core::trim(text(*item, {"name", "title"})));
                if (ci.text.empty()) continue;
                if (cardLists.size() > 1 && !listName.empty()) ci.text = listName + ": " + ci.text;
                const std::string state = text(*item, {"state"});
                const auto old = states.find(idOf(*item));
                ci.done = state == "complete" || flag(*item, {"isFinished", "checked"}) ||
                          (state.empty() && old != states.end() && old->second);
                card.checklist.push_back(std::move(ci));
                ++itemCount;
            }
        }

        if (const auto problem = core::checkDraftCard(card)) {
            skipped.push_back(note("Card '{1}' skipped: {2}",
                                   {shortTitle(card.title.empty() ? "#" + std::to_string(out.draft.cards.size() + skipped.size() + 1)
                                                                  : card.title),
                                    problem->message()}));
            continue;
        }
        if (card.archived) ++archivedCards;
        out.draft.cards.push_back(std::move(card));
    }

    out.notes.push_back(note("{1} columns, {2} cards ({3} of them archived)",
                             {std::to_string(out.draft.columns.size()), std::to_string(out.draft.cards.size()),
                              std::to_string(archivedCards)}));
    if (!archivedLists.empty())
        out.notes.push_back(note("{1} archived lists left out (with {2} cards)",
                                 {std::to_string(archivedLists.size()), std::to_string(archivedListCards)}));
    if (orphanCards > 0) out.notes.push_back(note("{1} cards skipped: their list is not in the file", {std::to_string(orphanCards)}));
    if (checklistCount > 0)
        out.notes.push_back(note("{1} checklists with {2} items", {std::to_string(checklistCount), std::to_string(itemCount)}));
    if (!tagNames.empty()) out.notes.push_back(note("{1} labels became tags", {std::to_string(tagNames.size())}));
    if (dueCount > 0) out.notes.push_back(note("Due dates are taken as days (UTC); times of day are left out."));
    for (auto& s : skipped) out.notes.push_back(std::move(s));
    out.notes.push_back(note("Not imported: members, avatars, e-mail addresses, comments, attachments, votes and the history "
                             "of the board, so that no personal data from the other tool ends up in the workshop file."));
    out.notes.push_back(note("Not imported: custom fields, stickers, cover images and Power-Ups."));
    return out;
}

} // namespace

TrelloImport parseTrelloExport(std::string_view json) {
    if (core::trim(json).empty()) return refuse("The file is empty.");
    if (json.size() > kMaxTrelloBytes)
        return refuse("The file is larger than {1} MB.", {std::to_string(kMaxTrelloBytes / (1024 * 1024))});
    if (!core::isValidUtf8(json)) return refuse("The file is not valid UTF-8 text, so it is not a Trello export.");
    try {
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
        if (doc.HasParseError() && doc.GetErrorOffset() >= json.size())
            return refuse("The file ends in the middle: it was cut off while copying or downloading.");
        if (doc.HasParseError())
            return refuse("The file is damaged or not JSON: {1} (at byte {2}).",
                          {rapidjson::GetParseError_En(doc.GetParseError()), std::to_string(doc.GetErrorOffset())});
        return read(doc);
    } catch (const std::bad_alloc&) {
        return refuse("The file is too large to read.");
    } catch (const std::exception& e) {
        return refuse("The file is damaged or not JSON: {1} (at byte {2}).", {e.what(), "0"});
    }
}

} // namespace lernraum::importer
