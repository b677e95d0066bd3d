#pragma once
// The heights of a long list's items and their running sums, kept between frames. A frame finds
// the items on screen by binary search and reserves the space of all the others with one Dummy
// above and one below them, so its cost follows what is visible, not the length of the list
// (board cells, retrospective prompts; TableRowClip below: the retrospective's groups and actions
// tables). The owner rebuilds it when the list changes (the undo history's version,
// ViewContext::history) or when heights change (width, font, language, ...).
//
//   if (changed) { layout.clear(); for (item : items) layout.push(estimate(item)); }
//   ListClip clip(layout);                   // at the list's top, in a window that scrolls
//   for (std::size_t i = clip.first(); i < clip.last(); ++i) { draw(i); clip.measured(i); }
//   clip.end();                              // the space of the items below

#include <cstddef>
#include <utility>
#include <vector>

namespace lernraum::ui {

class ListLayout {
public:
    void clear();
    void reserve(std::size_t n);
    void push(float height); // the next item's height (item spacing included)

    [[nodiscard]] std::size_t size() const { return m_heights.size(); }
    [[nodiscard]] bool empty() const { return m_heights.empty(); }
    [[nodiscard]] float height(std::size_t i) const { return m_heights[i]; }
    // Where item i starts, from the top of the list (offset(size()) is the total height).
    [[nodiscard]] float offset(std::size_t i) const;
    [[nodiscard]] float total() const { return offset(size()); }
    // A drawn item turned out to have another height: the sums after it are fixed on the next query.
    void setHeight(std::size_t i, float height);
    // [first, last): the items that overlap [top, bottom) (list coordinates). An empty range
    // (first == last) when nothing does.
    [[nodiscard]] std::pair<std::size_t, std::size_t> visible(float top, float bottom) const;

private:
    void fixSums() const;

    std::vector<float> m_heights;
    // m_sums[i] = height of the items before i (double: 100,000 cards are millions of pixels).
    mutable std::vector<double> m_sums{0.0};
    mutable std::size_t m_validUpTo = 0; // m_sums[0..m_validUpTo] are right
};

// One frame's clipping of a list laid out by ListLayout, at the cursor of the current window:
// the constructor reserves the space above the first visible item, end() the space below the
// last. measured(i) after drawing item i (at the cursor, nothing else in between) stores the
// height it really took.
class ListClip {
public:
    explicit ListClip(ListLayout& layout);
    ~ListClip() { end(); }
    ListClip(const ListClip&) = delete;
    ListClip& operator=(const ListClip&) = delete;

    [[nodiscard]] std::size_t first() const { return m_first; }
    [[nodiscard]] std::size_t last() const { return m_last; }
    [[nodiscard]] bool isVisible(std::size_t i) const { return i >= m_first && i < m_last; }
    void measured(std::size_t i);
    // Scrolls the window so that item i (off-screen: not drawn) shows in the middle next frame.
    void scrollTo(std::size_t i) const;
    void end();

private:
    ListLayout& m_layout;
    std::size_t m_first = 0;
    std::size_t m_last = 0;
    float m_top = 0.0f;      // screen y where the list starts
    float m_itemTop = 0.0f;  // screen y where the item being drawn started
    bool m_ended = false;
};

// The same for the rows of an ImGui table whose rows differ in height: the rows above and below
// the screen are one empty row each, as tall as they are (an empty row takes the height asked
// for); a row's measured height is the distance to the next row's start. Construct it before
// BeginTable (margin: the header rows' height), then
//   if (BeginTable(...)) { headers; clip.begin();
//     for (i = clip.first(); i < clip.last(); ++i) { clip.row(i); ...cells... }  clip.end(); EndTable(); }
// row(i) starts the row in column 0. Alternating row colours keep their order while scrolling.
class TableRowClip {
public:
    TableRowClip(ListLayout& layout, float margin);
    [[nodiscard]] std::size_t first() const { return m_first; }
    [[nodiscard]] std::size_t last() const { return m_last; }
    void begin();
    void row(std::size_t i);
    void end();

private:
    ListLayout& m_layout;
    std::size_t m_first = 0;
    std::size_t m_last = 0;
    std::size_t m_row = 0;   // the row being drawn
    float m_rowTop = 0.0f;   // screen y where it started
    bool m_inRow = false;
};

} // namespace lernraum::ui
