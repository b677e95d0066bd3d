// Markdown and HTML writers for the transfer report, including the inline SVG charts.
#include "document.hpp"

#include "escape.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace lernraum::report {

std::string truncateText(std::string_view raw, std::size_t maxCodePoints) {
    const std::string text = sanitizeText(raw, false);
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue; // continuation byte
        if (count == maxCodePoints) return text.substr(0, i) + "…";
        ++count;
    }
    return text;
}

std::vector<std::string> wrapLabel(std::string_view raw, std::size_t width) {
    const std::string text = sanitizeText(raw, false);
    std::vector<std::string> lines;
    std::string line, word;
    std::size_t lineLen = 0, wordLen = 0;
    auto flushWord = [&] {
        if (word.empty()) return;
        if (lineLen > 0 && lineLen + 1 + wordLen > width) {
            lines.push_back(std::move(line));
            line.clear();
            lineLen = 0;
        }
        if (lineLen > 0) {
            line += ' ';
            ++lineLen;
        }
        line += word;
        lineLen += wordLen;
        word.clear();
        wordLen = 0;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            flushWord();
            continue;
        }
        const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (lead && wordLen == width) { // a word longer than a line: break it
            flushWord();
        }
        word += c;
        if (lead) ++wordLen;
    }
    flushWord();
    if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

namespace {

std::string fmt(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10, std::chars_format::fixed, 1);
    std::string s(buf, r.ptr);
    if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

// A CSS string literal: quotes, backslashes, line breaks and "<" (no "</style>") as escapes.
std::string cssString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '\n' || c == '\r') {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%x ", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Okabe-Ito, colour-blind safe.
constexpr std::array<std::string_view, 8> kPalette{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                   "#56B4E9", "#D55E00", "#F0E442", "#999999"};

// Up to n indices spread evenly over [0, size), always including the first and the last.
std::vector<std::size_t> sampleIndices(std::size_t size, std::size_t n) {
    std::vector<std::size_t> out;
    if (size == 0) return out;
    if (size <= n) {
        for (std::size_t i = 0; i < size; ++i) out.push_back(i);
        return out;
    }
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = k * (size - 1) / (n - 1);
        if (out.empty() || out.back() != i) out.push_back(i);
    }
    return out;
}

} // namespace

namespace {

// The opening <svg> tag. Standalone (for a PNG renderer): with the namespace and the text style
// the HTML page otherwise gives through its stylesheet.
std::string svgOpen(std::string_view rawTitle, double height, bool standalone) {
    const std::string title = escapeHtml(sanitizeText(rawTitle, false));
    std::string out = "<svg " + std::string(standalone ? "xmlns=\"http://www.w3.org/2000/svg\" " : "") + "viewBox=\"0 0 640 " +
                      fmt(height) + "\" width=\"640\" height=\"" + fmt(height) + "\" role=\"img\" aria-label=\"" + title + "\">\n";
    if (standalone)
        out += "<style>text{font-family:\"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;font-size:12px;fill:#1d1d1b}</style>\n"
               "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    return out;
}

} // namespace

std::string dayLabel(const FlowChart& chart, std::size_t i) {
    if (i < chart.dayLabels.size()) return chart.dayLabels[i];
    return i < chart.days.size() ? chart.days[i].day.toString() : std::string{};
}

std::vector<std::vector<std::string>> barChartTable(const BarChart& chart) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& b : chart.bars) rows.push_back({b.label, std::to_string(b.value)});
    return rows;
}

std::vector<std::string> flowChartHeader(const FlowChart& chart) {
    std::vector<std::string> header{chart.table.labelHeader};
    for (const auto& c : chart.columns) header.push_back(c);
    return header;
}

