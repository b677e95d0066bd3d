#pragma once
// A tiny document model for the transfer report: the report's content is written once against
// this interface; Markdown and HTML writers turn it into text. Every string handed to a writer is
// treated as untrusted and escaped by the writer.

#include "core/flow.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lernraum::report {

struct Bar {
    std::string label;
    int value = 0;
};

struct BarChart {
    std::string title;
    std::vector<Bar> bars;
    std::string caption; // e.g. the scale of a histogram
};

struct FlowChart {
    std::string title;
    std::vector<std::string> columns; // left to right on the board
    std::vector<core::FlowDay> days;
};

class Document {
public:
    virtual ~Document() = default;
    virtual void title(std::string_view text, std::string_view subtitle) = 0;
    virtual void heading(int level, std::string_view text) = 0; // level 2..4
    virtual void paragraph(std::string_view text) = 0;
    virtual void note(std::string_view text) = 0; // de-emphasised remark
    virtual void fields(const std::vector<std::pair<std::string, std::string>>& labelValue) = 0;
    // numeric[i] right-aligns column i.
    virtual void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& numeric = {}) = 0;
    virtual void list(const std::vector<std::string>& items) = 0;
    virtual void barChart(const BarChart& chart) = 0;
    virtual void flowChart(const FlowChart& chart) = 0;
    virtual std::string finish(std::string_view footer) = 0;
};

// htmlLang: value of <html lang>; documentTitle: <title>.
std::unique_ptr<Document> makeMarkdownDocument();
std::unique_ptr<Document> makeHtmlDocument(std::string_view htmlLang, std::string_view documentTitle);

// Chart label lines of at most `width` code points, broken at spaces (a longer word is split).
std::vector<std::string> wrapLabel(std::string_view text, std::size_t width);

// At most maxCodePoints code points of (sanitized) text, with "…" when cut.
std::string truncateText(std::string_view text, std::size_t maxCodePoints);

} // namespace lernraum::report
