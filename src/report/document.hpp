#pragma once
// A tiny document model for the transfer report: the report's content is written once against
// this interface; Markdown, HTML and ODT writers turn it into a document. Every string handed to a writer is
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

// Headers of the table that gives a chart's data as text (HTML and ODT show it with the chart).
struct ChartTableText {
    std::string summary;     // e.g. "Daten der Grafik als Tabelle"
    std::string labelHeader; // first column (bar label, or the day of a flow chart)
    std::string valueHeader; // bar charts: the value column
};

struct BarChart {
    std::string title;
    std::vector<Bar> bars;
    std::string caption; // e.g. the scale of a histogram
    ChartTableText table;
};

struct FlowChart {
    std::string title;
    std::vector<std::string> columns; // left to right on the board
    std::vector<core::FlowDay> days;
    std::vector<std::string> dayLabels; // days[i] as the report writes dates; empty: ISO dates
    ChartTableText table;
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

// Optional fields of the report's head (all empty: none shown).
struct ReportHeader {
    std::string organisation, fileNumber, author, status;
    [[nodiscard]] bool empty() const { return organisation.empty() && fileNumber.empty() && author.empty() && status.empty(); }
};

// Texts a writer puts around the content: the page footer of ODT and print ("Seite 3 von 7").
struct PageText {
    std::string page = "Page", of = "of";
};

// htmlLang: value of <html lang>; documentTitle: <title>.
std::unique_ptr<Document> makeMarkdownDocument();
std::unique_ptr<Document> makeHtmlDocument(std::string_view htmlLang, std::string_view documentTitle,
                                           const PageText& page = {}, std::string_view runningHeader = {});
// OpenDocument text (.odt): finish() returns the bytes of the zip package (content.xml, styles.xml,
// meta.xml, the charts as PNG images rendered from the same SVG as the HTML report). Real headings
// with outline levels, tables, page numbers in the footer; runningHeader (e.g. organisation and
// file number) in the page header. See odt_document.cpp.
std::unique_ptr<Document> makeOdtDocument(std::string_view language, std::string_view documentTitle,
                                          const PageText& page = {}, std::string_view runningHeader = {},
                                          std::string_view author = {});

// The chart as standalone (true: namespace and text style included, for a PNG renderer) or inline SVG.
std::string barChartSvg(const BarChart& chart, bool standalone);
std::string flowChartSvg(const FlowChart& chart, bool standalone);
// A chart's data as table rows: label, value / day, count per column (at most 8 days, evenly spread).
std::vector<std::vector<std::string>> barChartTable(const BarChart& chart);
std::vector<std::vector<std::string>> flowChartTable(const FlowChart& chart);
std::vector<std::string> flowChartHeader(const FlowChart& chart);
std::string dayLabel(const FlowChart& chart, std::size_t i);

// Chart label lines of at most `width` code points, broken at spaces (a longer word is split).
std::vector<std::string> wrapLabel(std::string_view text, std::size_t width);

// At most maxCodePoints code points of (sanitized) text, with "…" when cut.
std::string truncateText(std::string_view text, std::size_t maxCodePoints);

} // namespace lernraum::report