std::vector<std::vector<std::string>> flowChartTable(const FlowChart& chart) {
    std::vector<std::vector<std::string>> rows;
    for (const auto i : sampleIndices(chart.days.size(), 8)) {
        std::vector<std::string> row{dayLabel(chart, i)};
        for (const int n : chart.days[i].counts) row.push_back(std::to_string(n));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string barChartSvg(const BarChart& chart, bool standalone) {
    // Long labels wrap onto several lines instead of being cut.
    constexpr std::size_t kLabelChars = 30;
    int max = 0;
    std::size_t longest = 1, totalLines = 0;
    std::vector<std::vector<std::string>> labels;
    for (const auto& b : chart.bars) {
        max = std::max(max, b.value);
        labels.push_back(wrapLabel(b.label, kLabelChars));
        totalLines += labels.back().size();
        for (const auto& line : labels.back())
            longest = std::max<std::size_t>(longest, static_cast<std::size_t>(std::count_if(
                                                         line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; })));
    }
    // Label column as wide as the longest line needs (about 7 px per character), bars after it.
    const double labelW = std::clamp(7.0 * static_cast<double>(longest) + 16.0, 40.0, 230.0);
    const double barW = 560 - labelW, rowH = 26, lineH = 15, top = 6;
    const double height = top + rowH * static_cast<double>(chart.bars.size()) +
                          lineH * static_cast<double>(totalLines - std::min(totalLines, chart.bars.size())) + 6;
    std::string out = svgOpen(chart.title, height, standalone);
    double y = top;
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const auto& b = chart.bars[i];
        const auto& lines = labels[i];
        const double extra = lineH * static_cast<double>(lines.size() - 1);
        const double w = max > 0 ? barW * b.value / max : 0;
        const double barY = y + extra / 2;
        out += "<text x=\"" + fmt(labelW - 8) + "\" y=\"" + fmt(y + 17) + "\" text-anchor=\"end\">";
        for (std::size_t k = 0; k < lines.size(); ++k) {
            out += lines.size() == 1 ? escapeHtml(lines[k])
                                       : "<tspan x=\"" + fmt(labelW - 8) + "\" y=\"" + fmt(y + 17 + lineH * static_cast<double>(k)) +
                                             "\">" + escapeHtml(lines[k]) + "</tspan>";
        }
        out += "</text>";
        out += "<rect x=\"" + fmt(labelW) + "\" y=\"" + fmt(barY + 4) + "\" width=\"" + fmt(std::max(w, 1.0)) +
                 "\" height=\"" + fmt(rowH - 8) + "\" fill=\"" + std::string(kPalette[0]) + "\"/>";
        out += "<text x=\"" + fmt(labelW + w + 6) + "\" y=\"" + fmt(barY + 17) + "\">" + std::to_string(b.value) + "</text>\n";
        y += rowH + extra;
    }
    out += "</svg>\n";
return out;
}


std::string flowChartSvg(const FlowChart& chart, bool standalone) {
    if (chart.days.empty() || chart.columns.empty()) return {};
    const double x0 = 48, x1 = 620, y0 = 14, y1 = 214;
    int max = 1;
    for (const auto& d : chart.days) {
        int sum = 0;
        for (const int n : d.counts) sum += n;
        max = std::max(max, sum);
    }
    const std::size_t n = chart.days.size();
    auto xAt = [&](std::size_t i) { return n == 1 ? (i == 0 ? x0 : x1) : x0 + (x1 - x0) * static_cast<double>(i) / static_cast<double>(n - 1); };
    auto yAt = [&](int v) { return y1 - (y1 - y0) * v / max; };
    const std::size_t points = n == 1 ? 2 : n;
    auto dayAt = [&](std::size_t i) -> const core::FlowDay& { return chart.days[n == 1 ? 0 : i]; };

    // Legend: three entries a row; long column names wrap instead of being cut.
    std::vector<std::vector<std::string>> legend;
    for (const auto& c : chart.columns) legend.push_back(wrapLabel(c, 24));
    std::vector<double> legendY;
    double nextRowY = y1 + 30;
    for (std::size_t c = 0; c < legend.size(); c += 3) {
        std::size_t lines = 1;
        for (std::size_t k = c; k < std::min(c + 3, legend.size()); ++k) lines = std::max(lines, legend[k].size());
        for (std::size_t k = c; k < std::min(c + 3, legend.size()); ++k) legendY.push_back(nextRowY);
        nextRowY += 20 + 14 * static_cast<double>(lines - 1);
    }
    const double height = nextRowY;
    std::string out = svgOpen(chart.title, height, standalone);
    // Stack from the rightmost column (done) at the bottom to the leftmost at the top.
    std::vector<int> below(points, 0);
    const std::size_t cols = chart.columns.size();
    for (std::size_t k = 0; k < cols; ++k) {
        const std::size_t c = cols - 1 - k;
        std::vector<int> above(points);
        for (std::size_t i = 0; i < points; ++i) {
            const auto& counts = dayAt(i).counts;
            above[i] = below[i] + (c < counts.size() ? counts[c] : 0);
        }
        std::string pts;
        for (std::size_t i = 0; i < points; ++i) pts += fmt(xAt(i)) + "," + fmt(yAt(above[i])) + " ";
        for (std::size_t i = points; i-- > 0;) pts += fmt(xAt(i)) + "," + fmt(yAt(below[i])) + (i ? " " : "");
        out += "<polygon points=\"" + pts + "\" fill=\"" + std::string(kPalette[c % kPalette.size()]) +
                 "\" fill-opacity=\"0.85\"/>\n";
        below = std::move(above);
    }
    // Axes and labels.
    out += "<line x1=\"" + fmt(x0) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x1) + "\" y2=\"" + fmt(y1) +
             "\" stroke=\"#1d1d1b\"/><line x1=\"" + fmt(x0) + "\" y1=\"" + fmt(y0) + "\" x2=\"" + fmt(x0) + "\" y2=\"" +
             fmt(y1) + "\" stroke=\"#1d1d1b\"/>\n";
    out += "<text x=\"" + fmt(x0 - 6) + "\" y=\"" + fmt(y0 + 10) + "\" text-anchor=\"end\">" + std::to_string(max) +
             "</text><text x=\"" + fmt(x0 - 6) + "\" y=\"" + fmt(y1) + "\" text-anchor=\"end\">0</text>\n";
    out += "<text x=\"" + fmt(x0) + "\" y=\"" + fmt(y1 + 16) + "\">" + dayLabel(chart, 0) +
             "</text><text x=\"" + fmt(x1) + "\" y=\"" + fmt(y1 + 16) + "\" text-anchor=\"end\">" +
             dayLabel(chart, chart.days.size() - 1) + "</text>\n";
    for (std::size_t c = 0; c < cols; ++c) {
        const double lx = x0 + 190 * static_cast<double>(c % 3);
        const double ly = legendY[c];
        out += "<rect x=\"" + fmt(lx) + "\" y=\"" + fmt(ly) + "\" width=\"12\" height=\"12\" fill=\"" +
                 std::string(kPalette[c % kPalette.size()]) + "\"/><text x=\"" + fmt(lx + 18) + "\" y=\"" +
                 fmt(ly + 11) + "\">";
        const auto& lines = legend[c];
        for (std::size_t k = 0; k < lines.size(); ++k) {
            out += lines.size() == 1 ? escapeHtml(lines[k])
                                       : "<tspan x=\"" + fmt(lx + 18) + "\" y=\"" + fmt(ly + 11 + 14 * static_cast<double>(k)) + "\">" +
                                             escapeHtml(lines[k]) + "</tspan>";
        }
        out += "</text>\n";
    }
    out += "</svg>\n";
return out;
}


namespace {

// ---------------------------------------------------------------------------------------------

class MarkdownDocument final : public Document {
public:
    void title(std::string_view text, std::string_view subtitle) override {
        m_out += "# " + escapeMarkdown(text) + "\n\n";
        if (!subtitle.empty()) m_out += escapeMarkdown(subtitle) + "\n\n";
    }
    void heading(int level, std::string_view text) override {
        m_out += std::string(static_cast<std::size_t>(std::clamp(level, 2, 6)), '#') + " " + escapeMarkdown(text) + "\n\n";
    }
    void paragraph(std::string_view text) override { m_out += escapeMarkdown(text) + "\n\n"; }
    void note(std::string_view text) override { m_out += "*" + escapeMarkdown(text) + "*\n\n"; }
    void fields(const std::vector<std::pair<std::string, std::string>>& kv) override {
        for (const auto& [k, v] : kv) m_out += "- **" + escapeMarkdown(k) + ":** " + escapeMarkdown(v) + "\n";
        m_out += "\n";
    }
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& numeric) override {
        m_out += "|";
        for (const auto& h : header) m_out += " " + escapeMarkdown(h) + " |";
        m_out += "\n|";
        for (std::size_t i = 0; i < header.size(); ++i) m_out += (i < numeric.size() && numeric[i]) ? "---:|" : "---|";
        m_out += "\n";
        for (const auto& row : rows) {
            m_out += "|";
            for (std::size_t i = 0; i < header.size(); ++i) {
                const std::string cell = i < row.size() ? escapeMarkdown(row[i]) : std::string{};
                m_out += cell.empty() ? " |" : " " + cell + " |";
            }
            m_out += "\n";
        }
        m_out += "\n";
    }
    void list(const std::vector<std::string>& items) override {
        for (const auto& item : items) m_out += "- " + escapeMarkdown(item) + "\n";
        m_out += "\n";
    }
    void barChart(const BarChart& chart) override {
        int max = 0;
        for (const auto& b : chart.bars) max = std::max(max, b.value);
        m_out += "**" + escapeMarkdown(chart.title) + "**\n\n";
        if (!chart.caption.empty()) m_out += escapeMarkdown(chart.caption) + "\n\n";
        m_out += "| | | |\n|---|---:|---|\n";
        for (const auto& b : chart.bars) {
            const int width = max > 0 ? static_cast<int>(std::lround(20.0 * b.value / max)) : 0;
            std::string bar;
            for (int i = 0; i < width; ++i) bar += "█";
            m_out += "| " + escapeMarkdown(b.label) + " | " + std::to_string(b.value) + " | " + bar + " |\n";
        }
        m_out += "\n";
    }
    void flowChart(const FlowChart& chart) override {
        if (chart.days.empty()) return;
        m_out += "**" + escapeMarkdown(chart.title) + "**\n\n";
        std::vector<bool> numeric(chart.columns.size() + 1, true);
        numeric[0] = false;
        table(flowChartHeader(chart), flowChartTable(chart), numeric);
    }
    std::string finish(std::string_view footer) override {
        m_out += "---\n\n" + escapeMarkdown(footer) + "\n";
        return std::move(m_out);
    }

private:
    std::string m_out;
};

// ---------------------------------------------------------------------------------------------

constexpr std::string_view kCss = R"(:root{--ink:#1d1d1b;--muted:#5a5a57;--line:#c9c9c4;--accent:#0072B2;--band:#f3f3ef}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 "DejaVu Sans","Noto Sans",Arial,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .25rem}
.subtitle{color:var(--muted);margin:0 0 1.5rem}
h2{font-size:1.4rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.15rem;margin:1.6rem 0 .5rem}
h4{font-size:1rem;margin:1.2rem 0 .4rem}
p,dd,td,li{white-space:pre-line;overflow-wrap:break-word}
th{overflow-wrap:normal}
.note{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:var(--band)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0 1rem}
dt{font-weight:bold}
dd{margin:0}
figure{margin:1rem 0 1.5rem}
figcaption{font-weight:bold;margin-bottom:.3rem}
details.chart-data{margin:.3rem 0 0;font-size:.9rem}
details.chart-data summary{cursor:pointer;color:var(--muted)}
svg{max-width:100%;height:auto;display:block}
svg text{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;font-size:12px;fill:var(--ink)}
footer{max-width:52rem;margin:0 auto;padding:1rem 1.25rem 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
@page{size:A4;margin:18mm 16mm 20mm}
@media print{
body{font-size:10.5pt}
main{max-width:none;padding:0}
footer{max-width:none;padding:4mm 0 0}
h2{break-after:avoid;page-break-after:avoid}
h3,h4{break-after:avoid;page-break-after:avoid}
table,figure,dl{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
svg *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
})";

class HtmlDocument final : public Document {
public:
    HtmlDocument(std::string_view lang, std::string_view documentTitle, const PageText& page, std::string_view runningHeader) {
        m_out += "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
        // Defence in depth: even if something slipped through escaping, nothing could run or load.
        m_out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
        m_out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        m_out += "<meta name=\"generator\" content=\"Lernraum\">\n";
        m_out += "<title>" + escapeHtml(sanitizeText(documentTitle, false)) + "</title>\n<style>\n";
        m_out += kCss;
        // Page numbers (and the running header) in print: CSS page margin boxes (Chromium 131+,
        // Firefox and LibreOffice ignore them and print without).
        m_out += "\n@page{@bottom-right{content:" + cssString(page.page + " ") + " counter(page) " + cssString(" " + page.of + " ") +
                 " counter(pages);font:9pt \"DejaVu Sans\",Arial,sans-serif;color:#5a5a57}";
        if (!runningHeader.empty())
            m_out += "@top-right{content:" + cssString(sanitizeText(runningHeader, false)) +
                     ";font:9pt \"DejaVu Sans\",Arial,sans-serif;color:#5a5a57}";
        m_out += "}";
        m_out += "\n</style>\n</head>\n<body>\n<main>\n";
    }

    void title(std::string_view text, std::string_view subtitle) override {
        m_out += "<h1>" + escapeHtml(text) + "</h1>\n";
        if (!subtitle.empty()) m_out += "<p class=\"subtitle\">" + escapeHtml(subtitle) + "</p>\n";
    }
    void heading(int level, std::string_view text) override {
        const std::string tag = "h" + std::to_string(std::clamp(level, 2, 6));
        m_out += "<" + tag + ">" + escapeHtml(sanitizeText(text, false)) + "</" + tag + ">\n";
    }
    void paragraph(std::string_view text) override { m_out += "<p>" + escapeHtml(text) + "</p>\n"; }
    void note(std::string_view text) override { m_out += "<p class=\"note\">" + escapeHtml(text) + "</p>\n"; }
    void fields(const std::vector<std::pair<std::string, std::string>>& kv) override {
        m_out += "<dl>\n";
        for (const auto& [k, v] : kv) m_out += "<dt>" + escapeHtml(k) + "</dt><dd>" + escapeHtml(v) + "</dd>\n";
        m_out += "</dl>\n";
    }
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& numeric) override {
        auto cls = [&](std::size_t i) { return (i < numeric.size() && numeric[i]) ? std::string(" class=\"num\"") : std::string{}; };
        m_out += "<table>\n<thead><tr>";
        for (std::size_t i = 0; i < header.size(); ++i) m_out += "<th scope=\"col\"" + cls(i) + ">" + escapeHtml(header[i]) + "</th>";
        m_out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            m_out += "<tr>";
            for (std::size_t i = 0; i < header.size(); ++i)
                m_out += "<td" + cls(i) + ">" + (i < row.size() ? escapeHtml(row[i]) : std::string{}) + "</td>";
            m_out += "</tr>\n";
        }
        m_out += "</tbody>\n</table>\n";
    }
    void list(const std::vector<std::string>& items) override {
        m_out += "<ul>\n";
        for (const auto& item : items) m_out += "<li>" + escapeHtml(item) + "</li>\n";
        m_out += "</ul>\n";
    }

    void barChart(const BarChart& chart) override {
        const std::string title = escapeHtml(sanitizeText(chart.title, false));
        m_out += "<figure>\n<figcaption>" + title + "</figcaption>\n" + barChartSvg(chart, false);
        if (!chart.caption.empty()) m_out += "<p class=\"note\">" + escapeHtml(chart.caption) + "</p>\n";
        dataTable(chart.table, {chart.table.labelHeader, chart.table.valueHeader}, barChartTable(chart));
        m_out += "</figure>\n";
    }

    void flowChart(const FlowChart& chart) override {
        if (chart.days.empty() || chart.columns.empty()) return;
        const std::string title = escapeHtml(sanitizeText(chart.title, false));
        m_out += "<figure>\n<figcaption>" + title + "</figcaption>\n" + flowChartSvg(chart, false);
        dataTable(chart.table, flowChartHeader(chart), flowChartTable(chart));
        m_out += "</figure>\n";
    }

    // The chart's data, collapsed under the chart (screen readers and copying; printed only when opened).
    void dataTable(const ChartTableText& text, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
        if (rows.empty()) return;
        m_out += "<details class=\"chart-data\"><summary>" + escapeHtml(text.summary) + "</summary>\n";
        std::vector<bool> numeric(header.size(), true);
        numeric[0] = false;
        table(header, rows, numeric);
        m_out += "</details>\n";
    }

    std::string finish(std::string_view footer) override {
        m_out += "</main>\n<footer>" + escapeHtml(footer) + "</footer>\n</body>\n</html>\n";
        return std::move(m_out);
    }

private:
    std::string m_out;
};

} // namespace

std::unique_ptr<Document> makeMarkdownDocument() { return std::make_unique<MarkdownDocument>(); }
std::unique_ptr<Document> makeHtmlDocument(std::string_view htmlLang, std::string_view documentTitle, const PageText& page,
                                           std::string_view runningHeader) {
    return std::make_unique<HtmlDocument>(htmlLang, documentTitle, page, runningHeader);
}

} // namespace lernraum::report
